import { useTranslation } from '../../i18n';
import { Progress } from '../../components/notice';

/** The update is on its way (or, after a session expiry, about to be sent again). */
export function SubmittingResult() {
  const { t } = useTranslation();
  return (
    <Progress>{t('result.submitting')}</Progress>
  );
}
