import { useTranslation } from '../i18n';
import { Notice } from '../components/notice';
import { ScreenTitle } from '../components/screen-title';
import { useKiosk } from '../store';
import { reviewNeedsApproval } from '../store/profile-state';
import { ApprovalPanel } from './approval-panel';

/** Before → after of every field, changed ones marked in words; confirm or go back. */
export function ReviewScreen() {
  const { t } = useTranslation();
  const rows = useKiosk((s) => s.profile.rows);
  const face = useKiosk((s) => s.profile.draft?.face ?? false);
  const status = useKiosk((s) => s.profile.submission.status);
  const submit = useKiosk((s) => s.submit);
  const prepareFace = useKiosk((s) => s.prepareFace);
  const back = useKiosk((s) => s.backToEdit);
  const renamed = rows.some((r) => r.field === 'userName' && r.changed);
  const needsApproval = useKiosk((s) => reviewNeedsApproval(s.profile, s.info?.approvalRequired));
  const approved = useKiosk((s) => s.profile.approval.approvalId !== null);
  return (
    <main className="screen">
      <ScreenTitle focus>{t('review.title')}</ScreenTitle>
      <table className="diff">
        <thead>
          <tr>
            <th scope="col">{t('review.field')}</th>
            <th scope="col">{t('review.before')}</th>
            <th scope="col">{t('review.after')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('review.changed')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.field} className={r.changed ? 'changed' : undefined}>
              <th scope="row">{t(`fields.${r.field}`)}</th>
              <td>{r.before}</td>
              <td>{r.after}</td>
              <td>{r.changed ? <strong>✎ {t('review.changed')}</strong> : t('review.unchanged')}</td>
            </tr>
          ))}
          <tr className={face ? 'changed' : undefined}>
            <th scope="row">{t('review.face')}</th>
            <td colSpan={2}>{face ? t('review.faceYes') : t('review.faceNo')}</td>
            <td>{face ? <strong>✎ {t('review.changed')}</strong> : t('review.unchanged')}</td>
          </tr>
        </tbody>
      </table>
      {renamed && <Notice kind="warning">{t('review.renameWarning')}</Notice>}
      {face && <Notice kind="warning">{t('review.faceWarning')}</Notice>}
      {needsApproval && <ApprovalPanel />}
      <div className="actions">
        <button type="button" className="primary" disabled={status === 'submitting' || (needsApproval && !approved)} onClick={() => void (face ? prepareFace() : submit())}>
          {t('review.confirm')}
        </button>
        <button type="button" className="secondary" onClick={back}>
          {t('review.back')}
        </button>
      </div>
    </main>
  );
}
