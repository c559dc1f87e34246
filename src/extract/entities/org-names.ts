/**
 * Within one article, the canonical name of each organisation as written: an acronym defined in
 * parentheses ("Harbour Workers Union (HWU)") or matching a longer name's initials, and a short
 * form that exactly one longer organisation starts or ends with ("Northfield" for "Northfield
 * Athletic"), take the longer name. A known prefix ("Pentagon Defense Science Board")
 * gives way to the rest of the name and becomes a mention of its own.
 */
import { type ArticleContext, type Candidate, type Kind, spanText, spanWords } from './context.js';
import { countryFor, isOtherPlace } from './gazetteer/lookup.js';
import { isAcronym, lower } from './word-classes.js';
import { INSTITUTION_PLACES, INSTITUTIONS } from './words.js';

export interface OrganisationNames {
  /** Surface as written → canonical name. */
  canonical: Map<string, string>;
  /** Initials of multi-word canonical names → those names. */
  byInitials: Map<string, Set<string>>;
  /** Prefixes split off an organisation's name, as mentions of their own. */
  nested: Candidate[];
}

function initials(words: string[]): string {
  return words
    .filter((w) => !['of', 'and', 'for', 'the', '&', 'de', 'la'].includes(lower(w)))
    .map((w) => w[0]!)
    .join('')
    .toUpperCase();
}

/** The canonical names of the article's organisations, from its organisation mentions. */
export function organisationNames(ctx: ArticleContext, cands: Candidate[]): OrganisationNames {
  const { tokens } = ctx;
  const orgNames = new Map<string, string>();
  const acronyms = new Map<string, string>();
  const orgCands = cands.filter((c) => c.kind === 'organization');
  const orgSurfaces = new Set(orgCands.map((c) => spanText(ctx, c.s, c.e)));
  const nested: Candidate[] = [];
  for (const c of orgCands) {
    const ws = spanWords(ctx, c.s, c.e);
    let canonical = canonicalCase(spanText(ctx, c.s, c.e));
    const acr = tokens[c.e]?.text === '(' ? tokens[c.e + 1] : undefined;
    const acronym = acr && isAcronym(acr.text) && tokens[c.e + 2]?.text === ')' ? acr.text : undefined;
    // The acronym, or the shorter form written elsewhere, names the organisation; the known
    // prefix is an entity of its own.
    for (let k = 1; k < ws.length - 1; k++) {
      const rest = ws.slice(k);
      const restText = rest.join(' ');
      const prefix = ws.slice(0, k).join(' ');
      const prefixKind: Kind | null = INSTITUTIONS.has(lower(prefix))
        ? INSTITUTION_PLACES.has(lower(prefix))
          ? 'place'
          : 'organization'
        : orgSurfaces.has(prefix)
          ? 'organization'
          : countryFor(prefix) || isOtherPlace(prefix)
            ? 'place'
            : null;
      if (
        prefixKind &&
        ((acronym && initials(rest) === acronym.replace(/\./g, '')) || orgSurfaces.has(restText))
      ) {
        canonical = restText;
        nested.push({ s: c.s, e: c.s + k, kind: prefixKind, strong: true });
        break;
      }
    }
    orgNames.set(spanText(ctx, c.s, c.e), canonical);
    if (acronym) acronyms.set(acronym, canonical);
  }
  for (const [a, canonical] of acronyms) orgNames.set(a, canonical);
  // Short forms, when exactly one longer organisation in the article starts or ends with the word.
  const longer = [...new Set(orgNames.values())].filter((n) => n.includes(' '));
  for (const surface of orgSurfaces) {
    if (surface.includes(' ') || isAcronym(surface) || orgNames.get(surface) !== surface) continue;
    const hits = longer.filter((n) => n.startsWith(`${surface} `) || n.endsWith(` ${surface}`));
    if (hits.length === 1) orgNames.set(surface, hits[0]!);
  }
  // Acronyms written without a definition but matching a longer organisation's initials.
  const byInitials = new Map<string, Set<string>>();
  for (const canonical of new Set(orgNames.values())) {
    const ws = canonical.split(/\s+/);
    if (ws.length >= 2) {
      const k = initials(ws);
      const s = byInitials.get(k) ?? new Set<string>();
      s.add(canonical);
      byInitials.set(k, s);
    }
  }
  return { canonical: orgNames, byInitials, nested };
}

/** The canonical name of an organisation written as `surface`, or undefined when it is its own. */
export function organisationName(names: OrganisationNames, surface: string): string | undefined {
  let name = names.canonical.get(surface);
  if (!name && isAcronym(surface)) {
    const hits = names.byInitials.get(surface.replace(/\./g, ''));
    if (hits?.size === 1) name = hits.values().next().value;
  }
  return name;
}

/** Capitals-only surfaces ("KELMARSH") get a readable name; mixed case is kept as written. */
export function canonicalCase(surface: string): string {
  if (surface.length > 4 && surface === surface.toUpperCase() && /\p{L}/u.test(surface)) {
    return surface
      .toLowerCase()
      .replace(/(^|[\s-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
  }
  return surface;
}
