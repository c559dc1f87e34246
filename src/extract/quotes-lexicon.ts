/**
 * Small hand-written English word lists for quote attribution. General vocabulary only:
 * nothing here is taken from any evaluation corpus.
 */

const CUE_STEMS = [
  'say', 'tell', 'add', 'ask', 'write', 'explain', 'note', 'argue', 'continue', 'declare',
  'insist', 'recall', 'state', 'tweet', 'post', 'reply', 'respond', 'answer', 'warn', 'claim',
  'acknowledge', 'admit', 'joke', 'quip', 'remark', 'concede', 'counter', 'conclude', 'observe',
  'suggest', 'emphasize', 'stress', 'shout', 'yell', 'announce', 'predict', 'promise', 'vow',
  'complain', 'lament', 'boast', 'caution', 'urge', 'assert', 'confirm', 'deny', 'mock',
  'scoff', 'muse', 'chime', 'interject', 'exclaim', 'chant', 'tout', 'proclaim', 'scream',
  'cry', 'repeat', 'reiterate', 'demand', 'plead', 'pledge', 'retort', 'testify', 'charge',
  'allege', 'begin', 'wonder', 'sigh', 'laugh', 'agree', 'describe', 'call', 'recount',
  'report', 'read', 'conclude', 'elaborate', 'email', 'text', 'message', 'opine', 'concur',
  'object', 'protest', 'fume', 'thunder', 'declare', 'inform', 'assure', 'advise', 'predict',
  'offer', 'begin', 'put', 'quote', 'cite', 'bark', 'snap', 'shoot', 'fire', 'point', 'gush',
  'rail', 'interrupt', 'marvel', 'sneer', 'grumble', 'mutter', 'whisper', 'crack', 'start',
  'write', 'speculate', 'theorize', 'surmise', 'reason', 'acknowledge', 'recollect', 'relate',
  'underscore', 'highlight', 'specify', 'clarify', 'summarize', 'sum', 'counsel', 'chide',
  'scold', 'taunt', 'tease', 'gloat', 'brag', 'bristle', 'huff', 'groan', 'rant', 'preach',
  'react', 'question', 'press', 'confess', 'rebut', 'jab', 'admit', 'query', 'sing', 'type',
];

const IRREGULAR: Record<string, string[]> = {
  say: ['said', 'says', 'say', 'saying'],
  tell: ['told', 'tells', 'tell', 'telling'],
  write: ['wrote', 'writes', 'write', 'writing', 'written'],
  begin: ['began', 'begins', 'begin', 'beginning'],
  cry: ['cried', 'cries', 'crying'],
  read: ['read', 'reads', 'reading'],
  put: ['put', 'puts', 'putting'],
  reply: ['replied', 'replies', 'replying'],
  deny: ['denied', 'denies', 'denying'],
  testify: ['testified', 'testifies', 'testifying'],
  stress: ['stressed', 'stresses', 'stressing'],
  email: ['emailed', 'emails', 'emailing', 'e-mailed'],
  shoot: ['shot', 'shoots'],
  fire: ['fired', 'fires'],
  point: ['pointed', 'points'],
  start: ['started', 'starts'],
  sum: ['summed', 'sums'],
  snap: ['snapped', 'snaps'],
  admit: ['admitted', 'admits', 'admitting'],
  quip: ['quipped', 'quips'],
  rebut: ['rebutted', 'rebuts'],
  jab: ['jabbed', 'jabs'],
  query: ['queried', 'queries'],
  sing: ['sang', 'sings', 'singing', 'sung'],
  press: ['pressed', 'presses'],
  type: ['typed', 'typing'],
};

function inflect(stem: string): string[] {
  const fixed = IRREGULAR[stem];
  if (fixed) return fixed;
  const base = stem.endsWith('e') ? stem.slice(0, -1) : stem;
  const past = stem.endsWith('e') ? `${stem}d` : `${stem}ed`;
  const third = /(s|sh|ch|x)$/.test(stem) ? `${stem}es` : `${stem}s`;
  return [past, third, `${base}ing`];
}

/** Base forms ("they conclude"), which count only right after a quote (see quotes-attribution). */
export const CUE_BASES: ReadonlySet<string> = new Set(CUE_STEMS);

/** Inflected forms of speech verbs ("said", "tells", "adding"), lower case. */
export const CUE_WORDS: ReadonlySet<string> = new Set(CUE_STEMS.flatMap(inflect));

/** Cue forms that only count when they introduce speech in a clause of their own. */
export const WEAK_CUES: ReadonlySet<string> = new Set([
  'call', 'called', 'calls', 'calling', 'describe', 'described', 'describes', 'describing',
  'put', 'puts', 'putting', 'offer', 'offered', 'offers', 'offering', 'quote', 'quoted',
  'cite', 'cited', 'cites', 'citing', 'read', 'reading', 'post', 'posted', 'text', 'texted',
  'message', 'messaged', 'charge', 'charged', 'object', 'objected', 'state', 'states',
  'report', 'reported', 'reports', 'continue', 'continues', 'continued', 'begin', 'began',
  'begins', 'agree', 'agreed', 'agrees', 'demand', 'demanded', 'laugh', 'laughed',
]);

/** Words that may sit between a speaker and the cue: "he later said", "she has told". */
export const CUE_AUX: ReadonlySet<string> = new Set([
  'has', 'had', 'have', 'will', 'would', 'also', 'later', 'then', 'again', 'once', 'further',
  'recently', 'previously', 'quickly', 'simply', 'just', 'often', 'repeatedly', 'publicly',
  'privately', 'flatly', 'bluntly', 'finally', 'frequently', 'earlier', 'famously', 'reportedly',
  'went', 'on', 'to', 'could', 'might', 'may', 'did', 'does', 'is', 'was', 'were', 'are',
  'be', 'been', 'being', 'even', 'still', 'only', 'now', 'added', 'not', 'never', 'always',
  'told', 'jokingly', 'angrily', 'softly', 'quietly', 'loudly', 'proudly', 'sarcastically',
]);

