import { useTranslation } from '../../i18n';
import { useKiosk } from '../../store';

/** Ends the customer's visit: wipes their data and returns to Find customer. */
export function DoneButton() {
  const { t } = useTranslation();
  const wipe = useKiosk((s) => s.wipeCustomer);
  return (
    <button type="button" className="primary" onClick={wipe}>
      {t('result.done')}
    </button>
  );
}
