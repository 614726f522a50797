import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createAuditLog, type AuditLog } from '../../main/audit/audit-log';
import { createHttpTransport, type TransportRequest } from '../../main/deepfaceauth/http-transport';
import type { Logger } from '../../main/log/logger';
import { DEMO_CUSTOMER } from '../../domain/demo-account';
import { createIpcHarness } from '../../test/helpers/ipc-harness';
import type { BenchContext } from '../lib/context';
import type { Row } from '../lib/report';
import { interleaved, percentile, since } from '../lib/stats';

const NAMES = ['Ravi Kumar Odd', 'Ravi Kumar Even'] as const;

/** Why the budget is not met (README, Performance). */
const KNOWN_BREACH = 'the checks on each request and answer cost more than 15 % of a local round trip; CI holds the ratio at 2.5×';

interface Timings {
  handler: number[];
  bare: number[];
}

interface Measured extends Timings {
  /** The same after `calls.more` further unmeasured updates, when asked for. */
  later: Timings | null;
}

interface Calls {
  /** Updates per side in the measured run. */
  measured: number;
  /** Further unmeasured updates per side, then `measured` more (row 3c); 0: none. */
  more: number;
}

/**
 * `calls.measured` updates through the real `profile:update` handler (payload guard, schema,
 * update journal, profile service, client, retry rules, response checks, audit line),
 * interleaved with the same vendor requests sent bare over the same HTTP transport to the
 * same server. An update is two vendor calls by design (the record is read first, for the diff and
 * because the vendor's update takes all four fields), so the bare side replays both.
 */
async function measure(logger: Logger, calls: Calls, audit: AuditLog): Promise<Measured> {
  const ipc = await createIpcHarness(logger, { audit });
  try {
    const signedIn = await ipc.invoke('session:sign-in', { password: DEMO_CUSTOMER.password });
    if (!signedIn.ok) throw new Error(`sign-in failed: ${signedIn.error.message}`);
    ipc.sent.splice(0);
    // Always a real change: the other name than the record holds now (the bare side changes it too).
    const nextName = () => (ipc.sandbox.state.details('ravi.kumar').fullName === NAMES[0] ? NAMES[1] : NAMES[0]);
    let lastSent: TransportRequest[] = [];
    const viaHandler = async (): Promise<number> => {
      const request = { updateId: randomUUID(), userName: 'ravi.kumar', changes: { fullName: nextName() }, face: false, idCheck: 'aadhaar' };
      const start = performance.now();
      const r = await ipc.invoke('profile:update', request);
      const ms = since(start);
      if (!r.ok) throw new Error(`update failed: ${r.error.message}`);
      // The test harness keeps every request it sends; the kiosk keeps none. They are taken
      // out of its list after each update, outside the timing, so that thousands of kept
      // requests do not slow the app side's garbage collection.
      lastSent = ipc.sent.splice(0);
      return ms;
    };
    // The exact requests one handler call sends, recorded from a warm-up call per name.
    const recorded: TransportRequest[][] = [];
    for (let k = 0; k < NAMES.length; k++) {
      await viaHandler();
      recorded.push(lastSent);
    }
    if (recorded.some((r) => r.length !== 2)) throw new Error(`expected 2 vendor calls per update, saw ${recorded.map((r) => r.length).join(', ')}`);
    const bare = createHttpTransport();
    let j = 0;
    const viaBareTransport = async (): Promise<number> => {
      const requests = recorded[j++ % 2]!;
      const start = performance.now();
      for (const request of requests) {
        const out = await bare(request);
        if (out.kind !== 'response' || out.status !== 200) throw new Error(`bare request failed: ${out.kind}`);
      }
      return since(start);
    };
    const r = await interleaved(calls.measured, viaHandler, viaBareTransport);
    let later: Timings | null = null;
    if (calls.more > 0) {
      await interleaved(calls.more, viaHandler, viaBareTransport);
      const l = await interleaved(calls.measured, viaHandler, viaBareTransport);
      later = { handler: l.a, bare: l.b };
    }
    return { handler: r.a, bare: r.b, later };
  } finally {
    await ipc.close();
  }
}

/**
 * Row 3c runs updates 2,001–3,000 of the same sequence. On the build machine the p50 ratio of
 * successive windows of 500 interleaved updates went 1.29–1.31, 1.36–1.37, 1.30–1.34, then
 * 1.19–1.30 from about the 2,000th on: the kiosk's side has far more code for V8 to optimise
 * than a bare request. Row 3, the budgeted one, is the first 1,000, as a kiosk that has just
 * started (and in a day at a branch it does tens of updates, not thousands).
 */
