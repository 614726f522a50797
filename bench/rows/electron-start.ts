import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron } from '@playwright/test';
import { electronBinary, electronSuiteSkipReason, kioskEnv } from '../../test/helpers/electron-binary';
import type { BenchContext } from '../lib/context';
import type { Row } from '../lib/report';
import { interleaved, median, since } from '../lib/stats';

const IDLE_MS = 3000;

/** Sum of PSS (kB) over a process and all its descendants (Linux /proc). */
export function treePssKb(rootPid: number): number {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid …; comm may contain spaces and parentheses.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parent.set(Number(name), ppid);
    } catch {
      // The process ended while we looked.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid, hops = 0; p !== undefined && p > 1 && hops < 64; p = parent.get(p), hops++) if (p === rootPid) return true;
    return false;
  };
  let kb = 0;
  for (const pid of parent.keys()) {
    if (!inTree(pid)) continue;
    try {
      const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      kb += Number(m?.[1] ?? 0);
    } catch {
      // Gone, or not readable.
    }
  }
  return kb;
}

/** Launches an Electron app; resolves with ms to its first visible window (shown on ready-to-show) and its idle PSS. */
async function launch(main: string): Promise<{ ms: number; pssMb: number }> {
  const start = performance.now();
  const app = await _electron.launch({ executablePath: electronBinary()!, args: [main], env: kioskEnv(), timeout: 30_000 });
  try {
    let visible = false;
    while (!visible) {
      visible = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().some((w) => w.isVisible()));
      if (!visible) {
        if (since(start) > 30_000) throw new Error(`${main}: no window was shown within 30 s`);
        await new Promise((r) => setTimeout(r, 10));
      }
    }
    const ms = since(start);
    await new Promise((r) => setTimeout(r, IDLE_MS));
    const pssMb = treePssKb(app.process().pid!) / 1024;
    return { ms, pssMb };
  } finally {
    await app.close();
  }
}

/** Row 9: cold start to ready-to-show, and idle memory, vs a minimal Electron app of the same version. */
export async function electronStart(ctx: BenchContext): Promise<Row[]> {
  const reason = electronSuiteSkipReason();
  const rows = (app: [number, number] | null, base: [number, number] | null, note: string): Row[] => [
    {
      id: '9a',
      metric: 'Electron cold start → ready-to-show',
      unit: 'ms',
      app: app?.[0] ?? null,
      baseline: base?.[0] ?? null,
      ratio: app && base ? app[0] / base[0] : null,
      budget: '≤ 1.3×',
      limits: app && base ? [{ what: 'ratio', value: app[0] / base[0], max: 1.3, noisy: true }] : [],
      runs: app ? ctx.runs : 0,
      note,
      skipped: app === null,
    },
    {
      id: '9b',
      metric: 'Electron idle memory (PSS, all processes)',
      unit: 'MB',
      app: app?.[1] ?? null,
      baseline: base?.[1] ?? null,
      ratio: app && base ? app[1] / base[1] : null,
      budget: '≤ baseline + 40 MB',
      limits: app && base ? [{ what: 'app − baseline (MB)', value: app[1] - base[1], max: 40, noisy: true }] : [],
      runs: app ? ctx.runs : 0,
      note: app ? `PSS summed over the app's process tree after ${IDLE_MS / 1000} s idle.` : note,
      skipped: app === null,
    },
  ];
  if (reason) return rows(null, null, `Skipped: ${reason}.`);
  const kiosk = join(ctx.root, 'out', 'main', 'index.js');
  const minimal = join(ctx.root, 'bench', 'electron-minimal', 'main.cjs');
  const results = { a: [] as { ms: number; pssMb: number }[], b: [] as { ms: number; pssMb: number }[] };
  await interleaved(
    ctx.runs,
    async () => {
      results.a.push(await launch(kiosk));
      return 0;
    },
    async () => {
      results.b.push(await launch(minimal));
      return 0;
    },
  );
  const med = (xs: { ms: number; pssMb: number }[]): [number, number] => [median(xs.map((x) => x.ms)), median(xs.map((x) => x.pssMb))];
  return rows(med(results.a), med(results.b), `${ctx.runs} launches each, interleaved; from launch to the first window shown (the kiosk and the minimal app both show on ready-to-show).`);
}
