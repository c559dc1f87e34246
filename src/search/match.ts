/**
 * Query → the set of matching documents with scores, before filters: MiniSearch's ranking for
 * the words (./score.ts), then phrase verification against the stored text and exclusions.
 */
import { eng as STOP_WORDS } from 'stopword';
import type { LoadedIndex } from '../index/load.js';
import { FOLDABLE } from './highlight.js';
import { articleAt, entityAt, quoteAt } from './lookup.js';
import { type ParsedQuery, parseQuery } from './query.js';
import {
  type Expansions,
  expandSpecs,
  expands,
  popcount,
  type Scored,
  scoreQuery,
  specKey,
  type TermSpec,
  widenScores,
} from './score.js';
import { QuerySignals, RANKING } from './signals.js';

const STOP = new Set(STOP_WORDS);

export interface Match {
  /** Document number (see src/index/columns.ts). */
  doc: number;
  score: number;
  /**
   * Absent or 0 for all-word matches. Any-word matches, listed after them, are grouped by the
   * query words they miss: 1 + missed words (so 1: every word once a short word's typo is corrected).
   */
  group?: number;
}

/** No typos on short words (they become noise); one edit from 5 letters, two from 9. */
export function typoBudget(term: string): number {
  return term.length < 5 ? 0 : term.length < 9 ? 1 : 2;
}

/** The text a phrase must appear in, per document type. */
export function searchableText(index: LoadedIndex, doc: number): string {
  const type = index.columns.docType(doc);
  if (type === 'article') {
    const a = articleAt(index, doc);
    return `${a.title}\n${a.subtitle ?? ''}\n${a.body}`;
  }
  if (type === 'quote') {
    const q = quoteAt(index, doc);
    return `${q.text}\n${q.speaker ?? ''}`;
  }
  const e = entityAt(index, doc);
  return [e.name, ...e.aliases].join('\n');
}

const SEP = '[\\n\\r\\p{Z}\\p{P}]';
const phraseRegexps = new Map<string, RegExp>();

/**
 * The phrase as one regular expression over lower-cased text: its words separated by separators,
 * bounded by separators. One regex scan replaces tokenizing the whole text, which made phrase
 * checks over long bodies the slowest part of a query.
 */
function phraseRegexp(phrase: string[], lastIsPrefix: boolean): RegExp {
  const key = `${lastIsPrefix ? 1 : 0}${phrase.join(' ')}`;
  let re = phraseRegexps.get(key);
  if (!re) {
    const words = phrase.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const tail = lastIsPrefix ? '' : `(?!${SEP.replace('[', '[^')})`;
    re = new RegExp(`(?<![^\\n\\r\\p{Z}\\p{P}])${words.join(`${SEP}+`)}${tail}`, 'u');
    if (phraseRegexps.size > 256) phraseRegexps.clear();
    phraseRegexps.set(key, re);
  }
  return re;
}

/** Whether the words occur in this order, adjacent; with `lastIsPrefix` the last may be unfinished. */
export function containsPhrase(text: string, phrase: string[], lastIsPrefix = false): boolean {
  if (phrase.length === 0) return true;
  const lower = text.toLowerCase();
  // Most candidates lack one of the words entirely: a substring test rejects them first.
  if (phrase.some((w) => !lower.includes(w)) && !FOLDABLE.test(text)) return false;
  const re = phraseRegexp(phrase, lastIsPrefix);
  if (re.test(lower)) return true;
  // Words with diacritics match their folded form ("kovacevic" in "Kovačević").
  return FOLDABLE.test(text) && re.test(text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase());
}

/**
 * Words of a phrase MiniSearch must find: a phrase is verified against the stored text anyway,
 * so its stop words only widen the posting lists walked ("the" is in every article) without
 * changing the match set. A phrase made of stop words only keeps them all.
 */
function phraseWordsToMatch(phrases: string[][]): { skip: Set<string> } {
  const skip = new Set<string>();
  for (const p of phrases) {
    if (p.every((w) => STOP.has(w))) continue;
    for (const w of p) if (STOP.has(w)) skip.add(w);
  }
  return { skip };
}

