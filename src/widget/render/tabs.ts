/** The type tabs (All / Articles / …): toggle buttons, shown when more than one type is searched. */
import type { DocType } from '../client.js';
import type { SearchController } from '../controller.js';
import { h } from './dom.js';

export function renderTabs(controller: SearchController, container: HTMLElement): void {
  const tabs = h('div', { class: 'tabs', part: 'tabs', role: 'group' });
  container.appendChild(tabs);

  function render() {
    const { types, strings } = controller.config;
    const choices: Array<DocType | ''> = ['', ...types];
    tabs.hidden = types.length < 2;
    tabs.replaceChildren(
      ...choices.map((type) => {
        const button = h(
          'button',
          {
            class: 'tab',
            part: 'tab',
            type: 'button',
            'aria-pressed': String(controller.state.type === type),
          },
          type ? strings[type] : strings.all,
        );
        button.addEventListener('click', () => {
          controller.setType(type);
          // The buttons were just replaced: focus goes to the new one for the tab chosen.
          (tabs.children[choices.indexOf(type)] as HTMLElement).focus();
        });
        return button;
      }),
    );
  }

  controller.on('config', () => {
    tabs.setAttribute('aria-label', controller.config.strings.types!);
    render();
  });
  controller.on('type', render);
}
