/** A document store file: JSON object of stored documents keyed by their id. */
export type DocStoreFile<T> = Record<string, T>;