/**
 * The query words as MiniSearch searches them (typo budget, prefix), and the phrase words every
 * match needs. `relaxed`: the fallback's typo budget, which gives a short word one typo (the spec
 * asked about) when the corpus barely knows it (see slipped): "bsuh" is a slip, "inc" is not.
 */
export function termSpecs(
  parsed: ParsedQuery,
  relaxed?: (slip: TermSpec) => boolean,
): { specs: TermSpec[]; required: string[] } {
  const exact = new Set(parsed.phrases.flat());
  const { skip } = phraseWordsToMatch(parsed.phrases);
  // A bare occurrence of a skipped word elsewhere in the query still has to match.
  const bare = new Set(parsed.terms.filter((t) => !exact.has(t)));
  const last = parsed.terms.length - 1;
  const specs = parsed.terms.flatMap((term, i): TermSpec[] => {
    if (skip.has(term) && !bare.has(term)) return [];
    const budget = exact.has(term) ? 0 : typoBudget(term);
    // The fallback's typo for a short word keeps its first letter: a far smaller walk of the terms.
    const prefix = i === last && parsed.lastIsPrefix && term.length >= 3 && !exact.has(term);
    const slip: TermSpec = { term, fuzzy: 1, prefix, anchored: true };
    const slipping = !exact.has(term) && budget === 0 && (relaxed?.(slip) ?? false);
    return [slipping ? slip : { term, fuzzy: budget, prefix }];
  });
  const required = [...exact].filter((w) => !skip.has(w));
  return { specs, required };
}

/** Whether a short word is rare enough in the corpus to be taken for a slip (see termSpecs). */
function slipped(index: LoadedIndex, term: string): boolean {
  if (term.length < RANKING.relaxedMinLength) return false;
  const at = index.terms.indexOf(term);
  return at < 0 || index.terms.df[at]! <= RANKING.relaxedMaxShare * index.totalDocuments;
}

const exactly = (words: string[]): TermSpec[] => words.map((term) => ({ term, fuzzy: 0, prefix: false }));

/** Documents holding every one of `words` exactly. */
function withAll(index: LoadedIndex, words: string[]): number[] {
  const scored = scoreQuery(index, exactly(words));
  return [...scored.docs].filter((_, i) => scored.masks[i] === scored.allBits);
}

/**
 * Characters of stored text one query may read to verify its phrases. A phrase of common words
 * ("of the", "said he") is a candidate in nearly every document of an archive: reading them all
 * cost a third of a second on Reuters. Half the budget verifies the best-scoring candidates (the
 * hits shown); the other half verifies an evenly spread sample of the rest, whose pass rate
 * estimates how many of the unread ones hold the phrase. The answer then says it is approximate.
 */
export const PHRASE_TEXT_BUDGET = 4_000_000;

class PhraseChecker {
  private spent = 0;
  checked = 0;
  passed = 0;
  /** Pass counts of the sample (checks after the best-first half of the budget). */
  sampled = 0;
  sampledPassed = 0;
  /** Candidates left unverified because the budget ran out. */
  skipped = 0;

  constructor(
    private readonly index: LoadedIndex,
    readonly budget = PHRASE_TEXT_BUDGET,
  ) {}

  get halfSpent(): boolean {
    return this.spent >= this.budget / 2;
  }

  get exhausted(): boolean {
    return this.spent >= this.budget;
  }

  /** Characters a check has cost so far, on average. */
  get averageCost(): number {
    return this.checked === 0 ? 1 : this.spent / this.checked;
  }

  /** Whether the document holds every phrase; null when the budget is spent. */
  holds(doc: number, phrases: string[][], sample = false): boolean | null {
    if (this.exhausted) {
      this.skipped++;
      return null;
    }
    const text = searchableText(this.index, doc);
    this.spent += text.length;
    this.checked++;
    const ok = phrases.every((p) => containsPhrase(text, p));
    if (ok) this.passed++;
    if (sample) {
      this.sampled++;
      if (ok) this.sampledPassed++;
    }
    return ok;
  }

