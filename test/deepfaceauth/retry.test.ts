import { describe, expect, it } from 'vitest';
import { backoffDelay, isRetryable, withRetry } from '../../main/deepfaceauth/retry';
import { KioskError } from '../../domain/kiosk-error';

describe('retry policy', () => {
  it('jitters each delay within [ceiling/2, ceiling] and caps it', () => {
    const p = { baseDelayMs: 300, maxDelayMs: 2000 };
    expect(backoffDelay(0, { ...p, random: () => 0 })).toBe(150);
    expect(backoffDelay(0, { ...p, random: () => 1 })).toBe(300);
    expect(backoffDelay(1, { ...p, random: () => 0.5 })).toBe(450);
    expect(backoffDelay(10, { ...p, random: () => 1 })).toBe(2000);
  });

  it.each([
    [new KioskError('network', ''), true],
    [new KioskError('server', '', { httpStatus: 502 }), true],
    [new KioskError('server', '', { httpStatus: 503 }), true],
    [new KioskError('server', '', { httpStatus: 504 }), true],
    [new KioskError('server', '', { httpStatus: 500 }), false],
    [new KioskError('timeout', ''), false],
    [new KioskError('rejected', ''), false],
    [new KioskError('unauthorized', ''), false],
    [new Error('x'), false],
  ])('retryable(%s) = %s', (err, expected) => {
    expect(isRetryable(err)).toBe(expected);
  });

  it('does not start a retry that would have less than the minimum time left', async () => {
    let calls = 0;
    let now = 0;
    const run = withRetry(
      async () => {
        calls++;
        now += 500;
        throw new KioskError('network', 'down');
      },
      { retries: 2, baseDelayMs: 100, maxDelayMs: 100, sleep: async (ms) => void (now += ms), random: () => 1, deadlineAt: 1500, minAttemptMs: 600, now: () => now },
    );
    await expect(run).rejects.toMatchObject({ code: 'network' });
    // 500 + 100 + 600 ≤ 1500: one retry; 1100 + 100 + 600 > 1500: no second one.
    expect(calls).toBe(2);
  });

  it('stops after the allowed number of retries', async () => {
    let calls = 0;
    const run = withRetry(
      async () => {
        calls++;
        throw new KioskError('network', 'down');
      },
      { retries: 2, baseDelayMs: 1, maxDelayMs: 1, sleep: async () => undefined, random: () => 0 },
    );
    await expect(run).rejects.toMatchObject({ code: 'network' });
    expect(calls).toBe(3);
  });
});
