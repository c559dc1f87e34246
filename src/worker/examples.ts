/**
 * Examples of the API's answers for the OpenAPI document, one per response schema, typed by the
 * schemas (./responses.ts) so that they compile only while they fit; a test validates each
 * against the served document as well. The names, places and words are invented.
 */
import type {
  EntityPageResponse,
  ErrorResponse,
  FacetValuesResponse,
  HealthResponse,
  HealthUnavailableResponse,
  QuoteResponse,
  SearchResponse,
  StatsResponse,
  SuggestResponse,
} from './responses.js';

const highlight = (text: string, word: string) => {
  const start = text.toLowerCase().indexOf(word);
  return {
    html: `${text.slice(0, start)}<mark>${text.slice(start, start + word.length)}</mark>${text.slice(start + word.length)}`,
    ranges: [[start, start + word.length] as [number, number]],
  };
};

const TITLE = 'Harbor Bridge Reopens After Two Years of Repairs';
const SNIPPET =
  'The harbor bridge of Port Ellery reopened on Monday, two years after a barge struck one of its piers.';
const QUOTE = '“We built it to last another century,” said chief engineer Mira Vantongeren.';

const search: SearchResponse = {
  query: 'harbor bridge',
  total: 2,
  match: 'all',
  hits: [
    {
      type: 'article',
      id: 'port-ellery-bridge-reopens',
      score: 12.4,
      title: TITLE,
      subtitle: null,
      authors: ['Tomas Reinholt'],
      publisher: 'Ellery Gazette',
      section: 'local',
      tags: ['transport'],
      published: '2026-03-02T07:00:00Z',
      url: 'https://gazette.example/bridge-reopens',
      snippet: SNIPPET,
      highlight: { title: highlight(TITLE, 'harbor'), snippet: highlight(SNIPPET, 'harbor') },
    },
    {
      type: 'entity',
      id: 'place-port-ellery',
      score: 3.1,
      name: 'Port Ellery',
      kind: 'place',
      aliases: ['Ellery'],
      mentionCount: 14,
      articleCount: 6,
      highlight: { name: { html: 'Port Ellery', ranges: [] } },
    },
  ],
  facets: {
    publisher: { values: [{ value: 'Ellery Gazette', count: 2 }], other: 0, otherCount: 0 },
    person: {
      values: [
        {
          value: 'person-mira-vantongeren',
          count: 1,
          id: 'person-mira-vantongeren',
          name: 'Mira Vantongeren',
          kind: 'person',
        },
      ],
      other: 0,
      otherCount: 0,
    },
  },
  tookMs: 1.7,
};

const suggest: SuggestResponse = {
  query: 'mira',
  suggestions: [
    {
      text: 'Mira Vantongeren',
      kind: 'entity',
      count: 3,
      id: 'person-mira-vantongeren',
      entityKind: 'person',
    },
    { text: 'miracle', kind: 'term', count: 1 },
  ],
};

const facetValues: FacetValuesResponse = {
  facet: 'speaker',
  query: 'van',
  values: [
    {
      value: 'person-mira-vantongeren',
      count: 3,
      id: 'person-mira-vantongeren',
      name: 'Mira Vantongeren',
      kind: 'person',
    },
  ],
  total: 1,
};

const quote: QuoteResponse = {
  type: 'quote',
  id: 'port-ellery-bridge-reopens#q1',
  articleId: 'port-ellery-bridge-reopens',
  text: QUOTE,
  speaker: 'chief engineer Mira Vantongeren',
  speakerId: 'person-mira-vantongeren',
  cue: 'said',
  start: 312,
  end: 388,
  entityIds: [],
};

const entity: EntityPageResponse = {
  type: 'entity',
  id: 'person-mira-vantongeren',
  name: 'Mira Vantongeren',
  kind: 'person',
  aliases: ['Vantongeren'],
  mentionCount: 5,
  articleIds: ['port-ellery-bridge-reopens'],
  counts: { mentions: 5, articles: 1, quotes: 1 },
  quotes: [
    {
      id: quote.id,
      text: QUOTE,
      speaker: quote.speaker,
      cue: 'said',
      articleId: quote.articleId,
      published: '2026-03-02T07:00:00Z',
    },
  ],
  recentArticles: [
    {
      id: 'port-ellery-bridge-reopens',
      title: TITLE,
      published: '2026-03-02T07:00:00Z',
      publisher: 'Ellery Gazette',
      url: 'https://gazette.example/bridge-reopens',
    },
  ],
  related: [{ id: 'place-port-ellery', name: 'Port Ellery', kind: 'place', sharedArticles: 1 }],
};

const counts = { article: 120, quote: 410, entity: 980 };

const health: HealthResponse = {
  status: 'ok',
  index: { version: 'v-3f2a9c10b7de', builtAt: '2026-03-02T08:00:00.000Z', counts },
};

const unavailable: HealthUnavailableResponse = {
  status: 'unavailable',
  error: { code: 'index_missing', message: 'No index at /index: run npm run build-index' },
};

const stats: StatsResponse = {
  formatVersion: 2,
  minisearchVersion: '7.2.0',
  optionsHash: '5d41402abc4b2a76',
  builtAt: '2026-03-02T08:00:00.000Z',
  contentHash: '3f2a9c10b7de44e19a0c6b7d2e5f8a1b3c4d5e6f708192a3b4c5d6e7f8091a2b',
  version: 'v-3f2a9c10b7de',
  files: {
    index: { path: 'index.json', bytes: 412_000 },
    bin: { path: 'index.bin', bytes: 1_830_000 },
    docs: { path: 'docs.ndjson', bytes: 2_950_000 },
  },
  counts,
  sources: ['archive/2026/march.ndjson'],
  skipped: 0,
  bytes: 5_192_000,
};

const error: ErrorResponse = {
  error: { code: 'invalid_limit', message: 'limit: must be an integer from 1 to 100' },
};

/** By component name (#/components/schemas/<name>). */
export const EXAMPLES: Record<string, unknown> = {
  Error: error,
  SearchResponse: search,
  SuggestResponse: suggest,
  FacetValuesResponse: facetValues,
  Quote: quote,
  EntityPage: entity,
  Health: health,
  HealthUnavailable: unavailable,
  Stats: stats,
};
