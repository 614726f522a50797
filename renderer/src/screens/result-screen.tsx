import { useTranslation } from '../i18n';
import { Notice, Progress } from '../components/notice';
import { ScreenTitle } from '../components/screen-title';
import { errorText } from '../components/error-text';
import { useKiosk } from '../store';

const FACE_TEXT = {
  success: 'face.success',
  failure: 'face.failure',
  cancelled: 'face.cancelled',
  'timed-out': 'face.timedOut',
  'camera-error': 'face.cameraError',
  'window-crashed': 'face.windowCrashed',
  'session-expired': 'face.sessionExpired',
} as const;

/** How the face part went, once the camera window is gone. */
function FaceOutcome() {
  const { t } = useTranslation();
  const e = useKiosk((s) => s.enrollment);
  if (e.phase === 'starting') {
    return (
      <Progress>{t('face.starting')}</Progress>
    );
  }
  if (e.phase === 'start-failed') {
    return (
      <Notice kind="error">
        <p>{t('face.startFailed')}</p>
        {e.error && <p>{errorText(t, e.error)}</p>}
      </Notice>
    );
  }
  if (e.phase !== 'finished' || !e.outcome) return null;
  return (
    <>
      <Notice kind={e.outcome === 'success' ? 'success' : 'warning'}>
        <p>{t(FACE_TEXT[e.outcome])}</p>
        {e.outcome === 'failure' && e.message && <p>{t('result.vendorMessage', { message: e.message })}</p>}
      </Notice>
      {!e.auditRecorded && <Notice kind="warning">{t('result.auditFailed')}</Notice>}
    </>
  );
}

/** Progress, success, or an error that says what to do next; the draft survives every error. */
export function ResultScreen() {
  const { t } = useTranslation();
  const sub = useKiosk((s) => s.profile.submission);
  const enrollment = useKiosk((s) => s.enrollment);
  const openEnrollment = useKiosk((s) => s.openEnrollment);
  const retryFace = useKiosk((s) => s.retryFace);
  const submit = useKiosk((s) => s.submit);
  const reconcile = useKiosk((s) => s.reconcile);
  const back = useKiosk((s) => s.backToEdit);
  const wipe = useKiosk((s) => s.wipeCustomer);
  const query = useKiosk((s) => s.profile.query);
  const setQuery = useKiosk((s) => s.setQuery);
  const done = (
    <button type="button" className="primary" onClick={wipe}>
      {t('result.done')}
    </button>
  );

  let body;
  switch (sub.status) {
    case 'idle':
    case 'submitting':
      body = (
        <Progress>{t('result.submitting')}</Progress>
      );
      break;
    case 'done': {
      const r = sub.result;
      body = (
        <>
          <Notice kind="success">
            <p>{t('result.success')}</p>
            <p>{r && r.changed.length > 0 ? t('result.changedFields', { fields: r.changed.map((f) => t(`fields.${f}`)).join(', ') }) : t('result.noFields')}</p>
            {r?.face && !r.reEnrollmentReady && <p>{t('result.faceMissing')}</p>}
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
            {enrollment.phase !== 'starting' && done}
          </div>
        </>
      );
      break;
    }
    case 'failed': {
      const e = sub.error;
      const rejected = e?.code === 'rejected';
      body = (
        <>
          <Notice kind="error">
            <p>{rejected ? t('result.rejected') : t('result.failed')}</p>
            {e && <p>{errorText(t, e)}</p>}
          </Notice>
          <div className="actions">
            {!rejected && (
              <button type="button" className="primary" onClick={() => void submit()}>
                {t('result.retry')}
              </button>
            )}
            <button type="button" className={rejected ? 'primary' : 'secondary'} onClick={back}>
              {t('result.backToEdit')}
            </button>
          </div>
        </>
      );
      break;
    }
    case 'checking':
      body = (
        <Progress>{t('result.checking')}</Progress>
      );
      break;
    case 'check-failed':
      body = (
        <>
          <Notice kind="error">
            <p>{t('result.checkFailed')}</p>
            {sub.error && <p>{errorText(t, sub.error)}</p>}
          </Notice>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void reconcile()}>
              {t('result.checkAgain')}
            </button>
          </div>
        </>
      );
      break;
    case 'reconciled':
      if (sub.verdict === 'applied' || sub.verdict === 'applied-face-pending') {
        body = (
          <>
            <Notice kind="success">{sub.verdict === 'applied' ? t('result.applied') : t('result.appliedFacePending')}</Notice>
            <div className="actions">{done}</div>
          </>
        );
      } else if (sub.verdict === 'not-applied') {
        body = (
          <>
            <Notice kind="warning">{t('result.notApplied')}</Notice>
            <div className="actions">
              <button type="button" className="primary" onClick={() => void submit()}>
                {t('result.submitAgain')}
              </button>
              <button type="button" className="secondary" onClick={back}>
                {t('result.backToEdit')}
              </button>
            </div>
          </>
        );
      } else {
        body = (
          <>
            <Notice kind="warning">{t('result.undetermined')}</Notice>
            <div className="actions">
              <button
                type="button"
                className="primary"
                onClick={() => {
                  const name = query;
                  wipe();
                  setQuery(name);
                }}
              >
                {t('result.lookUpAgain')}
              </button>
            </div>
          </>
        );
      }
      break;
  }
  return (
    <main className="screen">
      <ScreenTitle focus>{t('result.title')}</ScreenTitle>
      {body}
    </main>
  );
}
