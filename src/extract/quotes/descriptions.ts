/**
 * Whom a description speaker (`the Florida senator`, `the former president`) stands for: the
 * person the article gave that role before the quote, through the title written before a name
 * (`Sen. Marco Rubio`, `Florida Sen. Marco Rubio`, `former President Bill Clinton`) or an
 * appositive after it (`Rubio, the Florida senator,`). The description's other words choose
 * among several (`Florida` against `Texas`, `former` against the sitting president), then the
 * person last named (`last`, a surname), then the title as the description has it, then the
 * nearest. A description the article ties to no name is left to the caller (the last person
 * named).
 */
import { ROLE_PREFIXES } from '../text/roles.js';
import { wordSet } from '../text/vocabulary.js';
import { isCapitalized, tokenizeWords, type WordToken } from '../text/word-tokens.js';
import { NAME_PARTICLES } from './words.js';

/** The forms a role is written in before a name: the word itself and its abbreviations (lower case, no period). */
const FORMS: Record<string, string[]> = {
  senator: ['sen', 'senator'],
  governor: ['gov', 'governor'],
  representative: ['rep', 'representative', 'congressman', 'congresswoman'],
  congressman: ['rep', 'congressman'],
  congresswoman: ['rep', 'congresswoman'],
  lawmaker: ['sen', 'senator', 'rep', 'representative', 'congressman', 'congresswoman'],
  general: ['gen', 'general'],
  professor: ['prof', 'professor'],
  reverend: ['rev', 'reverend'],
  doctor: ['dr', 'doctor'],
  secretary: ['sec', 'secretary'],
  lieutenant: ['lt', 'lieutenant'],
  colonel: ['col', 'colonel'],
  captain: ['capt', 'captain'],
};

/**
 * A word without an abbreviation's period (`Sen.` → `sen`): the tokenizer leaves that period in
 * the word, and a sentence's in `post`.
 */
function bare(t: WordToken): string {
  return t.lower.replace(/\.$/, '');
}

/** Words before a capitalised run that make it no person's name. */
const NOT_BEFORE_PERSON = wordSet('the in at from of to for on by with near across');
const QUOTE_MARK = /["“”'‘’]/;

/** Words that say the role is not held now: a mention with one is not a description without it. */
const STATUS = wordSet('former ex then late retired outgoing incoming');

/** Words of a description that say nothing to choose by. */
const EMPTY = wordSet('the a an its his her their');

/** Name words after a title: capitalised, at most four, up to punctuation that ends the name. */
const MAX_NAME = 4;
/** How many words before the title its qualifiers, or a name in apposition, are looked for. */
const WINDOW = 5;

interface Found {
  span: [number, number];
  /** Description words found near, the person last named, qualifiers the description lacks (negated). */
  rank: number[];
}

/**
 * Body offsets of the name the description stands for, among the mentions before `at`, or null
 * when the article writes the role with no name next to it.
 */
export function describedPerson(
  body: string,
  description: string,
  at: number,
  last: string | null = null,
): [number, number] | null {
  const words = description
    .replace(/,.*$/s, '')
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}-]/gu, ''))
    .filter((w) => w && !EMPTY.has(w));
  const head = words.at(-1);
  if (!head) return null;
  const forms = new Set(FORMS[head] ?? [head]);
  const others = words.slice(0, -1);
  const status = others.filter((w) => STATUS.has(w));
  const toks = tokenizeWords(body, 0, at);
  let best: Found | null = null;
  for (let i = 0; i < toks.length; i++) {
    if (!forms.has(bare(toks[i]!))) continue;
    const name = nameAfter(toks, i) ?? nameBefore(toks, i);
    if (!name) continue;
    // `the governor` is not `the former governor` (but `the former president` may be
    // `President Bush`, a title kept for life).
    const written = qualifiers(toks, i);
    if (written.some((w) => STATUS.has(w) && !status.includes(w))) continue;
    const near = new Set([...written, ...around(toks, i, name)]);
    const nameEnd = toks[name[1] - 1]!;
    const surname = nameEnd.text.replace(/['’]s$/, '');
    const rank = [
      others.filter((w) => near.has(w)).length,
      // The person last named, whom the reporter is still writing about.
      surname === last ? 1 : 0,
      // `the president` is `President Lee` rather than `World Bank President Ann Lee`.
      -written.filter((w) => !STATUS.has(w) && !others.includes(w)).length,
    ];
    // Later mentions replace earlier ones ranked as high: the nearest wins.
    if (!best || compare(rank, best.rank) >= 0)
      best = { span: [toks[name[0]]!.start, nameEnd.start + surname.length], rank };
  }
  return best?.span ?? null;
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/**
 * The words that describe the person besides the title run: between the name and the role in an
 * appositive (`Rubio, the Florida senator`), or an `of`/`from` phrase after the name (`Sen. Ann
 * Lee of Florida`), lower case.
 */
function around(toks: WordToken[], i: number, name: [number, number]): string[] {
  if (name[1] <= i) return toks.slice(name[1], i).map((t) => t.lower);
  const after = toks[name[1]];
  if (!after || !/^(?:of|from)$/.test(after.lower) || /[,;:.!?)]/.test(toks[name[1] - 1]!.post)) return [];
  const out: string[] = [];
  for (let k = name[1] + 1; k < Math.min(toks.length, name[1] + 4); k++) {
    out.push(toks[k]!.lower.replace(/\.$/, ''));
    if (/[,;:.!?)]/.test(toks[k]!.post)) break;
  }
  return out;
}

