import { createApprovals, approvalBinding } from '../../main/staff/approvals';
import type { ApprovalSubject } from '../../domain/staff/approval-rules';
import { describe, expect, it } from 'vitest';
import { KioskError } from '../../domain/kiosk-error';
import type { AuditOutcome } from '../../domain/outcomes';
import type { AuditRecorder, ChangeSubject } from '../../main/audit/plan-recorder';
import { createUpdateWorkflow } from '../../main/core/workflows/update-workflow';
import type { ProfileService, UpdatePlan } from '../../main/profile/profile-service';
import { createUpdateJournal } from '../../main/profile/update-journal';
import { acceptEnrollmentUrl } from '../../main/security/enrollment-policy';

const RECORD = { userName: 'ravi.kumar', fullName: 'Ravi Kumar', emailId: 'ravi@example.com', phoneNumber: '9876543210' };
const ID = '3f2c1a9e-8d4b-4c6a-9e2f-1b7d5a3c9e01';

function planFor(face: boolean): UpdatePlan {
  return { userName: RECORD.userName, before: RECORD, after: { ...RECORD, emailId: 'new@example.com' }, changed: ['emailId'], face };
}

/** The workflow over a scripted profile service and an audit recorder that keeps its lines. */
function setup(profile: Partial<Pick<ProfileService, 'plan' | 'update' | 'reconcile'>>, options: { auditWorks?: boolean; approvalRequired?: ApprovalSubject[]; now?: () => number } = {}) {
  const approvals = createApprovals(options.now);
  const lines: { what: ChangeSubject; outcome: AuditOutcome }[] = [];
  const audit: AuditRecorder = {
    record: async (what, outcome) => (lines.push({ what, outcome }), options.auditWorks ?? true),
    staff: async () => options.auditWorks ?? true,
  };
  const journal = createUpdateJournal();
  const facePending: string[] = [];
  const workflow = createUpdateWorkflow({
    profile: {
      plan: profile.plan ?? (async (_u, _c, face) => planFor(face)),
      update: profile.update ?? (async (plan) => ({ message: 'ok', reEnrollmentUrl: null, plan })),
      reconcile: profile.reconcile ?? (async () => 'applied'),
    },
    journal,
    audit,
    markFacePending: (u) => void facePending.push(u),
    approvals: { required: options.approvalRequired ?? [], store: approvals },
    enrollmentOrigin: (url) => acceptEnrollmentUrl(url, ['https://vendor.example']),
  });
  return { workflow, lines, journal, facePending, approvals };
}

const WHO = { staffId: 'demo.operator', idCheck: 'aadhaar' } as const;
const request = { updateId: ID, userName: RECORD.userName, changes: { emailId: 'new@example.com' }, face: false, who: WHO };

