import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { attachCrashRecovery, type CrashSource } from '../../main/windows/crash-recovery';
import { captureLogger } from '../helpers/capture-logger';

function setup() {
  const contents = new EventEmitter();
  const calls: string[] = [];
  let now = 1_000_000;
  const timers: { fn: () => void; ms: number; cleared: boolean }[] = [];
  const cap = captureLogger();
  const recovery = attachCrashRecovery(contents as unknown as CrashSource, {
    abortCustomerSession: () => calls.push('abort'),
    reload: () => calls.push('reload'),
    showFallback: () => calls.push('fallback'),
    showOutOfOrder: () => calls.push('out-of-order'),
    kill: () => calls.push('kill'),
    logger: cap.logger,
    now: () => now,
    unresponsiveGraceMs: 15_000,
    setTimer: (fn, ms) => {
      const t = { fn, ms, cleared: false };
      timers.push(t);
      return t;
    },
    clearTimer: (h) => void ((h as { cleared: boolean }).cleared = true),
  });
  const gone = (reason: string) => contents.emit('render-process-gone', {}, { reason, exitCode: 1 });
  return { contents, calls, recovery, timers, gone, advance: (ms: number) => void (now += ms), cap };
}

describe('crash recovery', () => {
  it('aborts the customer session, then reloads, on a crash', () => {
    const s = setup();
    s.gone('crashed');
    expect(s.calls).toEqual(['abort', 'reload']);
    expect(s.recovery.fallbackShown()).toBe(false);
  });

  it('does nothing on a clean exit', () => {
    const s = setup();
    s.gone('clean-exit');
    expect(s.calls).toEqual([]);
  });

  it('shows the fallback screen on the 4th crash within 5 minutes, not a reload loop', () => {
    const s = setup();
    for (let i = 0; i < 4; i++) {
      s.gone('crashed');
      s.advance(60_000);
    }
    expect(s.calls).toEqual(['abort', 'reload', 'abort', 'reload', 'abort', 'reload', 'abort', 'fallback']);
    expect(s.recovery.fallbackShown()).toBe(true);
    expect(s.cap.text()).toContain('showing the fallback screen');
  });

  it('keeps the fallback screen after it appeared, even when the next crash comes much later', () => {
    const s = setup();
    for (let i = 0; i < 4; i++) s.gone('crashed');
    s.advance(60 * 60_000);
    s.gone('crashed');
    // Never a reload: the fallback again, after its back-off (this used to load at once).
    expect(s.calls.at(-1)).toBe('abort');
    expect(s.timers.at(-1)!.ms).toBe(1000);
    s.timers.at(-1)!.fn();
    expect(s.calls.slice(-2)).toEqual(['abort', 'fallback']);
    expect(s.calls.filter((c) => c === 'reload')).toHaveLength(3);
  });

  it('drops a pending hang timer when the renderer goes away', () => {
    const s = setup();
    s.contents.emit('unresponsive');
    s.gone('clean-exit');
    expect(s.timers[0]!.cleared).toBe(true);
  });

  it('keeps reloading when crashes are spread out', () => {
    const s = setup();
    for (let i = 0; i < 6; i++) {
      s.gone('oom');
      s.advance(2 * 60_000);
    }
    expect(s.calls.filter((c) => c === 'reload')).toHaveLength(6);
    expect(s.recovery.fallbackShown()).toBe(false);
  });

  it('gives a hung page a grace period, then kills it; a crash that follows reloads', () => {
    const s = setup();
    s.contents.emit('unresponsive');
    s.contents.emit('unresponsive');
    expect(s.timers).toHaveLength(1);
    expect(s.timers[0]!.ms).toBe(15_000);
    s.timers[0]!.fn();
    expect(s.calls).toEqual(['kill']);
    s.gone('killed');
    expect(s.calls).toEqual(['kill', 'abort', 'reload']);
  });

  it('forgets a hang when the page answers again', () => {
    const s = setup();
    s.contents.emit('unresponsive');
    s.contents.emit('responsive');
    expect(s.timers[0]!.cleared).toBe(true);
    expect(s.calls).toEqual([]);
  });

  it('still reloads when aborting the customer session fails', () => {
    const contents = new EventEmitter();
    const calls: string[] = [];
    attachCrashRecovery(contents as unknown as CrashSource, {
      abortCustomerSession: () => {
        throw new Error('boom');
      },
      reload: () => calls.push('reload'),
      showFallback: () => calls.push('fallback'),
      showOutOfOrder: () => calls.push('out-of-order'),
      kill: () => calls.push('kill'),
      logger: captureLogger().logger,
    });
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(calls).toEqual(['reload']);
  });

  it('never loops: a fallback that keeps crashing is loaded again after 1 s doubling to 60 s, then the out-of-order page stays', () => {
    const s = setup();
    for (let i = 0; i < 4; i++) s.gone('crashed');
    expect(s.calls.filter((c) => c !== 'abort')).toEqual(['reload', 'reload', 'reload', 'fallback']);
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      s.calls.length = 0;
      s.gone('crashed');
      // Crashes while a load waits add no second one.
      s.gone('crashed');
      const t = s.timers.at(-1)!;
      delays.push(t.ms);
      expect(s.calls).not.toContain('fallback');
      t.fn();
      expect(s.calls.at(-1)).toBe('fallback');
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000]);
    s.calls.length = 0;
    s.gone('crashed');
    expect(s.calls).toEqual(['out-of-order']);
    // The end: nothing is loaded again, however often the renderer dies.
    for (let i = 0; i < 10; i++) s.gone('crashed');
    expect(s.calls).toEqual(['out-of-order']);
    expect(s.cap.text()).toContain('showing the out-of-order page');
  });
});