/**
 * The words qualifying the role at i as written: a status word before it (`former Sen.`, `the
 * former New Jersey governor`) and the capitalised words of the title run (`World Bank
 * President`, `Florida Sen.`), lower case.
 */
function qualifiers(toks: WordToken[], i: number): string[] {
  const out: string[] = [];
  for (let k = i - 1; k >= Math.max(0, i - WINDOW); k--) {
    const t = toks[k]!;
    if (/[,;:.!?)]/.test(t.post)) break;
    const word = t.lower.replace(/-$/, '');
    if (STATUS.has(word)) out.push(word);
    else if (isCapitalized(t) && !ROLE_PREFIXES.has(t.lower)) out.push(t.lower);
    else if (!ROLE_PREFIXES.has(t.lower)) break;
  }
  // `then-Sen.` is one token.
  const joined = /^(\p{L}+)-/u.exec(bare(toks[i]!));
  if (joined && STATUS.has(joined[1]!)) out.push(joined[1]!);
  return out;
}

/**
 * `Sen. Marco Rubio`, `Gov. Republican Ann Lee`: the capitalised words right after the title,
 * other role words skipped, as token indices [from, to).
 */
function nameAfter(toks: WordToken[], i: number): [number, number] | null {
  if (/[,;:.!?)]/.test(toks[i]!.post)) return null;
  let from = i + 1;
  while (from < toks.length && ROLE_PREFIXES.has(toks[from]!.lower) && !/[,;:.!?]/.test(toks[from]!.post))
    from++;
  let j = from;
  const nameWord = (t: WordToken, next: WordToken | undefined) =>
    (isCapitalized(t) && !ROLE_PREFIXES.has(t.lower)) ||
    (NAME_PARTICLES.has(t.text) && !!next && isCapitalized(next));
  while (j < toks.length && j - from < MAX_NAME && nameWord(toks[j]!, toks[j + 1])) {
    if (j > from && /[("“”'‘’]/.test(toks[j]!.pre)) break;
    j++;
    if (/[,;:.!?)"“”'’]/.test(toks[j - 1]!.post)) break;
  }
  return j > from && !QUOTE_MARK.test(toks[from]!.pre) ? [from, j] : null;
}

/** `Rubio, the Florida senator`: a name ending on a comma a few words before the role. */
function nameBefore(toks: WordToken[], i: number): [number, number] | null {
  for (let k = i - 1; k >= Math.max(0, i - WINDOW); k--) {
    const t = toks[k]!;
    if (k < i - 1 && t.post.includes(',')) {
      if (toks[k + 1]!.lower !== 'the' || !isCapitalized(t)) return null;
      let s = k;
      while (
        s > 0 &&
        k - s < MAX_NAME - 1 &&
        isCapitalized(toks[s - 1]!) &&
        !/[,;:.!?]/.test(toks[s - 1]!.post)
      )
        s--;
      // `the State Department, the agency` is an institution, `in Chelsea, the mayor` a place.
      if (s > 0 && NOT_BEFORE_PERSON.has(toks[s - 1]!.lower)) return null;
      if (toks.slice(s, k + 1).some((w) => QUOTE_MARK.test(w.pre + w.post))) return null;
      while (s < k && ROLE_PREFIXES.has(toks[s]!.lower)) s++;
      return [s, k + 1];
    }
    if (/[.;:!?]/.test(t.post)) return null;
  }
  return null;
}
