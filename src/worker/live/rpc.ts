/** The live writer's RPC surface (./writer-object.ts), named by the environment's type. */
import type { Head } from '../../live/log.js';
import type { Acknowledged, Update } from '../../live/writer.js';

export interface LiveWriterRpc extends Rpc.DurableObjectBranded {
  apply(prefix: string, update: Update): Promise<Acknowledged>;
  compacted(prefix: string, through: number): Promise<{ seq: number; pending: number; dropped: number }>;
  head(prefix: string): Promise<Head>;
}

/** The object that serializes the writers of the index under `prefix`. */
export const writerName = (prefix: string) => `live:${prefix}`;
