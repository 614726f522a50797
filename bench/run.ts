import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import type { Browser } from '@playwright/test';
import { createLogger } from '../main/log/logger';
import { chromiumAvailable, CHROMIUM_PATH, launchChromium } from '../test/helpers/chromium';
import type { BenchContext } from './lib/context';
import { formatTable, verdict, type Row } from './lib/report';
import { apiOverhead } from './rows/api-overhead';
import { bundleSize } from './rows/bundle-size';
import { electronStart } from './rows/electron-start';
import { firstRender } from './rows/first-render';
import { hungKeychain } from './rows/hung-keychain';
import { ipcPayload } from './rows/ipc-payload';
import { keychainReads } from './rows/keychain-reads';
import { memory } from './rows/memory';
import { reenrollOpen } from './rows/reenroll-open';

// `npm run bench` (full) and `npm run bench -- --quick` (CI). Every timing is a ratio or a
// difference against a baseline measured in the same run, interleaved, medians.

const ROWS: { id: string; metric: string; run: (ctx: BenchContext) => Promise<Row | Row[]> }[] = [
  { id: '1', metric: 'Renderer initial JS (gzip)', run: bundleSize },
  { id: '2', metric: 'First render, CPU 4× slower', run: firstRender },
  { id: '3', metric: 'API client overhead, profile:update p50', run: apiOverhead },
  { id: '4', metric: 'Keychain reads and cached token read', run: keychainReads },
  { id: '5', metric: 'Hung keychain → typed error', run: hungKeychain },
  { id: '6', metric: 'Re-enrollment page open → first video frame', run: reenrollOpen },
  { id: '7', metric: 'Largest IPC payload', run: ipcPayload },
  { id: '8', metric: 'JS heap at first render (and growth)', run: memory },
  { id: '9', metric: 'Electron cold start and idle memory', run: electronStart },
];

function usage(): never {
  console.error('usage: npm run bench [-- --quick] [--only 1,3,…]');
  process.exit(2);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  let quick = false;
  let only: Set<string> | null = null;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--quick') quick = true;
    else if (args[i] === '--only' && args[i + 1]) only = new Set(args[++i]!.split(','));
    else usage();
  }
  const root = process.cwd();
  const outDir = join(root, 'out', 'bench');
  let browser: Browser | null = null;
  const logLines: string[] = [];
  const ctx: BenchContext = {
    quick,
    runs: quick ? 5 : 15,
    root,
    builds: { app: join(outDir, 'app'), baseline: join(outDir, 'baseline') },
    browser: async () => {
      if (!chromiumAvailable()) throw new Error(`Chromium is missing at ${CHROMIUM_PATH}: apt-get install chromium`);
      browser ??= await launchChromium();
      return browser;
    },
    // The kiosk logs at info; lines are kept (the last 200) only to explain a failed row.
    logger: createLogger({ level: 'info', sink: (line) => void (logLines.push(line) > 200 && logLines.shift()) }),
  };
  const rows: Row[] = [];
  const selected = ROWS.filter((r) => !only || only.has(r.id) || r.id === '1');
  for (const spec of selected) {
    const started = performance.now();
    process.stderr.write(`bench: ${spec.id}. ${spec.metric}…`);
    try {
      const out = await spec.run(ctx);
      rows.push(...(Array.isArray(out) ? out : [out]));
    } catch (err) {
      // A row that cannot be measured fails; it is never dropped from the table.
      const message = err instanceof Error ? err.message : String(err);
      process.stderr.write(`\nbench: ${spec.id} failed: ${message}\n${logLines.slice(-20).join('\n')}\n`);
      rows.push({ id: spec.id, metric: spec.metric, unit: '', app: null, baseline: null, ratio: null, budget: '—', limits: [{ what: 'error', value: 1, max: 0, noisy: false }], runs: 0, note: `Could not be measured: ${message}`, skipped: false });
    }
    process.stderr.write(` ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
  await (browser as Browser | null)?.close();

  const cpu = cpus();
  const results = {
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    machine: {
      cpu: cpu[0]?.model.trim() ?? 'unknown',
      cores: cpu.length,
      memoryGb: Math.round(totalmem() / 1024 ** 3),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      chromium: browser ? (browser as Browser).version() : null,
    },
    rows: rows.map((r) => ({ ...r, verdict: verdict(r, quick) })),
  };
  mkdirSync(join(root, 'bench'), { recursive: true });
  // A quick run (CI) never overwrites a full run's figures.
  const resultsFile = join(root, 'bench', quick ? 'results-quick.json' : 'results.json');
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  console.log(formatTable(rows, quick));
  console.log(`\n${quick ? 'quick' : 'full'} run on ${results.machine.cpu}, ${results.machine.cores} cores, ${results.machine.memoryGb} GB, Node ${process.version}; written to ${relative(root, resultsFile)}`);
  const failed = rows.filter((r) => verdict(r, quick) === 'fail');
  if (failed.length) {
    console.error(`bench: over budget: ${failed.map((r) => `${r.id} (${r.metric})`).join(', ')}${quick ? ' (by a wide margin, or an exact limit)' : ''}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('bench: failed:', err);
    process.exit(1);
  },
);
