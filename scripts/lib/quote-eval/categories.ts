/**
 * What sort of error each mismatch is, read from the text around it and the gold annotation, so
 * that the next change is chosen by what fails most across folds. Each mismatch gets the first
 * category of its kind's list that fits (the lists are in priority order), so counts add up.
 */
import { covers, type GoldQuote, type Mismatch, overlap, type Prediction } from './score.js';

export const MISSED_CATEGORIES = [
  'boundary',
  'nested attribution',
  'colon-introduced',
  'partial quote',
  'pronoun speaker',
  'unattributed follow-up',
  'speaker after a long clause',
  'multi-paragraph',
  'speaker before the quote',
  'speaker after the quote',
  'other',
] as const;

export const SPEAKER_CATEGORIES = [
  'no speaker',
  'unattributed follow-up',
  'description speaker',
  'span extent',
  'nested attribution',
  'speaker after a long clause',
  'other person',
] as const;

export const FALSE_POSITIVE_CATEGORIES = [
  'boundary',
  'indirect or mixed in gold',
  'unattributed follow-up',
  'partial quote',
  'colon-introduced',
  'not annotated',
] as const;

export const CATEGORIES: Record<Mismatch['kind'], readonly string[]> = {
  missed: MISSED_CATEGORIES,
  'wrong-speaker': SPEAKER_CATEGORIES,
  'false-positive': FALSE_POSITIVE_CATEGORIES,
};

const PRONOUN = /^(?:he|she|they|i|we|you|it|him|her|them)$/i;

interface Context {
  body: string;
  /** Every gold attribution of the article, direct or not. */
  gold: GoldQuote[];
  pred: Prediction[];
}

function paragraphOf(body: string, at: number): { start: number; end: number } {
  const s = body.lastIndexOf('\n\n', at);
  const e = body.indexOf('\n\n', at);
  return { start: s < 0 ? 0 : s + 2, end: e < 0 ? body.length : e };
}

/** The words before the opening mark in its sentence. */
function leadIn(body: string, start: number): string {
  const para = paragraphOf(body, start);
  const before = body.slice(para.start, start);
  const cut = Math.max(before.search(/[.!?]['"”’)]*\s+[^.!?]*$/) + 1, 0);
  return before.slice(cut).replace(/^['"”’)]*\s*/, '');
}

function words(s: string): number {
  return s.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
}

function goldFor(m: Mismatch, ctx: Context): GoldQuote | undefined {
  return ctx.gold.find((g) => g.direct && g.start === m.start && g.end === m.end);
}

function nested(g: GoldQuote, ctx: Context): boolean {
  return ctx.gold.some(
    (o) => o !== g && o.start <= g.start && o.end >= g.end && o.end - o.start > g.end - g.start,
  );
}

function speakerPlace(g: GoldQuote, body: string): 'none' | 'away' | 'before' | 'after' {
  if (g.speaker_start == null || g.speaker_end == null) return 'none';
  const para = paragraphOf(body, g.start);
  const paraEnd = paragraphOf(body, Math.max(g.start, g.end - 1)).end;
  if (g.speaker_end <= para.start || g.speaker_start >= paraEnd) return 'away';
  return g.speaker_start < g.start ? 'before' : 'after';
}

function missedCategory(g: GoldQuote, ctx: Context): string {
  const { body } = ctx;
  if (ctx.pred.some((p) => overlap(p, g) > 0)) return 'boundary';
  if (nested(g, ctx)) return 'nested attribution';
  if (/:\s*$/.test(body.slice(Math.max(0, g.start - 3), g.start))) return 'colon-introduced';
  if (/^\P{L}*\p{Ll}/u.test(body.slice(g.start, g.end)) && leadIn(body, g.start).trim())
    return 'partial quote';
  if (g.speaker && PRONOUN.test(g.speaker.trim())) return 'pronoun speaker';
  const place = speakerPlace(g, body);
  if (place === 'away' || place === 'none') return 'unattributed follow-up';
  if (place === 'after' && words(body.slice(g.end, g.speaker_start ?? g.end)) > 6)
    return 'speaker after a long clause';
  if (body.slice(g.start, g.end).includes('\n\n')) return 'multi-paragraph';
  return place === 'before' ? 'speaker before the quote' : 'speaker after the quote';
}

function speakerCategory(m: Mismatch, g: GoldQuote | undefined, ctx: Context): string {
  if (!m.predictedSpeaker) return 'no speaker';
  if (!g) return 'other person';
  const place = speakerPlace(g, ctx.body);
  if (place === 'away' || place === 'none') return 'unattributed follow-up';
  if (/^(?:the|a|an|one|another)\s+\p{Ll}/u.test(g.speaker ?? '')) return 'description speaker';
  const caps = (s: string) =>
    new Set(
      s
        .split(/\s+/)
        .map((w) => w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '').replace(/[’']s$/, ''))
        .filter((w) => /^\p{Lu}/u.test(w)),
    );
  const gold = caps(g.speaker ?? '');
  if ([...caps(m.predictedSpeaker)].some((w) => gold.has(w))) return 'span extent';
  if (nested(g, ctx)) return 'nested attribution';
  if (place === 'after' && words(ctx.body.slice(g.end, g.speaker_start ?? g.end)) > 6)
    return 'speaker after a long clause';
  return 'other person';
}

function falsePositiveCategory(m: Mismatch, ctx: Context): string {
  const { body } = ctx;
  if (ctx.gold.some((g) => g.direct && overlap(m, g) > 0)) return 'boundary';
  if (ctx.gold.some((g) => !g.direct && covers(m, g))) return 'indirect or mixed in gold';
  if (m.rule?.includes('standalone')) return 'unattributed follow-up';
  if (/^\P{L}*\p{Ll}/u.test(body.slice(m.start, m.end)) && leadIn(body, m.start).trim())
    return 'partial quote';
  if (/:\s*$/.test(body.slice(Math.max(0, m.start - 3), m.start))) return 'colon-introduced';
  return 'not annotated';
}

/** Sets each mismatch's category. */
export function categorize(mismatches: Mismatch[], ctx: Context): void {
  for (const m of mismatches) {
    const g = goldFor(m, ctx);
    if (m.kind === 'missed') m.category = g ? missedCategory(g, ctx) : 'other';
    else if (m.kind === 'wrong-speaker') m.category = speakerCategory(m, g, ctx);
    else m.category = falsePositiveCategory(m, ctx);
  }
}
