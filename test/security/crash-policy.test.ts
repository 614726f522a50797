import { describe, expect, it } from 'vitest';
import { decideCrashAction, type RenderGoneReason } from '../../main/security/crash-policy';

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
});