describe('the update workflow', () => {
  it('audits a refusal before the update call with the fields asked for, and sends nothing', async () => {
    const sent: UpdatePlan[] = [];
    const { workflow, lines, journal } = setup({
      plan: async () => {
        throw new KioskError('invalid-input', 'That user name is already taken. Choose another one.');
      },
      update: async (plan) => (sent.push(plan), { message: 'ok', reEnrollmentUrl: null, plan }),
    });
    await expect(workflow.submit({ ...request, changes: { userName: 'taken.name', emailId: undefined } })).rejects.toMatchObject({ code: 'invalid-input' });
    // Who asked is on the line too: the staff member and how they checked the customer.
    expect(lines).toEqual([{ what: { userNameBefore: 'ravi.kumar', userNameAfter: 'taken.name', changedFields: ['userName'], face: false, ...WHO }, outcome: 'rejected' }]);
    expect(sent).toEqual([]);
    expect(journal.isUsed(ID)).toBe(false);
  });

  it("refuses a value that breaks the rules before anything is read, and audits it", async () => {
    const read: string[] = [];
    const { workflow, lines } = setup({ plan: async (u, _c, face) => (read.push(u), planFor(face)) });
    await expect(workflow.submit({ ...request, changes: { emailId: 'not-an-email' } })).rejects.toMatchObject({ code: 'invalid-input' });
    // Before the record (and its dialling code) is read, what holds for any phone number.
    await expect(workflow.submit({ ...request, updateId: 'b'.repeat(8), changes: { phoneNumber: '12' } })).rejects.toMatchObject({
      code: 'invalid-input',
      message: 'Enter a valid phone number.',
    });
    expect(read).toEqual([]);
    expect(lines.map((l) => [l.what.changedFields, l.outcome])).toEqual([
      [['emailId'], 'rejected'],
      [['phoneNumber'], 'rejected'],
    ]);
    // A request that names its country (kioskctl --country) is checked in full at once.
    await expect(workflow.submit({ ...request, updateId: 'c'.repeat(8), changes: { phoneNumber: '+44 20 7946 0958' }, country: 'GB' })).resolves.toBeDefined();
    await expect(workflow.submit({ ...request, updateId: 'd'.repeat(8), changes: { phoneNumber: '+44 20 7946 0958' }, country: 'IN' })).rejects.toMatchObject({
      message: 'Enter a valid phone number for IN.',
    });
    expect(read).toEqual(['ravi.kumar']);
  });

  it('audits a failed read before the update as failed', async () => {
    const { workflow, lines } = setup({
      plan: async () => {
        throw new KioskError('network', 'The service cannot be reached.');
      },
    });
    await expect(workflow.submit(request)).rejects.toMatchObject({ code: 'network' });
    expect(lines.map((l) => l.outcome)).toEqual(['failed']);
  });

  it('applies, journals and audits an update once; the same id is refused', async () => {
    const { workflow, lines, journal } = setup({});
    const r = await workflow.submit(request);
    expect(r).toMatchObject({ message: 'ok', reEnrollmentUrl: null, reEnrollmentReady: false, auditRecorded: true });
    expect(journal.get(ID)?.state).toBe('applied');
    expect(lines.map((l) => l.outcome)).toEqual(['applied']);
    await expect(workflow.submit(request)).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/already submitted/) });
    expect(lines).toHaveLength(1);
  });

  it('a face link on an allowed origin is ready; a face update without one is pending', async () => {
    const allowed = setup({ update: async (plan) => ({ message: 'ok', reEnrollmentUrl: 'https://vendor.example/deepfaceauth/x', plan }) });
    expect(await allowed.workflow.submit({ ...request, face: true })).toMatchObject({
      reEnrollmentUrl: 'https://vendor.example/deepfaceauth/x',
      reEnrollmentReady: true,
      facePending: false,
      faceLinkRefused: false,
    });
    expect(allowed.journal.get(ID)).toMatchObject({ state: 'applied', reEnrollmentUrl: 'https://vendor.example/deepfaceauth/x' });
    const none = setup({});
    expect(await none.workflow.submit({ ...request, face: true })).toMatchObject({ reEnrollmentReady: false, facePending: true, faceLinkRefused: false });
    expect(none.journal.get(ID)?.state).toBe('face-pending');
    expect(none.facePending).toEqual(['ravi.kumar']);
    expect(none.lines.map((l) => l.outcome)).toEqual(['applied']);
  });

  it.each(['http://vendor.example/deepfaceauth/x', 'https://evil.example/deepfaceauth/x', 'https://vendor.example.evil.example/x'])(
    'a link outside the allowed origins (%s) is refused: applied, never kept or returned, face pending, audited',
    async (link) => {
      const { workflow, lines, journal, facePending } = setup({ update: async (plan) => ({ message: 'ok', reEnrollmentUrl: link, plan }) });
      const r = await workflow.submit({ ...request, face: true });
      expect(r).toMatchObject({ reEnrollmentUrl: null, reEnrollmentReady: false, facePending: true, faceLinkRefused: true, auditRecorded: true });
      expect(JSON.stringify(journal.get(ID))).not.toContain(link);
      expect(journal.get(ID)?.state).toBe('face-pending');
      expect(facePending).toEqual(['ravi.kumar']);
      expect(lines.map((l) => l.outcome)).toEqual(['applied', 'face-link-refused']);
    },
  );

  it('a lost answer is audited unknown, then reconciled once and audited with the verdict', async () => {
    const { workflow, lines, journal } = setup({
      update: async () => {
        throw new KioskError('outcome-unknown', 'The answer was lost.');
      },
      reconcile: async () => 'not-applied',
    });
    await expect(workflow.submit(request)).rejects.toMatchObject({ code: 'outcome-unknown' });
    expect(journal.get(ID)?.state).toBe('unknown');
    expect(await workflow.reconcile(ID)).toMatchObject({ verdict: 'not-applied', auditRecorded: true });
    expect(journal.get(ID)?.state).toBe('failed');
    // Known now: asking again reads the journal and writes no second line.
    expect(await workflow.reconcile(ID)).toMatchObject({ verdict: 'not-applied' });
    expect(lines.map((l) => l.outcome)).toEqual(['unknown', 'reconciled-not-applied']);
  });

  it('says so in the error when the audit line of a failed update could not be written either', async () => {
    const { workflow } = setup(
      {
        update: async () => {
          throw new KioskError('rejected', 'Invalid email.');
        },
      },
      { auditWorks: false },
    );
    await expect(workflow.submit(request)).rejects.toMatchObject({ code: 'rejected', message: 'Invalid email. The audit record could not be written either. Tell branch IT.' });
  });

  it('refuses to reconcile an unknown id or one still being sent', async () => {
    let release: () => void = () => undefined;
    const { workflow } = setup({ update: (plan) => new Promise((r) => (release = () => r({ message: 'ok', reEnrollmentUrl: null, plan }))) });
    await expect(workflow.reconcile(ID)).rejects.toMatchObject({ code: 'invalid-input' });
    const sending = workflow.submit(request);
    await new Promise((r) => setTimeout(r, 0));
    await expect(workflow.reconcile(ID)).rejects.toMatchObject({ message: expect.stringMatching(/still being sent/) });
    release();
    await sending;
    expect(await workflow.reconcile(ID)).toMatchObject({ verdict: 'applied' });
  });
});

