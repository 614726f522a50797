import { useTranslation } from '../i18n';
import { Notice } from '../components/notice';
import { useKiosk } from '../store';

/** An operator is unlocked but the kiosk has no vendor sign-in: only a supervisor can give it one. */
export function NoVendorScreen() {
  const { t } = useTranslation();
  const lock = useKiosk((s) => s.lock);
  return (
    <main className="screen">
      <h2>{t('noVendor.title')}</h2>
      <Notice kind="warning">
        <p>{t('noVendor.body')}</p>
      </Notice>
      <button type="button" className="primary" onClick={() => void lock()}>
        {t('noVendor.lock')}
      </button>
    </main>
  );
}
