import { describe, expect, it } from 'vitest';
import { createPush } from '../../main/ipc/push';
import { createSenderCheck } from '../../main/ipc/sender-check';
import { createUpdateJournal } from '../../main/profile/update-journal';
import type { UpdatePlan } from '../../main/profile/profile-service';

const plan: UpdatePlan = {
  userName: 'a.b',
  before: { userName: 'a.b', fullName: 'A B', emailId: 'a@b.in', phoneNumber: '9876543210' },
  after: { userName: 'a.b', fullName: 'A C', emailId: 'a@b.in', phoneNumber: '9876543210' },
  changed: ['fullName'],
  face: false,
};

describe('sender check', () => {
  it('follows the current kiosk window and refuses when there is none', () => {
    let id: number | null = 3;
    const check = createSenderCheck({ kioskWebContentsId: () => id, appOrigin: 'kiosk://app' });
    const ok = { webContentsId: 3, isMainFrame: true, frameUrl: 'kiosk://app/index.html' };
    expect(check(ok)).toBe(true);
    id = 4;
    expect(check(ok)).toBe(false);
    id = null;
    expect(check(ok)).toBe(false);
  });
});

describe('push', () => {
  it('sends typed events to a live window only', () => {
    const sent: unknown[] = [];
    let destroyed = false;
    const push = createPush(() => ({ isDestroyed: () => destroyed, send: (c, p) => void sent.push([c, p]) }));
    expect(push('session:expired', { reason: 'expired' })).toBe(true);
    destroyed = true;
    expect(push('session:expired', { reason: 'expired' })).toBe(false);
    expect(createPush(() => null)('session:expired', { reason: 'expired' })).toBe(false);
    expect(sent).toEqual([['session:expired', { reason: 'expired' }]]);
  });
});

describe('update journal', () => {
  it('refuses an id twice, even after it failed', () => {
    const j = createUpdateJournal();
    j.begin('id-1', plan, { staffId: 'demo.operator' });
    j.settle('id-1', 'failed');
    expect(() => j.begin('id-1', plan, { staffId: 'demo.operator' })).toThrow(/already submitted/);
  });

  it('keeps the re-enrollment link and forgets everything on clear', () => {
    const j = createUpdateJournal();
    j.begin('id-1', plan, { staffId: 'demo.operator' });
    j.settle('id-1', 'applied', 'https://vendor.example/enroll/x');
    expect(j.get('id-1')).toMatchObject({ state: 'applied', reEnrollmentUrl: 'https://vendor.example/enroll/x' });
    j.clear();
    expect(j.get('id-1')).toBeUndefined();
    expect(j.size()).toBe(0);
  });

  it('stays bounded: settled entries make room, oldest first, and their ids stay used', () => {
    const j = createUpdateJournal({ capacity: 3 });
    j.begin('sending', plan, { staffId: 'demo.operator' });
    j.begin('old', plan, { staffId: 'demo.operator' });
    j.settle('old', 'applied');
    j.begin('newer', plan, { staffId: 'demo.operator' });
    j.settle('newer', 'failed');
    j.begin('newest', plan, { staffId: 'demo.operator' });
    expect(j.size()).toBe(3);
    expect(j.get('sending')?.state).toBe('sending');
    expect(j.get('old')).toBeUndefined();
    expect(j.isUsed('old')).toBe(true);
    expect(() => j.begin('old', plan, { staffId: 'demo.operator' })).toThrow(/already submitted/);
    expect(j.get('newer')?.state).toBe('failed');
  });

  it('never forgets an update still being sent or with an unknown outcome; refuses more instead', () => {
    const j = createUpdateJournal({ capacity: 2 });
    j.begin('a', plan, { staffId: 'demo.operator' });
    j.begin('b', plan, { staffId: 'demo.operator' });
    j.settle('b', 'unknown');
    expect(() => j.begin('c', plan, { staffId: 'demo.operator' })).toThrow(/Too many updates are still waiting/);
    expect(j.get('a')?.state).toBe('sending');
    expect(j.get('b')?.state).toBe('unknown');
    expect(j.isUsed('c')).toBe(false);
  });

  it('remembers a bounded number of used ids', () => {
    const j = createUpdateJournal({ capacity: 2, maxIds: 3 });
    for (const id of ['1', '2', '3', '4']) {
      j.begin(id, plan, { staffId: 'demo.operator' });
      j.settle(id, 'applied');
    }
    expect(j.isUsed('1')).toBe(false);
    expect(j.isUsed('4')).toBe(true);
  });
});
