import { useTranslation } from '../../i18n';
import { Notice } from '../../components/notice';
import { errorText } from '../../components/error-text';
import { useKiosk } from '../../store';

/** Not applied: a refusal goes back to the edit; anything else can be tried again as it is. */
export function FailedResult() {
  const { t } = useTranslation();
  const e = useKiosk((s) => s.profile.submission.error);
  const submit = useKiosk((s) => s.submit);
  const back = useKiosk((s) => s.backToEdit);
  const rejected = e?.code === 'rejected';
  return (
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
}
