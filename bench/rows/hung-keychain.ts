import { createIpcHarness } from '../../test/helpers/ipc-harness';
import type { BenchContext } from '../lib/context';
import { countingKeytar } from '../lib/keychain';
import type { Row } from '../lib/report';
import { median, since } from '../lib/stats';

const BUDGET_MS = 3000;
/** Past this the row fails rather than wait (the keyring is resumed either way). */
const HARD_CAP_MS = 10_000;

/**
 * Row 5: a call that needs the token while the Secret Service never answers (the real
 * gnome-keyring daemon stopped with SIGSTOP) → the typed `keychain-unavailable` error.
 * Each run uses a fresh kiosk (nothing cached); the daemon is always resumed afterwards.
 */
export async function hungKeychain(ctx: BenchContext): Promise<Row> {
  const pid = Number(process.env['KIOSK_TEST_KEYRING_PID']);
  if (!Number.isInteger(pid) || pid <= 0) {
    return skipped('KIOSK_TEST_KEYRING_PID is not set: run the benchmark through test/with-keyring.sh (npm run bench does).');
  }
  const runs = ctx.quick ? 3 : ctx.runs;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const keychain = countingKeytar();
    const ipc = await createIpcHarness(ctx.logger, { loadBackend: () => keychain.load(), keepStoredToken: true });
    try {
      // Load keytar first, so the run times the hung call and not the module load.
      await keychain.load();
      process.kill(pid, 'SIGSTOP');
      let ms: number;
      try {
        const start = performance.now();
        const r = await Promise.race([
          ipc.invoke('profile:lookup', { userName: 'ravi.kumar' }),
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${HARD_CAP_MS} ms`)), HARD_CAP_MS)),
        ]);
        ms = since(start);
        if (r.ok || r.error.code !== 'keychain-unavailable') throw new Error(`expected keychain-unavailable, got ${r.ok ? 'a result' : r.error.code}`);
      } finally {
        process.kill(pid, 'SIGCONT');
      }
      times.push(ms);
      // The hung call holds a libuv thread until the daemon answers; let it finish.
      await keychain.idle();
    } finally {
      await ipc.close();
    }
  }
  const a = median(times);
  return {
    id: '5',
    metric: 'Hung keychain → typed error',
    unit: 'ms',
    app: a,
    baseline: null,
    ratio: null,
    budget: '≤ 3 s',
    limits: [{ what: 'time (ms)', value: Math.max(...times), max: BUDGET_MS, noisy: true }],
    runs,
    note: `gnome-keyring stopped with SIGSTOP; median of ${runs}, slowest ${Math.max(...times).toFixed(0)} ms (the budget applies to the slowest).`,
    skipped: false,
  };
}

function skipped(note: string): Row {
  return { id: '5', metric: 'Hung keychain → typed error', unit: 'ms', app: null, baseline: null, ratio: null, budget: '≤ 3 s', limits: [], runs: 0, note, skipped: true };
}
