/**
 * The search box: the combobox input, its clear button, and its keyboard. Typing goes to the
 * controller, which decides when to search and suggest; the arrows and Enter move through and
 * choose the listbox's options (results.ts) while focus stays here.
 */
import type { SearchController } from '../controller.js';
import { h } from './dom.js';
import { LISTBOX_ID, type Listbox } from './results.js';

/** Builds the box into `container` and returns the input, which the listbox reports its state on. */
export function renderInput(controller: SearchController, container: HTMLElement): HTMLInputElement {
  const input = h('input', {
    part: 'input',
    type: 'search',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': LISTBOX_ID,
    autocomplete: 'off',
    autocapitalize: 'off',
    spellcheck: 'false',
    enterkeyhint: 'search',
  });
  const clear = h('button', { class: 'x', part: 'clear', type: 'button', hidden: '' }, '×');
  container.appendChild(input);
  container.appendChild(clear);

  controller.on('config', () => {
    const { strings, placeholder } = controller.config;
    input.placeholder = placeholder;
    input.setAttribute('aria-label', strings.label!);
    clear.setAttribute('aria-label', strings.clear!);
  });
  controller.on('query', () => {
    // Only a change from elsewhere is written back: writing the same text would move the caret.
    const { query } = controller.state;
    if (input.value !== query) input.value = query;
    clear.hidden = !query.trim();
  });
  input.addEventListener('input', () => controller.input(input.value));
  clear.addEventListener('click', () => {
    controller.clear();
    input.focus();
  });
  return input;
}

/** The combobox keys: ↓/↑ through the options, Enter to choose (or search now), Escape to close, then clear. */
export function handleKeys(controller: SearchController, input: HTMLInputElement, listbox: Listbox): void {
  input.addEventListener('keydown', (e) => {
    // Keys that confirm an IME composition are the composition's, not ours.
    if (e.isComposing) return;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (!listbox.size) return;
        e.preventDefault();
        if (!controller.state.open) controller.setOpen(true);
        listbox.step(e.key === 'ArrowDown' ? 1 : -1);
        return;
      case 'Enter':
        e.preventDefault();
        if (!(controller.state.open && listbox.chooseActive())) controller.searchNow();
        return;
      case 'Escape': {
        const { open, response, error } = controller.state;
        if (open && (listbox.size || response || error)) {
          e.preventDefault();
          listbox.clearActive();
          controller.setOpen(false);
        } else if (input.value) {
          e.preventDefault();
          controller.clear();
        }
        return;
      }
    }
  });
}
