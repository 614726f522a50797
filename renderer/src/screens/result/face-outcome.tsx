import { useTranslation } from '../../i18n';
import { Notice, Progress } from '../../components/notice';
import { errorText } from '../../components/error-text';
import { useKiosk } from '../../store';

const FACE_TEXT = {
  success: 'face.success',
  failure: 'face.failure',
  cancelled: 'face.cancelled',
  'timed-out': 'face.timedOut',
  'camera-error': 'face.cameraError',
  'window-crashed': 'face.windowCrashed',
  'page-blocked': 'face.pageBlocked',
  'session-expired': 'face.sessionExpired',
} as const;

/** How the face part went, once the camera window is gone. */
export function FaceOutcome() {
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