  /** The share of unread candidates expected to hold the phrases. */
  passRate(): number {
    if (this.sampled > 0) return this.sampledPassed / this.sampled;
    return this.checked === 0 ? 0 : this.passed / this.checked;
  }
}

/** Excluded documents; a document whose excluded phrase could not be checked is left out too. */
function excludedDocs(index: LoadedIndex, parsed: ParsedQuery, checker: PhraseChecker): Set<number> {
  const out = new Set<number>();
  for (const term of parsed.excludedTerms) for (const doc of withAll(index, [term])) out.add(doc);
  for (const phrase of parsed.excludedPhrases) {
    for (const doc of withAll(index, phrase)) if (checker.holds(doc, [phrase]) !== false) out.add(doc);
  }
  return out;
}

export interface QueryMatches {
  /** Documents matching every word (after typo and prefix expansion) and every phrase. */
  all: Match[];
  /**
   * Documents matching some of the words and every phrase, scored with the fallback's typo budget
   * (short words get one typo): computed only when asked for.
   */
  any: () => Match[];
  /** The index terms a document matched, for highlights: asked only for the documents shown. */
  termsOf(doc: number): Set<string>;
  /** The signals of the last scoring (the fallback's once `any` was asked). */
  signals(): QuerySignals;
  /** Phrase candidates left unverified (see PHRASE_TEXT_BUDGET), so far. */
  unverified: Match[];
  /** Whether some phrase check was skipped; and the share of checked candidates that passed. */
  approximate(): boolean;
  passRate(): number;
}

/**
 * One scoring pass serves both modes unless the fallback widens the typo budget: a document
 * that matched every query word is an all-word match, with the very score an AND query gives it
 * (MiniSearch sums the same term scores and multiplies by the number of words matched), so the
 * any-word fallback costs no second walk of the posting lists. Phrases are verified against the
 * stored text in both modes; a document whose matched words lack a phrase word cannot hold the
 * phrase and is not read. Each match's score carries its title factor (./signals.ts).
 */
