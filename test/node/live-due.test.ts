/** When a compaction of the live updates is due (src/live/due.ts): past a count of pending articles or an age. */
import { describe, expect, it } from 'vitest';
import { compactionStatus } from '../../src/live/due.js';
import type { Head } from '../../src/live/log.js';

const limits = { pending: 3, ageSeconds: 3600 };
const head = (entries: Head['entries']): Head => ({ seq: 9, entries, compactedThrough: 0 });
const now = new Date('2026-11-30T12:00:00Z');

describe('compaction status', () => {
  it('is not due with nothing pending', () => {
    expect(compactionStatus(head({}), limits, now)).toEqual({
      due: false,
      reasons: [],
      pending: 0,
      oldestAt: null,
      limits,
    });
  });

  it('is due past the number of pending articles', () => {
    const at = '2026-11-30T11:59:00Z';
    const two = { a: { seq: 1, op: 'put' as const, at }, b: { seq: 2, op: 'delete' as const, at } };
    expect(compactionStatus(head(two), limits, now).due).toBe(false);
    const three = compactionStatus(head({ ...two, c: { seq: 3, op: 'put', at } }), limits, now);
    expect(three.due).toBe(true);
    expect(three.reasons).toEqual(['3 articles pending (limit 3)']);
  });

  it('is due once the oldest pending update is old enough, whatever the newer ones', () => {
    const status = compactionStatus(
      head({
        a: { seq: 4, op: 'put', at: '2026-11-30T10:59:59Z' },
        b: { seq: 5, op: 'put', at: '2026-11-30T11:59:00Z' },
      }),
      limits,
      now,
    );
    expect(status).toMatchObject({ due: true, pending: 2, oldestAt: '2026-11-30T10:59:59.000Z' });
    expect(status.reasons).toEqual(['the oldest pending update is 3601 s old (limit 3600 s)']);
    const younger = compactionStatus(
      head({ b: { seq: 5, op: 'put', at: '2026-11-30T11:00:01Z' } }),
      limits,
      now,
    );
    expect(younger.due).toBe(false);
  });

  it('leaves the age unknown for entries written without a time', () => {
    const status = compactionStatus(head({ a: { seq: 1, op: 'put' } }), limits, now);
    expect(status).toMatchObject({ due: false, oldestAt: null, pending: 1 });
  });
});
