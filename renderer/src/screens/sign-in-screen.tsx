import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../i18n';
import { DEMO_CUSTOMER } from '../../../domain/demo-account';
import { Field } from '../components/field';
import { Notice } from '../components/notice';
import { errorText } from '../components/error-text';
import { markFirstRender } from '../perf-marks';
import { useKiosk } from '../store';

/** A supervisor signs the kiosk in to the vendor. The password lives in this component only, and is cleared once sent. */
export function SignInScreen() {
  const { t } = useTranslation();
  const info = useKiosk((s) => s.info);
  const session = useKiosk((s) => s.session);
  const signIn = useKiosk((s) => s.signIn);
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  // The password takes the focus once the screen is up: `autoFocus` would focus it while
  // React commits, forcing a layout before the kiosk's first screen is shown.
  useEffect(() => {
    passwordRef.current?.focus();
    // The first screen when a staff member is already unlocked (a reload).
    markFirstRender();
  }, []);

  const onSubmit = (e: FormEvent): void => {
    e.preventDefault();
    if (password.length === 0) {
      setMissing(true);
      return;
    }
    const sent = password;
    setPassword('');
    void signIn(sent);
  };

  const expired = session.error?.code === 'session-expired';
  return (
    <main className="screen">
      <h2>{t('signIn.title')}</h2>
      {expired && <Notice kind="warning">{t('signIn.expired')}</Notice>}
      {session.error && !expired && (
        <Notice kind="error">{session.error.code === 'rejected' ? t('signIn.rejected') : errorText(t, session.error)}</Notice>
      )}
      {info?.sandbox && (
        <Notice kind="info">{t('signIn.sandboxHint', { customer: DEMO_CUSTOMER.customerName, password: DEMO_CUSTOMER.password })}</Notice>
      )}
      <form onSubmit={onSubmit} noValidate>
        <Field name="customerName" label={t('signIn.customerName')} value={info?.customerName ?? ''} onChange={() => undefined} readOnly />
        <Field
          name="password"
          type="password"
          label={t('signIn.password')}
          value={password}
          onChange={(v) => {
            setPassword(v);
            setMissing(false);
          }}
          error={missing ? t('signIn.required') : null}
          autoComplete="current-password"
          inputRef={passwordRef}
        />
        <button type="submit" className="primary" disabled={session.busy}>
          {session.busy ? t('signIn.busy') : t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
