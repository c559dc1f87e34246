/**
 * How extraction writes its word lists: as text, words separated by whitespace, so that a list
 * reads like the vocabulary it is rather than like code. wordSet is a plain list. A flagged table
 * is one word list with several named subsets: each line gives flags, then words, and every word
 * appears on one line only, so a word's uses are all in one place. The role words and the
 * abbreviations are written this way: the callers that read them need overlapping but different
 * subsets, and one table shows where they differ.
 */

/** The words of a whitespace-separated list. */
export function wordSet(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter(Boolean));
}

/** Word → its flags, from lines `flags word word …`; blank lines and `#` comments are skipped. */
export function flaggedTable(source: string): Map<string, string> {
  const table = new Map<string, string>();
  for (const line of source.split('\n')) {
    const [flags, ...words] = line.trim().split(/\s+/);
    if (!flags || flags.startsWith('#')) continue;
    for (const word of words) {
      // A word on two lines would have its uses in two places: refuse it where it is written.
      if (table.has(word)) throw new Error(`"${word}" is on two lines of a word table`);
      table.set(word, flags);
    }
  }
  return table;
}

/** The words of the table that carry the flag. */
export function subset(table: Map<string, string>, flag: string): ReadonlySet<string> {
  const out = new Set<string>();
  for (const [word, flags] of table) if (flags.includes(flag)) out.add(word);
  return out;
}
