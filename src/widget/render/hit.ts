/** One result as the content of its option: what a reader needs to recognize an article, quote or entity. */
import type { SearchHit } from '../client.js';
import { highlighted } from '../highlight.js';
import { fmt, type Strings } from '../strings.js';
import { h } from './dom.js';
import { count, date } from './format.js';

export function renderHit(hit: SearchHit, strings: Strings, lang: string): HTMLElement {
  const hl = hit.highlight;
  const mark = (text: string, field: string) => highlighted(document, text, hl, field);
  const meta = (...parts: Array<string | null | undefined>) =>
    h('span', { class: 'm', part: 'meta' }, parts.filter(Boolean).join(' · '));
  switch (hit.type) {
    case 'article':
      return h(
        'div',
        { class: 'o', part: 'result', 'data-type': 'article' },
        h('span', { class: 't', part: 'title' }, mark(hit.title, 'title')),
        meta(hit.publisher, date(hit.published, lang), hit.section),
        hit.snippet && h('span', { class: 's', part: 'snippet' }, mark(hit.snippet, 'snippet')),
      );
    case 'quote':
      return h(
        'div',
        { class: 'o', part: 'result', 'data-type': 'quote' },
        h('span', { class: 's', part: 'quote' }, mark(hit.text, 'text')),
        meta(
          hit.speaker ? fmt(strings.quoteBy!, { speaker: hit.speaker }) : strings.unattributed,
          hit.articleTitle,
          date(hit.published, lang),
        ),
      );
    case 'entity':
      return h(
        'div',
        { class: 'o', part: 'result', 'data-type': 'entity' },
        h('span', { class: 't', part: 'title' }, mark(hit.name, 'name')),
        meta(
          strings[hit.kind] ?? hit.kind,
          `${count(hit.mentionCount, 'mentions', strings, lang)} ${count(hit.articleCount, 'articles', strings, lang)}`,
          hit.aliases.slice(0, 3).join(', '),
        ),
      );
  }
}
