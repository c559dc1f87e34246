import { describe, expect, it } from 'vitest';
import { extractQuotes, extractQuotesWithRules } from '../../../../src/extract/quotes/extract.js';
import { MECHANISMS } from '../../../../src/extract/quotes/options.js';

// Mechanisms the evaluation switches off to measure what each earns. Sentences invented for these tests.

describe('extractQuotesWithRules: mechanisms switched off', () => {
  const body = [
    '“The harvest was the best in a decade,” farmer Joel Ambrose said.',
    '“Prices held up, and the rain came at the right time.”',
  ].join('\n\n');

  it('drops the unattributed follow-up only while follow-ups are off, then restores them', () => {
    expect(extractQuotesWithRules(body)).toHaveLength(2);
    expect(extractQuotesWithRules(body, { off: new Set(['follow-ups']) })).toHaveLength(1);
    expect(extractQuotes(body)).toHaveLength(2);
  });

  it('restores the switches when the extraction throws', () => {
    expect(() =>
      extractQuotesWithRules(null as unknown as string, { off: new Set(['follow-ups']) }),
    ).toThrow();
    expect(extractQuotes(body)).toHaveLength(2);
  });

  it('describes every mechanism', () => {
    for (const [name, what] of Object.entries(MECHANISMS)) expect(what.length, name).toBeGreaterThan(10);
  });
});
