/**
 * Step 5 of entity extraction: mentions merged into the article's entities. Each mention goes to
 * the entity of its canonical name: a country's or an institution's own spelling for places,
 * the organisation's full name for acronyms and short forms (org-names.ts), the full name for a
 * bare surname (coref.ts). Every other written form of an entity becomes an alias, and a role
 * written before a person's name gives a role-prefixed alias ("Port Authority director Ann Lee").
 */

import type { ArticleEntity } from '../../model/documents.js';
import { nth } from '../text/nth.js';
import { type ArticleContext, type Candidate, type DemonymMention, type Kind, spanText } from './context.js';
import { fullNamesBySurname, linkOneWord } from './coref.js';
import { countryFor, placeCountry } from './gazetteer/lookup.js';
import { rolePrefix } from './mentions.js';
import { canonicalCase, organisationName, organisationNames } from './org-names.js';
import { lower } from './word-classes.js';
import { INSTITUTIONS } from './words.js';

/** Honorifics say how a person is addressed, not what they do: no role. */
const HONORIFICS = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'miss']);

interface Draft {
  name: string;
  kind: Kind;
  aliases: Set<string>;
  mentions: Array<[number, number]>;
  /** Roles written before the person's name, by count. */
  roles: Map<string, number>;
  /** Some mention's kind was decided by what the text writes. */
  decided: boolean;
  ambiguousWith?: string[];
}

/** The article's entities from its typed mentions (each with a kind) and its demonym mentions. */
export function buildEntities(
  ctx: ArticleContext,
  cands: Candidate[],
  demonyms: DemonymMention[],
  title?: string,
): ArticleEntity[] {
  const { tokens, body } = ctx;
  cands.sort((a, b) => a.s - b.s);
  const drafts = new Map<string, Draft>();
  const get = (kind: Kind, name: string) => {
    const key = `${kind}:${name}`;
    let d = drafts.get(key);
    if (!d) {
      d = { name, kind, aliases: new Set(), mentions: [], roles: new Map(), decided: false };
      drafts.set(key, d);
    }
    return d;
  };
  const add = (kind: Kind, name: string, s: number, e: number, decided = true) => {
    const d = get(kind, name);
    if (decided) d.decided = true;
    const start = nth(tokens, s).start;
    const end = nth(tokens, e - 1).end;
    if (!d.mentions.some(([a, b]) => a === start && b === end)) d.mentions.push([start, end]);
    const written = body.slice(start, end);
    if (written !== name) d.aliases.add(written);
  };

  const surnames = fullNamesBySurname(ctx, cands, title);
  const orgs = organisationNames(ctx, cands);
  cands.push(...orgs.nested);
  cands.sort((a, b) => a.s - b.s);

  for (const c of cands) {
    const kind = c.kind!;
    const surface = spanText(ctx, c.s, c.e);
    if (kind === 'place') {
      add(
        'place',
        countryFor(surface) ?? INSTITUTIONS.get(lower(surface)) ?? canonicalCase(surface),
        c.s,
        c.e,
        c.decided ?? false,
      );
      continue;
    }
    if (kind === 'organization') {
      const name = organisationName(orgs, surface);
      add(
        'organization',
        name ?? INSTITUTIONS.get(lower(surface)) ?? canonicalCase(surface),
        c.s,
        c.e,
        c.decided ?? false,
      );
      continue;
    }
    // Person.
    const link = c.e - c.s === 1 ? linkOneWord(ctx, surnames, c.s) : null;
    const name = link && 'name' in link ? link.name : surface;
    const role = rolePrefix(ctx, c.s);
    add('person', name, c.s, c.e, c.decided ?? false);
    const d = get('person', name);
    if (link && 'ambiguousWith' in link) d.ambiguousWith = link.ambiguousWith;
    if (role !== null) {
      d.aliases.add(body.slice(nth(tokens, role).start, nth(tokens, c.e - 1).end));
      const written = body.slice(nth(tokens, role).start, nth(tokens, c.s).start).replace(/[\s,]+$/, '');
      if (written && !HONORIFICS.has(written.toLowerCase()))
        d.roles.set(written, (d.roles.get(written) ?? 0) + 1);
    }
  }
  for (const d of demonyms) {
    add('place', d.country, d.i, d.e);
  }

  return [...drafts.values()]
    .map((d) => {
      const e: ArticleEntity = {
        name: d.name,
        kind: d.kind,
        aliases: [...d.aliases].filter((a) => a !== d.name),
        mentions: d.mentions.sort((a, b) => a[0] - b[0] || a[1] - b[1]),
      };
      if (d.roles.size) e.roles = [...d.roles].sort((a, b) => b[1] - a[1]).map(([r]) => r);
      if (!d.decided) e.weakKind = true;
      if (d.kind === 'place') {
        const country = placeCountry(d.name);
        if (country) e.country = country;
      }
      if (d.ambiguousWith && !d.name.includes(' ')) e.ambiguousWith = d.ambiguousWith;
      return e;
    })
    .sort((a, b) => a.mentions[0]![0] - b.mentions[0]![0]);
}
