import { useTranslation } from '../../i18n';
import { Notice } from '../../components/notice';
import { errorText } from '../../components/error-text';
import { useKiosk } from '../../store';

/** Whether the update was applied is still unknown: the only way on is to check again. */
export function CheckFailedResult() {
  const { t } = useTranslation();
  const error = useKiosk((s) => s.profile.submission.error);
  const reconcile = useKiosk((s) => s.reconcile);
  return (
    <>
      <Notice kind="error">
        <p>{t('result.checkFailed')}</p>
        {error && <p>{errorText(t, error)}</p>}
      </Notice>
      <div className="actions">
        <button type="button" className="primary" onClick={() => void reconcile()}>
          {t('result.checkAgain')}
        </button>
      </div>
    </>
  );
}
