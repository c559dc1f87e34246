/**
 * The combobox's listbox: "did you mean", suggestions, then the results grouped by type.
 * Focus never leaves the input (WAI-ARIA combobox): the active option is marked with
 * aria-selected and named by the input's aria-activedescendant, and kept across re-renders by
 * a stable key so that a late response does not make the reader lose their place.
 */
import type { SearchController } from '../controller.js';
import { h } from './dom.js';
import { renderHit } from './hit.js';

export const LISTBOX_ID = 'ns-list';

interface Option {
  el: HTMLElement;
  key: string;
  choose: () => void;
}

/** What the input's keyboard handling needs of the list. */
export interface Listbox {
  /** How many options are shown (or would be, when the results are closed). */
  readonly size: number;
  /** The next (1) or previous (-1) option; the input itself is part of the cycle. */
  step(direction: 1 | -1): void;
  clearActive(): void;
  /** Chooses the active option; false when there is none. */
  chooseActive(): boolean;
}

export function renderResults(
  controller: SearchController,
  container: HTMLElement,
  combobox: HTMLInputElement,
): Listbox {
  const listbox = h('div', { class: 'list', part: 'results', role: 'listbox', id: LISTBOX_ID });
  container.appendChild(listbox);
  let options: Option[] = [];
  let active = -1;

  function setActive(i: number) {
    const prev = options[active];
    if (prev) {
      prev.el.setAttribute('aria-selected', 'false');
      prev.el.setAttribute('part', prev.el.getAttribute('part')!.replace(' active', ''));
    }
    active = i;
    const cur = options[i];
    if (cur) {
      cur.el.setAttribute('aria-selected', 'true');
      cur.el.setAttribute('part', `${cur.el.getAttribute('part')} active`);
      combobox.setAttribute('aria-activedescendant', cur.el.id);
      cur.el.scrollIntoView?.({ block: 'nearest' });
    } else combobox.removeAttribute('aria-activedescendant');
  }

  function render() {
    const { strings, types, lang } = controller.config;
    const activeKey = options[active]?.key;
    const next: Option[] = [];
    const groups: HTMLElement[] = [];
    const group = (title: string, items: Array<[key: string, el: HTMLElement, choose: () => void]>) => {
      if (!items.length) return;
      const id = `g${groups.length}`;
      const g = h(
        'div',
        { role: 'group', 'aria-labelledby': id, part: 'group' },
        h('div', { id, class: 'h', part: 'group-label', role: 'presentation' }, title),
      );
      for (const [key, el, choose] of items) {
        el.id = `o${next.length}`;
        el.setAttribute('role', 'option');
        el.setAttribute('aria-selected', 'false');
        g.appendChild(el);
        next.push({ el, key, choose });
      }
      groups.push(g);
    };

    const { response, query, suggestions, error, hits, open } = controller.state;
    const didYouMean = response?.total === 0 ? response.didYouMean : undefined;
    if (didYouMean) {
      group(strings.didYouMean!, [
        [
          `d:${didYouMean}`,
          h('div', { class: 'o sg', part: 'suggestion' }, h('span', { class: 't' }, didYouMean)),
          () => controller.search(didYouMean),
        ],
      ]);
    }
    group(
      strings.suggestions!,
      // A suggestion that only repeats the query would be an option that does nothing.
      suggestions
        .filter((s) => s.text.toLowerCase() !== query.trim().toLowerCase())
        .map((s) => [
          `s:${s.text}`,
          h(
            'div',
            { class: 'o sg', part: 'suggestion' },
            h('span', {}, s.text),
            h(
              'span',
              { class: 'm' },
              s.kind === 'entity' && s.entityKind ? strings[s.entityKind] : strings.term,
            ),
          ),
          () => controller.search(s.text),
        ]),
    );
    if (!error) {
      for (const type of types) {
        group(
          strings[type]!,
          hits
            .filter((hit) => hit.type === type)
            .map((hit) => [
              `r:${hit.type}:${hit.id}`,
              renderHit(hit, strings, lang),
              () => controller.select(hit),
            ]),
        );
      }
    }
    // Built even while closed (and hidden), so that ↓ can open the list at its options.
    listbox.replaceChildren(...groups);
    options = next;
    active = -1;
    const expanded = open && next.length > 0;
    listbox.hidden = !expanded;
    combobox.setAttribute('aria-expanded', String(expanded));
    setActive(activeKey ? next.findIndex((o) => o.key === activeKey) : -1);
  }

  controller.on('config', () => listbox.setAttribute('aria-label', controller.config.strings.label!));
  controller.on('view', (change) => {
    // A new result set starts from the input: an old key could match a new result by chance.
    if (change?.newResults) active = -1;
    render();
  });
  controller.on('suggestions', render);
  controller.on('loading', () => {
    if (controller.state.loading) listbox.setAttribute('aria-busy', 'true');
    else listbox.removeAttribute('aria-busy');
  });
  // Keeps focus (and so the combobox) in the input while an option is clicked.
  listbox.addEventListener('mousedown', (e) => e.preventDefault());
  listbox.addEventListener('click', (e) => {
    const el = (e.target as Element).closest('[role=option]');
    options.find((o) => o.el === el)?.choose();
  });

  return {
    get size() {
      return options.length;
    },
    step(direction) {
      const n = options.length;
      setActive(((((active + 1 + direction) % (n + 1)) + n + 1) % (n + 1)) - 1);
    },
    clearActive: () => setActive(-1),
    chooseActive() {
      const option = options[active];
      option?.choose();
      return !!option;
    },
  };
}
