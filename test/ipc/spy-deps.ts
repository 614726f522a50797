import type { StaffSession } from '../../main/staff/staff-session';
import type { HandlerDeps } from '../../main/ipc/handlers';
import type { InvokeChannel } from '../../domain/ipc/channels';
import { createUpdateJournal } from '../../main/profile/update-journal';
import { createUpdateWorkflow } from '../../main/core/workflows/update-workflow';
import type { AuditRecorder } from '../../main/audit/plan-recorder';
import { acceptEnrollmentUrl } from '../../main/security/enrollment-policy';
import type { ProfileService } from '../../main/profile/profile-service';
import type { SessionService } from '../../main/session/session-service';
import { silentLogger } from '../../main/log/logger';

const RECORD = { userName: 'ravi.kumar', fullName: 'Ravi Kumar', emailId: 'ravi@example.com', phoneNumber: '9876543210' };

/** Handler deps whose services only record calls and answer with canned values. */
export function spyDeps(): { deps: HandlerDeps; calls: string[] } {
  const calls: string[] = [];
  const session: SessionService = {
    signIn: async () => void calls.push('session.signIn'),
    signOut: async () => (calls.push('session.signOut'), { revoked: true }),
    state: async () => (calls.push('session.state'), { signedIn: true }),
    withToken: async () => {
      calls.push('session.withToken');
      throw new Error('not used');
    },
    onExpired: () => () => undefined,
    onSignedIn: () => () => undefined,
  };
  const plan = { userName: RECORD.userName, before: RECORD, after: { ...RECORD, emailId: 'new@example.com' }, changed: ['emailId' as const], face: false };
  const profile: ProfileService = {
    lookup: async () => (calls.push('profile.lookup'), { ...RECORD, countryCode: '+91', enrollmentUrl: '', status: '200 OK' }),
    isUserNameAvailable: async () => (calls.push('profile.isUserNameAvailable'), true),
    plan: async () => (calls.push('profile.plan'), plan),
    update: async (p) => (calls.push('profile.update'), { message: 'ok', reEnrollmentUrl: null, plan: p }),
    reconcile: async () => (calls.push('profile.reconcile'), 'applied'),
  };
  const journal = createUpdateJournal();
  const forget = journal.forgetValues;
  journal.forgetValues = (olderThan) => {
    calls.push('journal.forgetValues');
    forget(olderThan);
  };
  const audit: AuditRecorder = {
    record: async () => (calls.push('audit.record'), true),
    staff: async () => (calls.push('audit.staff'), true),
  };
  const enrollment: HandlerDeps['enrollment'] = {
    checkCamera: async () => (calls.push('enrollment.checkCamera'), 'ready'),
    start: async () => (calls.push('enrollment.start'), { timeoutSeconds: 300 }),
    cancel: () => void calls.push('enrollment.cancel'),
    abort: async () => void calls.push('enrollment.abort'),
    facePending: () => false,
  };
  const member = { staffId: 'demo.supervisor', name: 'Demo Supervisor', role: 'supervisor' as const };
  const staff: StaffSession = {
    unlock: async () => (calls.push('staff.unlock'), { outcome: 'unlocked', staff: member }),
    verify: async () => (calls.push('staff.verify'), { outcome: 'unlocked', staff: member }),
    lock: () => void calls.push('staff.lock'),
    current: () => (calls.push('staff.current'), member),
    touch: () => void calls.push('staff.touch'),
    require: () => member,
    lockedUntil: async () => null,
    clearLockout: async () => undefined,
  };
  const deps: HandlerDeps = {
    session,
    staff,
    demoStaff: async () => true,
    audit,
    approvals: { mint: () => (calls.push('approvals.mint'), { approvalId: '3f2c1a9e-8d4b-4c6a-9e2f-1b7d5a3c9e09', expiresInSeconds: 120 }) },
    profile,
    // The real workflow over the spies, as the core builds it.
    updates: createUpdateWorkflow({
      profile,
      journal,
      audit,
      markFacePending: () => void calls.push('enrollment.markFacePending'),
      approvals: { required: [], store: { take: () => ({ refused: 'missing' }) } },
      enrollmentOrigin: (url) => acceptEnrollmentUrl(url, ['http://127.0.0.1:4000']),
    }),
    journal,
    enrollment,
    logger: silentLogger,
    config: { locale: 'en', kioskId: 'k1', customerName: 'demo-bank', defaultCountry: 'IN', idleTimeoutSeconds: 120, staffLockSeconds: 300, approvalRequired: ['emailId', 'phoneNumber', 'face'], staffDirectory: { kind: 'local' } },
    backend: 'sandbox',
    version: '1.2.3',
    restart: { allowed: () => true, run: () => void calls.push('restart') },
  };
  return { deps, calls };
}

/** One valid request per channel. */
export const VALID: Record<InvokeChannel, Record<string, unknown>> = {
  'session:sign-in': { password: 'sandbox-demo-pass' },
  'session:sign-out': {},
  'session:state': {},
  'profile:lookup': { userName: 'ravi.kumar' },
  'profile:check-user-name': { userName: 'new.name' },
  'profile:update': {
    updateId: '3f2c1a9e-8d4b-4c6a-9e2f-1b7d5a3c9e01',
    userName: 'ravi.kumar',
    changes: { emailId: 'new@example.com' },
    face: false,
    idCheck: 'pan',
  },
  'profile:reconcile': { updateId: '3f2c1a9e-8d4b-4c6a-9e2f-1b7d5a3c9e02' },
  'enrollment:camera-check': {},
  'enrollment:start': { updateId: '3f2c1a9e-8d4b-4c6a-9e2f-1b7d5a3c9e03' },
  'enrollment:cancel': { reason: 'staff-cancel' },
  'kiosk:info': {},
  'kiosk:restart': {},
  'profile:forget': {},
  'approval:request': { userName: 'ravi.kumar', changes: { emailId: 'new@example.com' }, face: false, supervisorId: 'demo.supervisor2', secret: '135790' },
  'staff:state': {},
  'staff:unlock': { staffId: 'demo.operator', secret: '246810' },
  'staff:lock': {},
  'staff:activity': {},
};
