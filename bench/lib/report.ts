/** One limit of a row: `value` must stay at or below `max`. */
export interface Limit {
  /** What is limited, as printed, e.g. "ratio" or "app − baseline". */
  what: string;
  value: number;
  max: number;
  /**
   * Noisy limits (timings) fail the quick CI run only when exceeded by a wide margin;
   * exact ones (bytes, counts) fail it as soon as they are exceeded.
   */
  noisy: boolean;
  /**
   * A known breach, stated in the table and README: the quick CI run holds this limit at
   * `max` instead, so that it still catches a regression. The full run still fails.
   */
  ciWaiver?: { max: number; reason: string };
}

export interface Row {
  id: string;
  metric: string;
  unit: string;
  /** null when the row was skipped. */
  app: number | null;
  baseline: number | null;
  ratio: number | null;
  /** The budget as printed, e.g. "≤ 1.6×". */
  budget: string;
  limits: Limit[];
  runs: number;
  /** Why the row was skipped, or what else it checked. */
  note: string;
  skipped: boolean;
}

/** How far over its budget a noisy limit may go in quick mode before CI fails. */
export const QUICK_NOISY_MARGIN = 1.5;

export type Verdict = 'pass' | 'fail' | 'skip' | 'info' | 'over (quick: within margin)' | 'over (known breach; within its CI line)';

/** Whether a limit that is over its budget also fails the quick CI run. */
function failsQuick(l: Limit): boolean {
  if (l.ciWaiver) return !(l.value <= l.ciWaiver.max);
  return !l.noisy || !(l.value <= l.max * QUICK_NOISY_MARGIN);
}

/**
 * The verdict of a row. Full run: any limit over its budget fails. Quick run: an exact limit
 * fails as soon as it is over, a noisy one only past `QUICK_NOISY_MARGIN`, and a known breach
 * only past the line its waiver holds.
 */
export function verdict(row: Row, quick: boolean): Verdict {
  if (row.skipped) return 'skip';
  if (row.limits.length === 0) return 'info';
  const over = row.limits.filter((l) => !(l.value <= l.max));
  if (over.length === 0) return 'pass';
  if (!quick) return 'fail';
  if (over.some(failsQuick)) return 'fail';
  return over.some((l) => l.ciWaiver) ? 'over (known breach; within its CI line)' : 'over (quick: within margin)';
}

function fmt(n: number | null, unit: string): string {
  if (n === null) return '—';
  if (unit === 'bytes') return `${Math.round(n).toLocaleString('en-US')} B`;
  if (unit === 'MB') return `${n.toFixed(2)} MB`;
  if (unit === 'ms') return `${n.toFixed(n < 10 ? 3 : 1)} ms`;
  return `${Number.isInteger(n) ? n : n.toFixed(3)}${unit ? ` ${unit}` : ''}`;
}

/** The table printed at the end of a run (also pasted into README's Performance section). */
export function formatTable(rows: readonly Row[], quick: boolean): string {
  const header = ['#', 'metric', 'app (median)', 'baseline (median)', 'ratio', 'budget', 'result'];
  const body = rows.map((r) => [
    String(r.id),
    r.metric,
    fmt(r.app, r.unit),
    fmt(r.baseline, r.unit),
    r.ratio === null ? '—' : `${r.ratio.toFixed(3)}×`,
    r.budget,
    verdict(r, quick),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  const notes = rows.filter((r) => r.note).map((r) => `${r.id}. ${r.note}`);
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line), '', ...notes].join('\n');
}
