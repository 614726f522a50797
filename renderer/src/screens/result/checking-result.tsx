import { useTranslation } from '../../i18n';
import { Progress } from '../../components/notice';

/** The answer to the update was lost: main asks the vendor whether it was applied. */
export function CheckingResult() {
  const { t } = useTranslation();
  return (
    <Progress>{t('result.checking')}</Progress>
  );
}
