/**
 * The one writer of the live log: a Durable Object per index location (INDEX_R2_PREFIX), so that
 * every isolate's updates go through one queue (src/live/writer.ts) and none is lost or reordered
 * between two isolates. It holds no index, only the head it last wrote; the log itself is in R2.
 */
import { DurableObject } from 'cloudflare:workers';
import type { Head } from '../../live/log.js';
import { type Acknowledged, type LiveWriter, liveWriter, type Update } from '../../live/writer.js';
import { r2Storage } from '../../store/drivers/r2.js';
import type { Env } from '../env.js';
import type { LiveWriterRpc } from './rpc.js';

export class LiveWriterObject extends DurableObject<Env> implements LiveWriterRpc {
  private writers = new Map<string, LiveWriter>();

  private writer(prefix: string): LiveWriter {
    let w = this.writers.get(prefix);
    if (!w) {
      const bucket = this.env.INDEX_BUCKET;
      if (!bucket) throw new Error('no INDEX_BUCKET binding');
      w = liveWriter(r2Storage(bucket, prefix));
      this.writers.set(prefix, w);
    }
    return w;
  }

  apply(prefix: string, update: Update): Promise<Acknowledged> {
    return this.writer(prefix).apply(update);
  }

  compacted(prefix: string, through: number) {
    return this.writer(prefix).compacted(through);
  }

  head(prefix: string): Promise<Head> {
    return this.writer(prefix).head();
  }
}
