import { useState, type FormEvent } from 'react';
import { useTranslation } from '../i18n';
import { Field } from '../components/field';
import { Notice } from '../components/notice';
import { errorText } from '../components/error-text';
import { useKiosk } from '../store';

const REFUSALS = { wrong: 'approval.wrong', 'locked-out': 'approval.lockedOut', 'not-supervisor': 'approval.notSupervisor', self: 'approval.self' } as const;

/**
 * Four eyes on the review screen: a supervisor other than the staff member enters their own
 * staff id and PIN; main approves this exact change for two minutes. The PIN lives in this
 * component only and is cleared once sent.
 */
export function ApprovalPanel() {
  const { t } = useTranslation();
  const approval = useKiosk((s) => s.profile.approval);
  const requestApproval = useKiosk((s) => s.requestApproval);
  const [supervisorId, setSupervisorId] = useState('');
  const [pin, setPin] = useState('');
  const onSubmit = (e: FormEvent): void => {
    e.preventDefault();
    if (supervisorId.trim() === '' || pin === '') return;
    const sent = pin;
    setPin('');
    void requestApproval(supervisorId.trim(), sent);
  };
  if (approval.approvalId) {
    return <Notice kind="success">{t('approval.approved', { id: approval.approvedBy ?? '' })}</Notice>;
  }
  return (
    <section className="approval" aria-labelledby="approval-title">
      <h3 id="approval-title">{t('approval.needed')}</h3>
      <p>{t('approval.intro')}</p>
      {approval.refusal && <Notice kind="error">{t(REFUSALS[approval.refusal])}</Notice>}
      {approval.error && <Notice kind="error">{approval.error.code === 'approval-required' ? `${t('errors.code.approval-required')} (${approval.error.message})` : errorText(t, approval.error)}</Notice>}
      <form onSubmit={onSubmit} noValidate>
        <Field name="supervisorId" label={t('approval.supervisorId')} value={supervisorId} onChange={setSupervisorId} autoComplete="off" />
        <Field name="supervisorPin" type="password" inputMode="numeric" label={t('approval.secret')} value={pin} onChange={setPin} autoComplete="off" />
        <button type="submit" className="secondary" disabled={approval.busy}>
          {approval.busy ? t('approval.busy') : t('approval.submit')}
        </button>
      </form>
    </section>
  );
}
