/**
 * Where index files come from. One driver per storage (Workers static assets, the local file
 * system, memory, later R2); every driver passes the same contract test.
 */
export interface IndexSource {
  /** Human-readable location for error messages, e.g. "assets:/index". */
  readonly name: string;
  /** The file's bytes, or null when it does not exist. Paths are relative to the index root. */
  read(path: string): Promise<Uint8Array | null>;
}

const decoder = new TextDecoder();

export async function readText(source: IndexSource, path: string): Promise<string | null> {
  const bytes = await source.read(path);
  return bytes === null ? null : decoder.decode(bytes);
}
