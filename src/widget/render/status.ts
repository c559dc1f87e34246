/**
 * What the search is doing: the loading line, the polite live region (result count, "no
 * results", errors) and "Try again". The live region is written when a search ends, not on
 * every re-render: screen readers may read it out again each time its text is replaced.
 */
import type { SearchHit, SearchResponse } from '../client.js';
import type { SearchController } from '../controller.js';
import { fmt, type Strings } from '../strings.js';
import { h } from './dom.js';
import { count, number } from './format.js';

/** The sentence announced after a response. */
export function announcement(response: SearchResponse, hits: SearchHit[], strings: Strings, lang: string) {
  const q = response.query;
  if (response.total === 0) {
    const none = fmt(strings.none!, { q });
    return response.didYouMean ? `${none}. ${strings.didYouMean} “${response.didYouMean}”?` : none;
  }
  // A phrase of very common words is checked on the best candidates only: the total is an estimate.
  const text = response.approximate
    ? fmt(strings.resultsAbout!, { n: number(response.total, lang), q })
    : fmt(count(response.total, 'results', strings, lang), { q });
  return hits.length < response.total
    ? `${text} · ${fmt(strings.shown!, { shown: hits.length, n: response.total })}`
    : text;
}

/** `container` is the widget's root: its `busy` class draws the loading line under the box. */
export function renderStatus(controller: SearchController, container: HTMLElement): void {
  const status = h('div', { class: 'st', part: 'status', role: 'status', 'aria-live': 'polite' });
  const retry = h('button', { class: 'retry', part: 'retry', type: 'button', hidden: '' });
  container.appendChild(status);
  container.appendChild(retry);

  controller.on('config', () => {
    retry.textContent = controller.config.strings.retry!;
  });
  controller.on('view', () => {
    const { response, error } = controller.state;
    retry.hidden = !error;
    status.classList.toggle('err', !!error);
    // Nothing to report once the search is cleared.
    if (!response && !error) status.textContent = '';
  });
  controller.on('results', ({ response }) => {
    const { strings, lang } = controller.config;
    status.textContent = announcement(response, controller.state.hits, strings, lang);
  });
  controller.on('error', ({ error }) => {
    status.textContent = fmt(controller.config.strings.error!, { message: error.message, code: error.code });
  });
  controller.on('loading', () => container.classList.toggle('busy', controller.state.loading));
  retry.addEventListener('click', () => controller.retry());
}
