import { describe, expect, it } from 'vitest';
import { backoffDelay, isRetryable, withRetry } from '../../main/deepfaceauth/retry';
import { KioskError } from '../../main/shared/kiosk-error';

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
