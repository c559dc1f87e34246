/** "More results": fetches the next page and appends it. */
import type { SearchController } from '../controller.js';
import { hasMore } from '../state.js';
import { h } from './dom.js';

export function renderMore(controller: SearchController, container: HTMLElement): void {
  const more = h('button', { class: 'more', part: 'more', type: 'button', hidden: '' });
  container.appendChild(more);
  controller.on('config', () => {
    more.textContent = controller.config.strings.more!;
  });
  controller.on('view', () => {
    more.hidden = !hasMore(controller.state);
  });
  more.addEventListener('click', () => controller.more());
}
