import { describe, expect, it } from 'vitest';
import { createPartitionPool, type PoolSession } from '../../main/enrollment/partition-pool';
import { captureLogger } from '../helpers/capture-logger';

/** A partition that remembers what a customer left and forgets it when cleared (or does not). */
function fakeSession(name: string, log: string[], opts: { stubborn?: boolean; failCheck?: boolean } = {}) {
  let cookies = 0;
  const step = (what: string) => async () => {
    log.push(`${name}:${what}`);
    if (what === 'clear-storage' && !opts.stubborn) cookies = 0;
  };
  const session: PoolSession & { use(): void } = {
    closeAllConnections: step('close-connections'),
    clearStorageData: step('clear-storage'),
    clearCache: step('clear-cache'),
    clearAuthCache: step('clear-auth-cache'),
    clearHostResolverCache: step('clear-host-cache'),
    async leftovers() {
      if (opts.failCheck) throw new Error('cannot tell');
      return cookies > 0 ? ['cookies'] : [];
    },
    use: () => void (cookies += 1),
  };
  return session;
}

function pool(size: number, opts: Record<string, { stubborn?: boolean; failCheck?: boolean }> = {}) {
  const log: string[] = [];
  const opened: string[] = [];
  const sessions = new Map<string, ReturnType<typeof fakeSession>>();
  const cap = captureLogger();
  const p = createPartitionPool({
    prefix: 'enroll',
    size,
    logger: cap.logger,
    open: (partition) => {
      opened.push(partition);
      const s = fakeSession(partition, log, opts[partition]);
      sessions.set(partition, s);
      return s;
    },
  });
  return { p, log, opened, sessions, cap };
}

const window = () => {
  let destroyed = false;
  return { isDestroyed: () => destroyed, destroy: () => void (destroyed = true), destroyed: () => destroyed };
};

describe('camera partition pool', () => {
  it('reuses a bounded set of partitions: each opened once, wiped on release, handed out again', async () => {
    const t = pool(2);
    const names: string[] = [];
    for (let i = 0; i < 5; i++) {
      const lease = await t.p.acquire();
      names.push(lease.partition);
      lease.session.use();
      const w = window();
      expect(await lease.release(w)).toEqual({ ok: true });
      expect(w.destroyed()).toBe(true);
    }
    expect(new Set(names)).toEqual(new Set(['enroll-0']));
    expect(t.opened).toEqual(['enroll-0']);
    expect(t.log.filter((l) => l.endsWith('clear-host-cache'))).toHaveLength(5);
    expect(t.p.free()).toBe(2);
  });

  it('hands out the other partition while one is in use, and refuses a third at once', async () => {
    const t = pool(2);
    const a = await t.p.acquire();
    const b = await t.p.acquire();
    expect([a.partition, b.partition]).toEqual(['enroll-0', 'enroll-1']);
    await expect(t.p.acquire()).rejects.toMatchObject({ code: 'internal', message: expect.stringMatching(/still being cleared/) });
    await a.release(null);
    expect((await t.p.acquire()).partition).toBe('enroll-0');
  });

  it('release is idempotent: one wipe, one answer', async () => {
    const t = pool(1);
    const lease = await t.p.acquire();
    const [x, y] = await Promise.all([lease.release(null), lease.release(null)]);
    expect(x).toEqual({ ok: true });
    expect(y).toBe(x);
    expect(t.log.filter((l) => l.endsWith('clear-storage'))).toHaveLength(1);
  });

  it('retires a partition that is not empty after its wipe, and never hands it out again', async () => {
    const t = pool(2, { 'enroll-0': { stubborn: true } });
    const lease = await t.p.acquire();
    t.sessions.get('enroll-0')!.use();
    expect(await lease.release(null)).toEqual({ ok: false });
    expect(t.cap.text()).toContain('camera partition could not be emptied');
    expect(t.cap.text()).toContain('enroll-0');
    for (let i = 0; i < 3; i++) {
      const next = await t.p.acquire();
      expect(next.partition).toBe('enroll-1');
      await next.release(null);
    }
    expect(t.p.free()).toBe(1);
  });

  it('checks a partition empty before handing it out: leftovers are wiped first', async () => {
    const t = pool(1);
    const first = await t.p.acquire();
    await first.release(null);
    // Something wrote into the partition after its wipe (a late request).
    t.sessions.get('enroll-0')!.use();
    t.log.length = 0;
    const again = await t.p.acquire();
    expect(again.partition).toBe('enroll-0');
    expect(t.log).toContain('enroll-0:clear-storage');
  });

  it('refuses to open a camera window when no partition can be emptied, in words staff can act on', async () => {
    const t = pool(2, { 'enroll-0': { failCheck: true }, 'enroll-1': { failCheck: true } });
    await expect(t.p.acquire()).rejects.toMatchObject({ code: 'internal', message: expect.stringMatching(/could not be cleared\. Restart the kiosk/) });
    expect(t.p.free()).toBe(0);
  });

  it('refuses a size that is not a positive whole number', () => {
    expect(() => createPartitionPool({ prefix: 'x', size: 0, logger: captureLogger().logger, open: () => fakeSession('x', []) })).toThrow(RangeError);
  });
});
