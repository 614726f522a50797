import { useTranslation } from '../i18n';
import { Notice, Progress } from '../components/notice';
import { ScreenTitle } from '../components/screen-title';
import { useKiosk } from '../store';

/**
 * Before a face update is sent: what the customer should do, and a camera check. The update
 * (with the face) is only sent once the camera works; without a camera, the detail changes
 * can still go through on their own.
 */
export function BeforeFaceScreen() {
  const { t } = useTranslation();
  const phase = useKiosk((s) => s.enrollment.phase);
  const camera = useKiosk((s) => s.enrollment.camera);
  const hasDetails = useKiosk((s) => Object.keys(s.profile.reviewed?.changes ?? {}).length > 0);
  const checkCamera = useKiosk((s) => s.checkCamera);
  const startFace = useKiosk((s) => s.startFace);
  const detailsOnly = useKiosk((s) => s.detailsOnly);
  const navigate = useKiosk((s) => s.navigate);
  const problem = phase === 'camera-problem';
  return (
    <main className="screen">
      <ScreenTitle focus>{t('face.title')}</ScreenTitle>
      <p>{t('face.intro')}</p>
      <ul className="instructions">
        <li>{t('face.straight')}</li>
        <li>{t('face.light')}</li>
        <li>{t('face.alone')}</li>
        <li>{t('face.uncovered')}</li>
        <li>{t('face.still')}</li>
      </ul>
      {phase === 'checking-camera' && (
        <Progress>{t('face.checking')}</Progress>
      )}
      {phase === 'camera-ready' && <Notice kind="success">{t('face.ready')}</Notice>}
      {problem && camera && <Notice kind="error">{t(`face.${camera}`)}</Notice>}
      <div className="actions">
        {!problem && (
          <button type="button" className="primary" disabled={phase !== 'camera-ready'} onClick={() => void startFace()}>
            {t('face.start')}
          </button>
        )}
        {problem && (
          <button type="button" className="primary" onClick={() => void checkCamera()}>
            {t('face.checkAgain')}
          </button>
        )}
        {problem && hasDetails && (
          <button type="button" className="secondary" onClick={() => void detailsOnly()}>
            {t('face.detailsOnly')}
          </button>
        )}
        <button type="button" className="secondary" disabled={phase === 'checking-camera'} onClick={() => navigate({ type: 'back-to-review' })}>
          {t('face.back')}
        </button>
      </div>
    </main>
  );
}
