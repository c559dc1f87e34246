/**
 * The facet filters: a fieldset of checkboxes per facet, with the counts of the latest response.
 * Ordinary form controls after the listbox, reached with Tab.
 */
import type { FacetValue } from '../client.js';
import type { SearchController } from '../controller.js';
import { fmt } from '../strings.js';
import { type Child, h } from './dom.js';
import { number } from './format.js';

export function renderFacets(controller: SearchController, container: HTMLElement): void {
  const facets = h('div', { class: 'facets', part: 'facets', role: 'group', hidden: '' });
  container.appendChild(facets);

  function render() {
    const { response, filters, hits, facets: names } = controller.state;
    const counts = response?.facets;
    const { strings, lang } = controller.config;
    facets.hidden = !counts || !names.length || (!hits.length && !Object.keys(filters).length);
    if (!counts) return;
    // Re-rendering replaces the checkboxes, so keyboard focus is carried over by key.
    const root = facets.getRootNode() as Document | ShadowRoot;
    const focused = (root.activeElement as HTMLElement | null)?.dataset?.key;
    facets.replaceChildren(
      ...names.flatMap((name) => {
        const given = counts[name];
        const values: FacetValue[] = [...(given?.values ?? [])];
        const selected = filters[name] ?? [];
        const key = (v: FacetValue) => v.id ?? v.value;
        // Chosen values stay visible (and un-checkable) even when the counts leave them out.
        for (const v of selected) {
          if (!values.some((x) => key(x) === v))
            values.push({ value: v, count: 0, name: controller.filterLabel(name, v) });
        }
        if (!values.length) return [];
        const rows: Child[] = [];
        for (const v of values) {
          const label = v.name ?? v.value;
          const box = h('input', {
            type: 'checkbox',
            part: 'facet-checkbox',
            'data-facet': name,
            'data-label': label,
            'data-key': `${name}\n${key(v)}`,
          });
          box.value = key(v);
          box.checked = selected.includes(key(v));
          rows.push(
            h(
              'label',
              { part: 'facet-value' },
              box,
              h('span', { class: 'n' }, label),
              h('span', { class: 'c', part: 'facet-count' }, number(v.count, lang)),
            ),
          );
        }
        if (given?.other) rows.push(h('p', { class: 'ot' }, fmt(strings.otherValues!, { n: given.other })));
        return h(
          'fieldset',
          { part: 'facet', 'data-facet': name },
          h('legend', {}, strings[`facet_${name}`] ?? name),
          ...rows,
        );
      }),
    );
    if (focused) [...facets.querySelectorAll('input')].find((b) => b.dataset.key === focused)?.focus();
  }

  controller.on('config', () => facets.setAttribute('aria-label', controller.config.strings.filters!));
  controller.on('view', render);
  facets.addEventListener('change', (e) => {
    const box = e.target as HTMLInputElement;
    controller.setFilter(box.dataset.facet!, box.value, box.checked, box.dataset.label ?? box.value);
  });
}
