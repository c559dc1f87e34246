/**
 * Gender agreement for `he` and `she`: the honorifics an article gives a person (`Mr. Okafor`,
 * `Ms. Lund`) say which pronoun can stand for them, so a pronoun skips a candidate the article
 * shows to be of the other gender and goes to the nearest one that agrees. A person the article
 * gives no honorific agrees with either pronoun: the extractor guesses nothing from first names.
 */

export type Gender = 'm' | 'f';

const HONORIFIC = /\b(Mr|Mrs|Ms|Miss)\.?\s+((?:\p{Lu}[\p{L}'’-]+\s+)*\p{Lu}[\p{L}'’-]+)/gu;

function honorificGender(h: string): Gender {
  return h === 'Mr' ? 'm' : 'f';
}

/** A name as written with its gender when the article shows it, and where the name is. */
export interface Mention {
  gender: Gender;
  /** Body offsets of the name after the honorific. */
  span: [number, number];
  /** The mention as written, honorific included. */
  text: string;
}

/** Every honorific mention of the body, in order. */
export function honorificMentions(body: string): Mention[] {
  const out: Mention[] = [];
  for (const m of body.matchAll(HONORIFIC)) {
    const nameStart = m.index + m[0].length - m[2]!.length;
    out.push({ gender: honorificGender(m[1]!), span: [nameStart, nameStart + m[2]!.length], text: m[0] });
  }
  return out;
}

/** Surname → gender over the article's honorific mentions; a surname given both is left out. */
export function surnameGenders(mentions: Mention[]): Map<string, Gender | null> {
  const out = new Map<string, Gender | null>();
  for (const m of mentions) {
    const surname = m.text.split(/\s+/).at(-1)!;
    const seen = out.get(surname);
    out.set(surname, seen === undefined || seen === m.gender ? m.gender : null);
  }
  return out;
}

/** The gender a pronoun asks for, or null for `they`. */
export function pronounGender(pronoun: string): Gender | null {
  const p = pronoun.trim().toLowerCase();
  return p === 'he' ? 'm' : p === 'she' ? 'f' : null;
}

/** The gender the article shows for a name (its honorific, or its surname's elsewhere), or null. */
export function nameGender(name: string, genders: Map<string, Gender | null>): Gender | null {
  const h = /^(Mr|Mrs|Ms|Miss)\.?\s/.exec(name);
  if (h) return honorificGender(h[1]!);
  const surname = name
    .trim()
    .split(/\s+/)
    .at(-1)
    ?.replace(/[^\p{L}'’-]+$/u, '');
  return surname ? (genders.get(surname) ?? null) : null;
}