export const PRONOUNS: ReadonlySet<string> = new Set([
  'he', 'she', 'they', 'i', 'we', 'it', 'you',
]);

/** Pronouns that stand for a person or group named earlier. */
export const ANAPHORIC_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'they']);

export const DETERMINERS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'one', 'another', 'his', 'her', 'their', 'its', 'our', 'my', 'this',
  'that', 'these', 'those', 'some', 'many', 'several', 'two', 'three', 'both', 'each',
]);

/** Nouns for people by office or occupation; "the senator" refers back to a named person. */
export const ROLE_WORDS: ReadonlySet<string> = new Set([
  'president', 'leader', 'senator', 'sen.', 'spokesman', 'spokeswoman', 'spokesperson',
  'candidate', 'governor', 'gov.', 'congressman', 'congresswoman', 'representative', 'rep.',
  'nominee', 'official', 'minister', 'secretary', 'mayor', 'chairman', 'chairwoman', 'chair',
  'director', 'adviser', 'advisor', 'aide', 'strategist', 'pollster', 'analyst', 'professor',
  'lawyer', 'attorney', 'judge', 'justice', 'general', 'gen.', 'commander', 'ambassador',
  'chief', 'executive', 'ceo', 'founder', 'manager', 'billionaire', 'businessman',
  'businesswoman', 'mogul', 'host', 'anchor', 'businessman', 'frontrunner', 'front-runner',
  'hopeful', 'lawmaker', 'legislator', 'diplomat', 'economist', 'expert', 'activist',
  'organizer', 'officer', 'chancellor', 'premier', 'king', 'queen', 'prince', 'pope',
  'speaker', 'whip', 'counsel', 'prosecutor', 'sheriff', 'commissioner', 'treasurer',
  'councilman', 'councilwoman', 'delegate', 'superdelegate', 'veteran', 'star', 'author',
  'columnist', 'editor', 'reporter', 'journalist', 'writer', 'historian', 'scientist',
  'researcher', 'economist', 'consultant', 'operative', 'donor', 'fundraiser', 'lobbyist',
  'surrogate', 'supporter', 'critic', 'partner', 'owner', 'head', 'vice', 'deputy',
  'mr.', 'mrs.', 'ms.', 'dr.', 'rev.', 'prof.', 'lt.', 'col.', 'sgt.', 'capt.', 'gen',
  'sen', 'rep', 'gov', 'mr', 'mrs', 'ms', 'dr', 'former', 'acting', 'incumbent', 'press',
  'campaign', 'white', 'house', 'state', 'national', 'security', 'senior', 'top',
  'presidential', 'prime', 'foreign', 'defense', 'then-', 'u.s.', 'majority', 'minority',
]);

/** Titles written before a name ("President", "Sen.") that are not part of the name. */
export const NAME_TITLES: ReadonlySet<string> = new Set([
  'president', 'vice', 'sen.', 'senator', 'rep.', 'representative', 'gov.', 'governor',
  'mr.', 'mrs.', 'ms.', 'miss', 'dr.', 'prof.', 'professor', 'rev.', 'reverend', 'gen.',
  'general', 'lt.', 'col.', 'colonel', 'sgt.', 'capt.', 'captain', 'adm.', 'admiral',
  'judge', 'justice', 'secretary', 'chairman', 'chairwoman', 'minister', 'prime', 'premier',
  'chancellor', 'mayor', 'ambassador', 'king', 'queen', 'prince', 'princess', 'pope',
  'sir', 'dame', 'lord', 'lady', 'speaker', 'leader', 'spokesman', 'spokeswoman', 'counsel',
  'attorney', 'director', 'commissioner', 'sheriff', 'chief', 'deputy', 'former', 'acting',
  'congressman', 'congresswoman', 'state', 'senate', 'house', 'majority', 'minority',
  'democratic', 'republican', 'first', 'lady', 'sen', 'rep', 'gov', 'mr', 'mrs', 'ms', 'dr',
  'candidate', 'nominee', 'frontrunner', 'front-runner', 'hopeful', 'officer', 'agent',
]);

/** Abbreviations whose period does not end a sentence. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'sgt', 'capt', 'adm',
  'st', 'jr', 'sr', 'prof', 'rev', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
  'sept', 'oct', 'nov', 'dec', 'no', 'inc', 'corp', 'co', 'ltd', 'vs', 'etc', 'calif', 'fla',
  'wis', 'conn', 'mass', 'ariz', 'colo', 'ill', 'ind', 'kan', 'ky', 'md', 'mich', 'minn',
  'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'penn', 'tenn', 'tex', 'va',
  'vt', 'wash', 'wyo', 'ala', 'ark', 'del', 'ga', 'la', 'n.c', 'n.y', 's.c', 'n.h', 'n.j',
  'd.c', 'u.s', 'u.n', 'u.k', 'e.g', 'i.e', 'approx', 'est', 'ft', 'mt', 'ave', 'blvd',
]);

/** Sentence-initial words that do not start a speaker noun phrase. */
export const CLAUSE_OPENERS: ReadonlySet<string> = new Set([
  'and', 'but', 'so', 'yet', 'or', 'then', 'still', 'later', 'now', 'instead', 'meanwhile',
  'however', 'also', 'when', 'as', 'while', 'after', 'before', 'since', 'because', 'if',
  'though', 'although', 'here', 'there', 'again', 'finally', 'today', 'yesterday',
]);
