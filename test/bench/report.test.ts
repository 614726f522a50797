import { describe, expect, it } from 'vitest';
import { formatTable, verdict, type Limit, type Row } from '../../bench/lib/report';
import { interleaved, median, percentile } from '../../bench/lib/stats';

const row = (limits: Limit[], extra: Partial<Row> = {}): Row => ({
  id: '1',
  metric: 'm',
  unit: 'ms',
  app: 1,
  baseline: 1,
  ratio: 1,
  budget: 'b',
  limits,
  runs: 15,
  note: '',
  skipped: false,
  ...extra,
});

describe('benchmark verdicts', () => {
  it('full run: any limit over its budget fails', () => {
    expect(verdict(row([{ what: 'ratio', value: 1.2, max: 1.3, noisy: true }]), false)).toBe('pass');
    expect(verdict(row([{ what: 'ratio', value: 1.31, max: 1.3, noisy: true }]), false)).toBe('fail');
    expect(verdict(row([{ what: 'x', value: 1.31, max: 1.3, noisy: true, ciWaiver: { max: 9, reason: 'r' } }]), false)).toBe('fail');
  });

  it('quick run: noisy limits fail only by a wide margin, exact ones at once, waived ones past their line', () => {
    expect(verdict(row([{ what: 'ratio', value: 1.5, max: 1.3, noisy: true }]), true)).toBe('over (quick: within margin)');
    expect(verdict(row([{ what: 'ratio', value: 2, max: 1.3, noisy: true }]), true)).toBe('fail');
    expect(verdict(row([{ what: 'bytes', value: 16385, max: 16384, noisy: false }]), true)).toBe('fail');
    expect(verdict(row([{ what: 'x', value: 3, max: 1.15, noisy: true, ciWaiver: { max: 4, reason: 'r' } }]), true)).toBe('over (known breach; within its CI line)');
    expect(verdict(row([{ what: 'x', value: 4.1, max: 1.15, noisy: true, ciWaiver: { max: 4, reason: 'r' } }]), true)).toBe('fail');
  });

  it('a NaN never passes, and a skipped row is shown as skipped', () => {
    expect(verdict(row([{ what: 'ratio', value: Number.NaN, max: 1.3, noisy: true }]), false)).toBe('fail');
    expect(verdict(row([], { skipped: true, app: null }), false)).toBe('skip');
    // A row with no budget is reported, never passed or failed.
    expect(verdict(row([]), true)).toBe('info');
  });

  it('prints one table line per row with its verdict, and the notes', () => {
    const table = formatTable([row([{ what: 'ratio', value: 2, max: 1.3, noisy: true }], { ratio: 2, note: 'why' })], false);
    const line = table.split('\n').find((l) => l.startsWith('| 1 '));
    expect(line).toContain('2.000×');
    expect(line).toMatch(/\| fail +\|$/);
    expect(table).toContain('1. why');
  });
});

describe('benchmark statistics', () => {
  it('medians and percentiles by nearest rank', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(() => median([])).toThrow();
  });

  it('interleaves A and B as ABBA', async () => {
    const order: string[] = [];
    await interleaved(
      4,
      async () => (order.push('a'), 1),
      async () => (order.push('b'), 2),
    );
    expect(order.join('')).toBe('abbaabba');
  });
});
