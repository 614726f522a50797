import { useTranslation } from '../../i18n';
import { Notice } from '../../components/notice';
import { useKiosk } from '../../store';
import { DoneButton } from './done-button';

/** The check's verdict on a lost answer, and the way on that each verdict allows. */
export function ReconciledResult() {
  const { t } = useTranslation();
  const verdict = useKiosk((s) => s.profile.submission.verdict);
  const submit = useKiosk((s) => s.submit);
  const back = useKiosk((s) => s.backToEdit);
  const wipe = useKiosk((s) => s.wipeCustomer);
  const query = useKiosk((s) => s.profile.query);
  const setQuery = useKiosk((s) => s.setQuery);
  if (verdict === 'applied' || verdict === 'applied-face-pending') {
    return (
      <>
        <Notice kind="success">{verdict === 'applied' ? t('result.applied') : t('result.appliedFacePending')}</Notice>
        <div className="actions">
          <DoneButton />
        </div>
      </>
    );
  }
  if (verdict === 'not-applied') {
    return (
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
  }
  // Undetermined: staff look the record up again to see what it holds.
  return (
    <>
      <Notice kind="warning">{t('result.undetermined')}</Notice>
      <div className="actions">
        <button
          type="button"
          className="primary"
          onClick={() => {
            // The wipe empties the query too: staff find the same customer again.
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