describe('four eyes', () => {
  const plan = planFor(false);
  const approvalFor = (approvals: ReturnType<typeof createApprovals>, p = plan, requestedBy: string = WHO.staffId) => approvals.mint(approvalBinding(p), 'demo.supervisor', requestedBy).approvalId;

  it('sends a change that needs approval only with a fitting approval, and records who approved it', async () => {
    const { workflow, lines, approvals } = setup({}, { approvalRequired: ['emailId'] });
    await expect(workflow.submit({ ...request, fourEyes: { approvalId: undefined } })).rejects.toMatchObject({ code: 'approval-required', message: expect.stringMatching(/needs a supervisor/) });
    expect(lines.at(-1)).toMatchObject({ outcome: 'approval-refused', what: { staffId: WHO.staffId } });
    const applied = await workflow.submit({ ...request, updateId: '6f1c1c1e-8d6a-4a4e-9a57-0c1b2f3a4b5d', fourEyes: { approvalId: approvalFor(approvals) } });
    expect(applied.plan.changed).toEqual(['emailId']);
    expect(lines.at(-1)).toMatchObject({ outcome: 'applied', what: { staffId: WHO.staffId, approvedBy: 'demo.supervisor', idCheck: 'aadhaar' } });
  });

  it('refuses a reused, a stale, another change\'s and another requester\'s approval, each audited', async () => {
    let now = 1_000_000;
    const { workflow, lines, approvals } = setup({}, { approvalRequired: ['emailId'], now: () => now });
    const ids = ['6f1c1c1e-8d6a-4a4e-9a57-0c1b2f3a4b01', '6f1c1c1e-8d6a-4a4e-9a57-0c1b2f3a4b02', '6f1c1c1e-8d6a-4a4e-9a57-0c1b2f3a4b03', '6f1c1c1e-8d6a-4a4e-9a57-0c1b2f3a4b04', '6f1c1c1e-8d6a-4a4e-9a57-0c1b2f3a4b05'];
    const used = approvalFor(approvals);
    await workflow.submit({ ...request, updateId: ids[0]!, fourEyes: { approvalId: used } });
    await expect(workflow.submit({ ...request, updateId: ids[1]!, fourEyes: { approvalId: used } })).rejects.toMatchObject({ message: expect.stringMatching(/already used/) });
    const stale = approvalFor(approvals);
    now += 121_000;
    await expect(workflow.submit({ ...request, updateId: ids[2]!, fourEyes: { approvalId: stale } })).rejects.toMatchObject({ message: expect.stringMatching(/two minutes/) });
    const other = approvalFor(approvals, { ...plan, after: { ...plan.after, emailId: 'other@example.com' } });
    await expect(workflow.submit({ ...request, updateId: ids[3]!, fourEyes: { approvalId: other } })).rejects.toMatchObject({ message: expect.stringMatching(/different change/) });
    const someoneElse = approvalFor(approvals, plan, 'demo.operator2');
    await expect(workflow.submit({ ...request, updateId: ids[4]!, fourEyes: { approvalId: someoneElse } })).rejects.toMatchObject({ message: expect.stringMatching(/another staff member/) });
    expect(lines.map((l) => l.outcome)).toEqual(['applied', 'approval-refused', 'approval-refused', 'approval-refused', 'approval-refused']);
  });

  it('asks nothing of a change the policy leaves out, nor of kioskctl (no fourEyes)', async () => {
    const { workflow } = setup({}, { approvalRequired: ['phoneNumber', 'face'] });
    await expect(workflow.submit({ ...request, fourEyes: { approvalId: undefined } })).resolves.toMatchObject({ plan: { changed: ['emailId'] } });
    const strict = setup({}, { approvalRequired: ['emailId'] });
    await expect(strict.workflow.submit({ ...request, who: { staffId: 'cli:root' } })).resolves.toMatchObject({ plan: { changed: ['emailId'] } });
  });
});
