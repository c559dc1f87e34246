/**
 * Every word the widget shows or announces. Sites override any of them with the `strings`
 * attribute (JSON) or property; `{name}` placeholders are filled in by `fmt`.
 */
export const DEFAULT_STRINGS = {
  label: 'Search',
  placeholder: 'Search',
  clear: 'Clear search',
  suggestions: 'Suggestions',
  types: 'Result types',
  all: 'All',
  article: 'Articles',
  quote: 'Quotes',
  entity: 'People, organizations and places',
  filters: 'Filters',
  loading: 'Searching…',
  resultsOne: '1 result for “{q}”',
  results: '{n} results for “{q}”',
  resultsAbout: 'About {n} results for “{q}”',
  shown: 'Showing {shown} of {n}',
  none: 'No results for “{q}”',
  didYouMean: 'Did you mean',
  error: 'Search failed: {message}',
  retry: 'Try again',
  more: 'More results',
  otherValues: '+{n} more',
  person: 'Person',
  organization: 'Organization',
  place: 'Place',
  mentionsOne: '1 mention',
  mentions: '{n} mentions',
  articlesOne: 'in 1 article',
  articles: 'in {n} articles',
  quoteBy: '— {speaker}',
  unattributed: 'Unattributed',
  term: 'Search term',
  facet_publisher: 'Publisher',
  facet_section: 'Section',
  facet_person: 'People',
  facet_organization: 'Organizations',
  facet_place: 'Places',
  facet_tags: 'Tags',
  facet_author: 'Authors',
  facet_speaker: 'Speakers',
  facet_published: 'Month',
  facet_type: 'Type',
};

export type Strings = Record<string, string>;

export function fmt(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

export function parseStrings(json: string | null): Strings {
  if (!json) return {};
  try {
    const parsed: unknown = JSON.parse(json);
    if (!parsed || typeof parsed !== 'object') return {};
    return Object.fromEntries(Object.entries(parsed).filter(([, v]) => typeof v === 'string'));
  } catch {
    return {};
  }
}
