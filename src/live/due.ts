/**
 * Whether a compaction is due: past a number of pending articles, or once the oldest pending
 * update is old enough (LIVE_COMPACT_PENDING, LIVE_COMPACT_AGE_SECONDS). Pending updates cost
 * every isolate memory and the time to build its update segments, and scores drift from a
 * rebuild's with the share of the corpus replaced (docs/live-updates.md › Scores); a scheduled
 * `npm run compact-live -- --when-due` folds them in only when this says so.
 */
import type { Head } from './log.js';

export interface CompactionLimits {
  pending: number;
  ageSeconds: number;
}

export interface CompactionStatus {
  due: boolean;
  /** Why, in words: empty when not due. */
  reasons: string[];
  pending: number;
  /** When the oldest pending update was acknowledged; null when nothing is pending (or its time is unknown). */
  oldestAt: string | null;
  limits: CompactionLimits;
}

export function compactionStatus(head: Head, limits: CompactionLimits, now: Date): CompactionStatus {
  const entries = Object.values(head.entries);
  const times = entries.flatMap((e) => (e.at ? [Date.parse(e.at)] : [])).filter(Number.isFinite);
  let oldest: number | null = null;
  for (const t of times) if (oldest === null || t < oldest) oldest = t;
  const reasons: string[] = [];
  if (entries.length >= limits.pending)
    reasons.push(`${entries.length} articles pending (limit ${limits.pending})`);
  if (oldest !== null) {
    const age = (now.getTime() - oldest) / 1000;
    if (age >= limits.ageSeconds)
      reasons.push(`the oldest pending update is ${Math.floor(age)} s old (limit ${limits.ageSeconds} s)`);
  }
  return {
    due: reasons.length > 0,
    reasons,
    pending: entries.length,
    oldestAt: oldest === null ? null : new Date(oldest).toISOString(),
    limits,
  };
}
