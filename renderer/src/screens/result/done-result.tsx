import { useTranslation } from '../../i18n';
import { Notice } from '../../components/notice';
import { useKiosk } from '../../store';
import { DoneButton } from './done-button';
import { FaceOutcome } from './face-outcome';

/** Applied: what changed, then the face part, with a way to open or record it again. */
export function DoneResult() {
  const { t } = useTranslation();
  const r = useKiosk((s) => s.profile.submission.result);
  const enrollment = useKiosk((s) => s.enrollment);
  const openEnrollment = useKiosk((s) => s.openEnrollment);
  const retryFace = useKiosk((s) => s.retryFace);
  return (
    <>
      <Notice kind="success">
        <p>{t('result.success')}</p>
        <p>{r && r.changed.length > 0 ? t('result.changedFields', { fields: r.changed.map((f) => t(`fields.${f}`)).join(', ') }) : t('result.noFields')}</p>
        {r?.face && !r.reEnrollmentReady && <p>{t(r.faceLinkRefused ? 'result.faceLinkRefused' : 'result.faceMissing')}</p>}
      </Notice>
      {r && !r.auditRecorded && <Notice kind="warning">{t('result.auditFailed')}</Notice>}
      <FaceOutcome />
      <div className="actions">
        {enrollment.phase === 'start-failed' && (
          <button type="button" className="primary" onClick={() => void openEnrollment()}>
            {t('face.tryOpenAgain')}
          </button>
        )}
        {((enrollment.phase === 'finished' && enrollment.outcome !== 'success') || (r?.face && !r.reEnrollmentReady)) && (
          <button type="button" className="primary" onClick={retryFace}>
            {t('face.tryAgain')}
          </button>
        )}
        {enrollment.phase !== 'starting' && <DoneButton />}
      </div>
    </>
  );
}
