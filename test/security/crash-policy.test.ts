import { describe, expect, it } from 'vitest';
import { decideCrashAction, decideGpuAction, type RenderGoneReason } from '../../main/security/crash-policy';

const MIN = 60_000;
const NOW = 10 * 60 * MIN;
const crashes: RenderGoneReason[] = ['abnormal-exit', 'killed', 'crashed', 'oom', 'launch-failed', 'memory-eviction'];

describe('decideCrashAction', () => {
  it('ignores a clean exit and does not count it', () => {
    expect(decideCrashAction({ kind: 'gone', reason: 'clean-exit' }, [NOW - MIN], NOW)).toEqual({ action: 'ignore', history: [NOW - MIN] });
  });

  it.each(crashes)('reloads after a %s with no recent history', (reason) => {
    expect(decideCrashAction({ kind: 'gone', reason }, [], NOW)).toEqual({ action: 'reload', history: [NOW] });
  });

  it.each([
    [[], 'reload'],
    [[NOW - 1 * MIN], 'reload'],
    [[NOW - 2 * MIN, NOW - 1 * MIN], 'reload'],
    [[NOW - 3 * MIN, NOW - 2 * MIN, NOW - 1 * MIN], 'fallback'],
    [[NOW - 6 * MIN, NOW - 5 * MIN - 1, NOW - 1 * MIN], 'reload'],
    [[NOW - 4 * MIN - 59_999, NOW - 2 * MIN, NOW - 1 * MIN], 'fallback'],
    [[NOW - 5 * MIN, NOW - 2 * MIN, NOW - 1 * MIN], 'reload'],
  ] as const)('with earlier crashes at %j: %s', (history, action) => {
    expect(decideCrashAction({ kind: 'gone', reason: 'crashed' }, history, NOW).action).toBe(action);
  });

  it('drops crashes older than the window from the history it returns', () => {
    expect(decideCrashAction({ kind: 'gone', reason: 'crashed' }, [NOW - 20 * MIN, NOW - MIN], NOW).history).toEqual([NOW - MIN, NOW]);
  });

  it('ignores timestamps from the future (clock changes)', () => {
    expect(decideCrashAction({ kind: 'gone', reason: 'crashed' }, [NOW + MIN, NOW + 2 * MIN, NOW + 3 * MIN], NOW).action).toBe('reload');
  });

  it('shows the fallback at once on an integrity failure', () => {
    expect(decideCrashAction({ kind: 'gone', reason: 'integrity-failure' }, [], NOW).action).toBe('fallback');
  });

  it('watches an unresponsive page first, kills it if it stays hung', () => {
    expect(decideCrashAction({ kind: 'unresponsive' }, [], NOW)).toEqual({ action: 'watch', history: [] });
    expect(decideCrashAction({ kind: 'still-unresponsive' }, [NOW - MIN], NOW)).toEqual({ action: 'kill', history: [NOW - MIN] });
  });

  it('keeps the fallback once it is up, however long ago the crashes were', () => {
    expect(decideCrashAction({ kind: 'gone', reason: 'crashed' }, [], NOW, undefined, true).action).toBe('fallback');
    expect(decideCrashAction({ kind: 'gone', reason: 'clean-exit' }, [], NOW, undefined, true).action).toBe('ignore');
  });

  it('keeps showing the fallback while crashes keep coming', () => {
    let history: number[] = [];
    const actions: string[] = [];
    for (let i = 0; i < 6; i++) {
      const d = decideCrashAction({ kind: 'gone', reason: 'crashed' }, history, NOW + i * 1000);
      history = d.history;
      actions.push(d.action);
    }
    expect(actions).toEqual(['reload', 'reload', 'reload', 'fallback', 'fallback', 'fallback']);
  });

  it('backs the fallback off, 1 s doubling to 60 s, then the out-of-order page, then nothing', () => {
    const after = (fallbackLoads: number, outOfOrder = false) => decideCrashAction({ kind: 'gone', reason: 'crashed' }, [], NOW, undefined, { fallbackLoads, outOfOrder });
    expect([1, 2, 3, 4, 5].map((n) => after(n).delayMs)).toEqual([1000, 2000, 4000, 8000, 16000]);
    expect(decideCrashAction({ kind: 'gone', reason: 'crashed' }, [], NOW, { maxCrashes: 3, windowMs: MIN, maxFallbackLoads: 20 }, { fallbackLoads: 9, outOfOrder: false }).delayMs).toBe(60_000);
    expect(after(7).delayMs).toBe(60_000);
    expect(after(8).action).toBe('out-of-order');
    expect(after(8, true).action).toBe('ignore');
    expect(after(0).delayMs).toBeUndefined();
  });

  it('restarts without the GPU after more than 3 GPU deaths in 5 minutes, once', () => {
    expect(decideGpuAction([NOW - 3 * MIN, NOW - 2 * MIN], NOW, false).action).toBe('ignore');
    expect(decideGpuAction([NOW - 3 * MIN, NOW - 2 * MIN, NOW - MIN], NOW, false)).toEqual({ action: 'restart-without-gpu', history: [NOW - 3 * MIN, NOW - 2 * MIN, NOW - MIN, NOW] });
    expect(decideGpuAction([NOW - 6 * MIN, NOW - 2 * MIN, NOW - MIN], NOW, false).action).toBe('ignore');
    expect(decideGpuAction([NOW - 3 * MIN, NOW - 2 * MIN, NOW - MIN], NOW, true).action).toBe('ignore');
  });
});