export function matchQuery(
  index: LoadedIndex,
  parsed: ParsedQuery,
  phraseBudget = PHRASE_TEXT_BUDGET,
  expansions?: Expansions,
): QueryMatches {
  // A shard is handed the fallback's slips with the expansions (queryExpansions); one index decides.
  const relaxed = expansions
    ? (slip: TermSpec) => specKey(slip) in expansions
    : (slip: TermSpec) => slipped(index, slip.term);
  const checker = new PhraseChecker(index, phraseBudget);
  const excluded = excludedDocs(index, parsed, checker);
  const unverified: Match[] = [];

  /** One scoring: strict, or the fallback's, widened from the strict one. */
  const pass = (strictPass?: { scored: Scored; specs: TermSpec[] }) => {
    const { specs, required } = termSpecs(parsed, strictPass ? relaxed : undefined);
    const scored: Scored = strictPass
      ? widenScores(index, strictPass.scored, strictPass.specs, specs, keepCorrection(index), expansions)
      : scoreQuery(index, specs, expansions);
    const signals = new QuerySignals(index, scored, specs);
    let requiredBits = 0;
    specs.forEach((spec, k) => {
      if (required.includes(spec.term)) requiredBits |= scored.bits[k]!;
    });
    const { docs, scores, masks, matched, titleMasks, allBits } = scored;
    const words = popcount(allBits);
    // Every word as typed: 0; every word, a short word's typo corrected: 1; k words missing: 1 + k.
    const complete = strictPass ? 1 : 0;
    const toMatch = (i: number): Match => {
      const doc = docs[i]!;
      const title = titleMasks[i]!;
      // Only a title holding two query words or more can change the score (most documents do not).
      const score = scores[i]! * ((title & (title - 1)) === 0 ? 1 : signals.titleFactor(doc, title));
      return { doc, score, group: masks[i] === allBits ? complete : 1 + words - matched[i]! };
    };
    const keep = (list: number[]): Match[] => {
      if (parsed.phrases.length === 0) return list.map(toMatch);
      const out: Match[] = [];
      const candidates = list
        .filter((i) => (scored.masks[i]! & requiredBits) === requiredBits)
        .sort((a, b) => scores[b]! - scores[a]!);
      let k = 0;
      for (; k < candidates.length && !checker.halfSpent; k++) {
        if (checker.holds(scored.docs[candidates[k]!]!, parsed.phrases)) out.push(toMatch(candidates[k]!));
      }
      // Past half the budget: an evenly spread sample of the rest, to estimate the unread ones.
      const rest = candidates.length - k;
      const affordable = Math.max(1, Math.floor((checker.budget - checker.budget / 2) / checker.averageCost));
      const stride = Math.max(1, Math.ceil(rest / affordable));
      for (let j = 0; k < candidates.length; k++, j++) {
        const i = candidates[k]!;
        const holds = j % stride === 0 ? checker.holds(scored.docs[i]!, parsed.phrases, stride > 1) : null;
        if (holds === null) unverified.push(toMatch(i));
        else if (holds) out.push(toMatch(i));
      }
      return out;
    };
    return { specs, scored, signals, keep };
  };

  const strict = pass();
  let current = strict;
  const complete: number[] = [];
  const partial: number[] = [];
  for (let i = 0; i < strict.scored.docs.length; i++) {
    if (excluded.has(strict.scored.docs[i]!)) continue;
    (strict.scored.masks[i] === strict.scored.allBits ? complete : partial).push(i);
  }
  const all = strict.keep(complete);
  return {
    all,
    any: () => {
      const widens = termSpecs(parsed, relaxed).specs.some(
        (spec, k) => spec.fuzzy !== strict.specs[k]!.fuzzy,
      );
      if (!widens) return strict.keep(partial);
      current = pass(strict);
      // The widened arrays keep the strict documents at their places; documents that only a
      // corrected word matched follow them.
      const { docs } = current.scored;
      const fresh: number[] = [];
      for (let i = strict.scored.docs.length; i < docs.length; i++)
        if (!excluded.has(docs[i]!)) fresh.push(i);
      return current.keep(fresh.length > 0 ? partial.concat(fresh) : partial);
    },
    termsOf: (doc) => current.scored.termsOf(doc),
    signals: () => current.signals,
    unverified,
    approximate: () => unverified.length > 0 || checker.skipped > 0,
    passRate: () => checker.passRate(),
  };
}

/** Every document except the excluded ones: the match set of an empty query (browsing). */
export function matchAll(index: LoadedIndex, parsed: ParsedQuery): Match[] {
  const excluded = excludedDocs(index, parsed, new PhraseChecker(index));
  const out: Match[] = [];
  for (const doc of index.columns.newestFirst) if (!excluded.has(doc)) out.push({ doc, score: 0 });
  return out;
}

/** The fallback's corrections worth scoring: words not too common (RANKING.relaxedMaxTermShare). */
function keepCorrection(index: LoadedIndex): (term: number) => boolean {
  return (t) => index.terms.df[t]! <= RANKING.relaxedMaxTermShare * index.totalDocuments;
}

/**
 * What the query's typo and prefix words expand to over this index's terms (a dictionary's: every
 * term of the corpus), and the any-word fallback's slips with their corrections; its other words
 * need no list, each shard looks them up itself.
 */
export function queryExpansions(index: LoadedIndex, q: string): Expansions {
  const parsed = parseQuery(q);
  const strict = termSpecs(parsed).specs;
  const out = expandSpecs(index.terms, strict.filter(expands));
  const relaxed = termSpecs(parsed, (slip) => slipped(index, slip.term)).specs;
  const widened = relaxed.filter((spec, k) => spec.fuzzy !== strict[k]!.fuzzy);
  return expandSpecs(index.terms, widened, keepCorrection(index), out);
}

/** Whether the query has a word that typos, slips or a prefix expand: only the corpus's terms can decide. */
export function needsExpansions(q: string): boolean {
  return termSpecs(parseQuery(q), () => true).specs.some(expands);
}
