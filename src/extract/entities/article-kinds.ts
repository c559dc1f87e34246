/**
 * Step 4 of entity extraction: one kind per name across the article. A surface written several
 * times takes its majority kind, a surname takes its full name's, and headlines in capitals,
 * where case says nothing, only name what the body or a gazetteer already knows.
 */
import { nth } from '../text/nth.js';
import { type ArticleContext, type Candidate, type Kind, spanText } from './context.js';
import { COUNTRY_BY_DEMONYM, cityPopulation, countryFor, foldKey, isOtherPlace } from './gazetteer/lookup.js';
import { isCommonWord } from './word-classes.js';
import { EXTRA_DEMONYMS, INSTITUTION_PLACES, INSTITUTIONS, NATIONS } from './words.js';

/** Make one surface one kind across the article; surnames follow their full names. */
export function harmonise(ctx: ArticleContext, cands: Candidate[]): void {
  const kindOf = new Map<string, Map<Kind, number>>();
  for (const c of cands) {
    if (!c.kind) continue;
    const t = spanText(ctx, c.s, c.e);
    const m = kindOf.get(t) ?? new Map<Kind, number>();
    m.set(c.kind, (m.get(c.kind) ?? 0) + (c.strong ? 3 : c.guess ? 0.5 : 1));
    kindOf.set(t, m);
  }
  // Multi-word entities lend their kind to their parts ("Lee" of "Ann Lee").
  const strongKinds = new Map<string, Set<Kind>>();
  for (const c of cands) {
    if (!c.kind || !c.strong) continue;
    const t = spanText(ctx, c.s, c.e);
    const k = strongKinds.get(t) ?? new Set<Kind>();
    k.add(c.kind);
    strongKinds.set(t, k);
  }
  // "Brill Cables" read as a name without a first name, where "Brill" alone is surely an organisation.
  for (const c of cands) {
    if (c.strong || c.kind !== 'person' || c.e - c.s < 2) continue;
    const firstKinds = strongKinds.get(nth(ctx.tokens, c.s).text);
    if (firstKinds?.has('organization') && !firstKinds.has('person')) c.kind = 'organization';
  }
  // A weakly typed full name ("OSCE Kessel") does not override a strong single word.
  const partKind = new Map<string, { kind: Kind; strong: boolean }>();
  for (const c of cands) {
    if (!c.kind || c.e - c.s < 2) continue;
    if (c.kind === 'person') {
      for (const i of [c.e - 1, c.s]) {
        const w = nth(ctx.tokens, i).text;
        if (!partKind.get(w)?.strong) partKind.set(w, { kind: 'person', strong: c.strong });
      }
    }
  }
  for (const c of cands) {
    const t = spanText(ctx, c.s, c.e);
    const part = c.e - c.s === 1 ? partKind.get(t) : undefined;
    const otherStrong = [...(strongKinds.get(t) ?? [])].some((k) => k !== 'person');
    if (
      part &&
      (part.strong || (!c.strong && !otherStrong)) &&
      !(c.strong && c.kind === 'place' && countryFor(t))
    ) {
      c.kind = part.kind;
      c.strong = true;
      continue;
    }
    if (c.strong && c.kind) continue;
    const m = kindOf.get(t);
    if (!m) continue;
    let best: Kind | null = c.kind;
    let n = -1;
    for (const [k, v] of m) if (v > n) [best, n] = [k, v];
    c.kind = best;
  }
}

/** Headlines in capitals: find names the body (or a gazetteer) already knows. */
export function capsLineMentions(ctx: ArticleContext, cands: Candidate[]): Candidate[] {
  const known = new Map<string, Kind>();
  for (const c of cands) if (c.kind) known.set(foldKey(spanText(ctx, c.s, c.e)), c.kind);
  const out: Candidate[] = [];
  const { tokens } = ctx;
  // "EASTWICK AT NORTHFIELD": a fixture line, both sides clubs.
  const fixture = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    if (nth(tokens, i).capsLine && nth(tokens, i).text === 'AT' && !nth(tokens, i).first)
      fixture.add(nth(tokens, i).sentence);
  }
  for (let i = 0; i < tokens.length; i++) {
    if (!nth(tokens, i).capsLine || ctx.used[i] || !/\p{L}/u.test(nth(tokens, i).text)) continue;
    for (let len = 4; len >= 1; len--) {
      const e = i + len;
      if (e > tokens.length || nth(tokens, e - 1).sentence !== nth(tokens, i).sentence) continue;
      if (
        tokens
          .slice(i, e)
          .some((t) => !/\p{L}/u.test(t.text) && t.text !== '.' && t.text !== '-' && t.text !== '&')
      )
        continue;
      const t = foldKey(spanText(ctx, i, e)).replace(/^st\.? /, 'saint ');
      let kind: Kind | undefined = known.get(t);
      if (!kind && (COUNTRY_BY_DEMONYM.has(t) || EXTRA_DEMONYMS.has(t))) break;
      if (!kind && (countryFor(t) || isOtherPlace(t))) kind = 'place';
      if (!kind && INSTITUTIONS.has(t)) kind = INSTITUTION_PLACES.has(t) ? 'place' : 'organization';
      if (!kind && t.length > 3 && cityPopulation(t) >= 100000 && (len > 1 || !isCommonWord(t)))
        kind = 'place';
      if (!kind) continue;
      const numberNext =
        /^\d+$/.test(tokens[e]?.text ?? '') && nth(tokens, e).sentence === nth(tokens, i).sentence;
      if (
        kind === 'place' &&
        (numberNext || ctx.sports || fixture.has(nth(tokens, i).sentence)) &&
        !countryFor(t) &&
        !NATIONS.has(t)
      )
        kind = 'organization';
      out.push({ s: i, e, kind, strong: true });
      i = e - 1;
      break;
    }
  }
  return out;
}