const MORE_FOR_3C = 1000;

const p50 = (xs: number[]) => percentile(xs, 50);
const ratio = (m: Timings) => p50(m.handler) / p50(m.bare);

/**
 * Row 3: API client overhead, p50 of `profile:update` through the real handler vs the same
 * requests sent bare, with the audit line replaced by a no-op: what the IPC layer, the
 * client and its checks cost. Row 3c: the same later in the run, once V8 has optimised both
 * sides (reported). Row 3b: the same with the audit line written and fsynced to
 * disk as the kiosk does (and, in its note, to a RAM-backed folder), which is the price of
 * a durable audit trail rather than of the client; it is reported, not budgeted.
 */
export async function apiOverhead(ctx: BenchContext): Promise<Row[]> {
  const calls: Calls = ctx.quick ? { measured: 200, more: 200 } : { measured: 1000, more: MORE_FOR_3C };
  const once: Calls = { measured: calls.measured, more: 0 };
  const scratch = (base: string) => join(mkdtempSync(join(base, 'bench-audit-')), 'audit.jsonl');
  const noAudit = await measure(ctx.logger, calls, { file: 'none', append: async () => undefined, tail: async () => ({ entries: [], skipped: 0 }), close: async () => undefined });
  const diskFile = scratch(tmpdir());
  let onDisk: Measured;
  try {
    onDisk = await measure(ctx.logger, once, createAuditLog({ file: diskFile, kioskId: 'bench' }));
  } finally {
    rmSync(dirname(diskFile), { recursive: true, force: true });
  }
  const ramBase = process.platform === 'linux' ? '/dev/shm' : tmpdir();
  const ramFile = scratch(ramBase);
  let inRam: Measured;
  try {
    inRam = await measure(ctx.logger, once, createAuditLog({ file: ramFile, kioskId: 'bench' }));
  } finally {
    rmSync(dirname(ramFile), { recursive: true, force: true });
  }
  const a = p50(noAudit.handler);
  const b = p50(noAudit.bare);
  const d = p50(onDisk.handler);
  const db = p50(onDisk.bare);
  return [
    {
      id: '3',
      metric: 'API client overhead, profile:update p50',
      unit: 'ms',
      app: a,
      baseline: b,
      ratio: a / b,
      budget: 'p50 ratio ≤ 1.15',
      limits: [{ what: 'p50 ratio', value: a / b, max: 1.15, noisy: true, ciWaiver: { max: 2.5, reason: KNOWN_BREACH } }],
      runs: calls.measured,
      note:
        `${calls.measured} sequential updates each side from a fresh harness, interleaved, cached token, schema validation on, audit line a no-op (see 3b); each update is 2 vendor calls (read, update) and the bare side replays the same 2 requests. ` +
        `Overhead ${(a - b).toFixed(3)} ms per update; p95 ${percentile(noAudit.handler, 95).toFixed(2)} vs ${percentile(noAudit.bare, 95).toFixed(2)} ms.`,
      skipped: false,
    },
    {
      id: '3b',
      metric: '… with the audit line fsynced to disk',
      unit: 'ms',
      app: d,
      baseline: db,
      ratio: d / db,
      budget: 'reported',
      limits: [],
      runs: calls.measured,
      note: `As the kiosk runs: every update appends and fsyncs one audit line before it answers. With the audit folder on RAM (${ramBase}): ${ratio(inRam).toFixed(2)}×, so most of the difference is the disk's fsync.`,
      skipped: false,
    },
    ...(noAudit.later
      ? [
          {
            id: '3c',
            metric: '… later in the same run (V8 warmed up)',
            unit: 'ms',
            app: p50(noAudit.later.handler),
            baseline: p50(noAudit.later.bare),
            ratio: ratio(noAudit.later),
            budget: 'reported',
            limits: [],
            runs: calls.measured,
            note: `Updates ${calls.measured + calls.more + 1}–${2 * calls.measured + calls.more} of the same sequence as row 3 (after ${calls.more} more, unmeasured): the steady state of a kiosk that has run many updates. Overhead ${(p50(noAudit.later.handler) - p50(noAudit.later.bare)).toFixed(3)} ms per update.`,
            skipped: false,
          },
        ]
      : []),
  ];
}
