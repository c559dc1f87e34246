/** Counts and dates in the widget's locale, with the site's strings. */
import { fmt, type Strings } from '../strings.js';

/** The locale to format with: `lang` when the runtime knows it as a tag, else the browser's. */
function locale(lang: string): string | undefined {
  try {
    return lang ? Intl.getCanonicalLocales(lang)[0] : undefined;
  } catch {
    return undefined; // "en_US", "??": a typo in the page must not break the results
  }
}

export function number(n: number, lang: string): string {
  return n.toLocaleString(locale(lang));
}

/** `{key}One` for exactly one, `{key}` with {n} otherwise. */
export function count(n: number, key: string, strings: Strings, lang: string): string {
  return fmt((n === 1 && strings[`${key}One`]) || strings[key]!, { n: number(n, lang) });
}

/** A date from the index (a day, or a full timestamp) in the reader's words; as given if unreadable. */
export function date(value: string | null, lang: string): string {
  if (!value) return '';
  // A bare day is a calendar date, not midnight UTC: shown in UTC, it cannot slip to the day before.
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const d = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(d.getTime())) return value;
  try {
    return new Intl.DateTimeFormat(locale(lang), {
      dateStyle: 'medium',
      timeZone: dateOnly ? 'UTC' : undefined,
    }).format(d);
  } catch {
    return value;
  }
}
