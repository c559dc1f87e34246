/**
 * Where index files come from: all the loader asks of a storage. The drivers (Workers static
 * assets, R2, the local file system, memory) are the index store's, in src/store/drivers/, each
 * held to the same contract test (test/store/contract.ts).
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
