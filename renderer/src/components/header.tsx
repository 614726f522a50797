import { LOCALES, useTranslation } from '../i18n';
import { useKiosk } from '../store';
import { profileBusy } from '../store/profile-state';
import { Notice } from './notice';

/** Title, SANDBOX label, kiosk id, language switch, the staff member at the kiosk, Lock, and the vendor sign-out (supervisors). */
export function Header() {
  // The language on screen (the store's may still be loading).
  const { t, locale } = useTranslation();
  const info = useKiosk((s) => s.info);
  const setLocale = useKiosk((s) => s.setLocale);
  const signedIn = useKiosk((s) => s.session.signedIn);
  const signOut = useKiosk((s) => s.signOut);
  const member = useKiosk((s) => s.staff.member);
  const lock = useKiosk((s) => s.lock);
  const busy = useKiosk((s) => profileBusy(s.profile, s.enrollment) || s.session.busy);
  const auditWarning = useKiosk((s) => s.auditWarning);
  const dismiss = useKiosk((s) => s.dismissAuditWarning);
  // The switch offers the next language (there are two).
  const other = LOCALES[(LOCALES.indexOf(locale) + 1) % LOCALES.length] ?? locale;
  return (
    <header className="app-header">
      <div className="brand">
        <h1>{t('app.title')}</h1>
        {info?.sandbox && (
          <p className="sandbox-badge">
            <strong>{t('app.sandbox')}</strong> <span>{t('app.sandboxNote')}</span>
          </p>
        )}
      </div>
      <div className="header-actions">
        {info && <span className="kiosk-id">{t('app.kiosk', { id: info.kioskId })}</span>}
        <button
          type="button"
          className="secondary"
          lang={other}
          aria-label={`${t('app.language')}: ${t('app.languageLabel')}`}
          onClick={() => setLocale(other)}
        >
          {t('app.language')}
        </button>
        {member && (
          <span className="staff-name">
            {t('app.staffName', { name: member.name })} ({member.role === 'supervisor' ? t('app.roleSupervisor') : t('app.roleOperator')})
          </span>
        )}
        {/* Only a supervisor signs the kiosk out of the vendor; everyone locks it. */}
        {signedIn && member?.role === 'supervisor' && (
          <button type="button" className="secondary" disabled={busy} onClick={() => void signOut()}>
            {t('app.signOut')}
          </button>
        )}
        {member && (
          <button type="button" className="secondary" disabled={busy} onClick={() => void lock()}>
            {t('app.lock')}
          </button>
        )}
      </div>
      {auditWarning && (
        <div className="audit-warning">
          <Notice kind="warning">
            <p>{t('result.auditFailed')}</p>
            <button type="button" className="secondary" onClick={dismiss}>
              {t('app.dismiss')}
            </button>
          </Notice>
        </div>
      )}
    </header>
  );
}
