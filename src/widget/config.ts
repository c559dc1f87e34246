/**
 * The widget's settings, read from the element's attributes. Bad values fall back to defaults
 * rather than failing: a typo in an embed snippet should leave a working search box.
 */
import type { DocType } from './client.js';
import { DEFAULT_STRINGS, parseStrings, type Strings } from './strings.js';

export const ALL_TYPES: DocType[] = ['article', 'quote', 'entity'];

export interface WidgetConfig {
  /** Base URL of the API. */
  endpoint: string;
  /** Types to search, also the order of the result groups; every type unless narrowed. */
  types: DocType[];
  /** Facets to show as filters. */
  facets: string[];
  perPage: number;
  /** Every UI string, defaults merged with the site's overrides. */
  strings: Strings;
  placeholder: string;
  /** Locale for numbers and dates (the element's `lang`, else the page's); empty: the browser's. */
  lang: string;
}

export const DEFAULT_CONFIG: WidgetConfig = {
  endpoint: '',
  types: ALL_TYPES,
  facets: [],
  perPage: 10,
  strings: DEFAULT_STRINGS,
  placeholder: DEFAULT_STRINGS.placeholder,
  lang: '',
};

const list = (value: string | null) =>
  (value ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

export function readConfig(
  attribute: (name: string) => string | null,
  context: {
    /** Where the API is when `endpoint` is absent or empty. */
    defaultEndpoint: string;
    /** Overrides set through the `strings` property, over the attribute's. */
    strings: Strings;
    lang: string;
  },
): WidgetConfig {
  const strings = { ...DEFAULT_STRINGS, ...parseStrings(attribute('strings')), ...context.strings };
  const types = list(attribute('types')).filter((t): t is DocType => ALL_TYPES.includes(t as DocType));
  const perPage = Number(attribute('per-page'));
  return {
    endpoint: attribute('endpoint') || context.defaultEndpoint,
    types: types.length ? [...new Set(types)] : ALL_TYPES,
    facets: list(attribute('facets')),
    perPage: Number.isInteger(perPage) && perPage >= 1 ? Math.min(perPage, 100) : 10,
    strings,
    placeholder: attribute('placeholder') ?? strings.placeholder!,
    lang: context.lang,
  };
}
