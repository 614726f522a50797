import { describe, expect, it } from 'vitest';
import { createEnrollmentPoll, type EnrollmentOutcome } from '../../main/enrollment/enrollment-poll';
import { KioskError } from '../../domain/kiosk-error';

type Status = 'success' | 'failure' | 'draft';

/** A fake clock with timers, and a scripted status service that records when it was asked. */
function setup(script: (Status | Error)[], timeoutMs = 60_000) {
  let t = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  const asked: number[] = [];
  const ended: { outcome: EnrollmentOutcome; message: string }[] = [];
  const poll = createEnrollmentPoll({
    timeoutMs,
    now: () => t,
    setTimer: (fn, ms) => {
      const id = nextId++;
      timers.push({ at: t + ms, fn, id });
      return id;
    },
    clearTimer: (h) => void (timers = timers.filter((x) => x.id !== h)),
    checkStatus: async () => {
      asked.push(t);
      const next = script.length > 1 ? script.shift()! : script[0]!;
      if (next instanceof Error) throw next;
      return { status: next, message: next === 'failure' ? 'Face did not match' : '' };
    },
    onFinish: (outcome, message) => void ended.push({ outcome, message }),
  });
  async function advance(ms: number): Promise<void> {
    const end = t + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const due = timers[0];
      if (!due || due.at > end) break;
      timers.shift();
      t = due.at;
      due.fn();
      for (let i = 0; i < 5; i++) await Promise.resolve();
    }
    t = end;
  }
  return { poll, asked, ended, advance, pending: () => timers.length };
}

describe('enrollment status polling', () => {
  it('polls after 2 s, then every 3, 4.5, 5, 5… seconds until success', async () => {
    const s = setup(['draft', 'draft', 'draft', 'draft', 'success']);
    s.poll.start();
    await s.advance(30_000);
    expect(s.asked).toEqual([2000, 5000, 9500, 14_500, 19_500]);
    expect(s.ended).toEqual([{ outcome: 'success', message: '' }]);
    expect(s.pending()).toBe(0);
  });

  it('ends in failure with the vendor’s reason', async () => {
    const s = setup(['draft', 'failure']);
    s.poll.start();
    await s.advance(10_000);
    expect(s.ended).toEqual([{ outcome: 'failure', message: 'Face did not match' }]);
  });

  it('times out when the status stays draft, with one last check at the deadline', async () => {
    const s = setup(['draft'], 20_000);
    s.poll.start();
    await s.advance(60_000);
    expect(s.asked.at(-1)).toBe(20_000);
    expect(s.ended).toEqual([{ outcome: 'timed-out', message: '' }]);
  });

  it('a success seen at the deadline is a success', async () => {
    const s = setup(['draft', 'draft', 'draft', 'draft', 'draft', 'success'], 20_000);
    s.poll.start();
    await s.advance(60_000);
    expect(s.ended[0]?.outcome).toBe('success');
  });

  it('keeps polling through network errors until the deadline', async () => {
    const s = setup([new KioskError('network', 'down'), new KioskError('timeout', 'slow'), 'success']);
    s.poll.start();
    await s.advance(30_000);
    expect(s.ended).toEqual([{ outcome: 'success', message: '' }]);
  });

  it('ends at once when the session expired', async () => {
    const s = setup([new KioskError('session-expired', 'expired')]);
    s.poll.start();
    await s.advance(30_000);
    expect(s.ended).toEqual([{ outcome: 'session-expired', message: '' }]);
    expect(s.asked).toHaveLength(1);
  });

  it.each([
    ['cancelled', 'cancelled'],
    ['window-closed', 'cancelled'],
    ['window-crashed', 'window-crashed'],
    ['camera-error', 'camera-error'],
  ] as const)('a %s hint checks once more, then ends as %s', async (hint, outcome) => {
    const s = setup(['draft']);
    s.poll.start();
    await s.advance(3000);
    s.poll.hint(hint);
    await s.advance(0);
    expect(s.asked).toEqual([2000, 3000]);
    expect(s.ended).toEqual([{ outcome, message: '' }]);
    expect(s.pending()).toBe(0);
  });

  it('only the status decides success: a capture finished just before the window closed counts', async () => {
    const s = setup(['draft', 'success']);
    s.poll.start();
    await s.advance(2500);
    s.poll.hint('window-closed');
    await s.advance(0);
    expect(s.ended).toEqual([{ outcome: 'success', message: '' }]);
  });

  it('ends exactly once, whatever arrives later', async () => {
    const s = setup(['success']);
    s.poll.start();
    await s.advance(2000);
    s.poll.hint('cancelled');
    await s.advance(60_000);
    expect(s.ended).toHaveLength(1);
    expect(s.poll.finished()).toBe('success');
  });

  it('a hint during a status call checks once more: a capture that finished meanwhile still counts', async () => {
    let release: (v: { status: 'success' | 'failure' | 'draft'; message: string }) => void = () => undefined;
    const answers: ('draft' | 'success')[] = ['draft', 'success'];
    const ended: string[] = [];
    let timers: (() => void)[] = [];
    const poll = createEnrollmentPoll({
      timeoutMs: 60_000,
      now: () => 0,
      setTimer: (fn) => (timers.push(fn), timers.length),
      clearTimer: () => undefined,
      checkStatus: () => {
        const next = answers.shift() ?? 'draft';
        return next === 'draft' ? new Promise((r) => (release = r)) : Promise.resolve({ status: next, message: '' });
      },
      onFinish: (o) => void ended.push(o),
    });
    poll.start();
    const first = timers;
    timers = [];
    first[0]!();
    // The customer finished and the window closed while the first call was still out.
    poll.hint('window-closed');
    release({ status: 'draft', message: '' });
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(ended).toEqual(['success']);
  });
});
