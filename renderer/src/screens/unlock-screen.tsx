import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../i18n';
import { DEMO_STAFF } from '../../../domain/demo-account';
import { PIN_MAX_DIGITS } from '../../../domain/staff/staff-rules';
import { Field } from '../components/field';
import { Notice } from '../components/notice';
import { errorText } from '../components/error-text';
import { markFirstRender } from '../perf-marks';
import { useKiosk } from '../store';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/**
 * The first screen whenever nobody is unlocked: staff id and PIN, with a number pad for a touch
 * screen without a keyboard (a physical keyboard works too). The PIN lives in this component
 * only, masked, and is cleared once sent.
 */
export function UnlockScreen() {
  const { t } = useTranslation();
  const info = useKiosk((s) => s.info);
  const staff = useKiosk((s) => s.staff);
  const unlock = useKiosk((s) => s.unlock);
  const [staffId, setStaffId] = useState('');
  const [pin, setPin] = useState('');
  const [missing, setMissing] = useState(false);
  const idRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    idRef.current?.focus();
    markFirstRender();
  }, []);

  const directory = info?.staffDirectory === 'ldap';
  const type = (digit: string): void => {
    setMissing(false);
    setPin((p) => (p.length < PIN_MAX_DIGITS ? p + digit : p));
  };
  const onSubmit = (e: FormEvent): void => {
    e.preventDefault();
    if (staffId.trim() === '' || pin === '') {
      setMissing(true);
      return;
    }
    const sent = pin;
    setPin('');
    void unlock(staffId.trim(), sent);
  };

  return (
    <main className="screen unlock">
      <h2>{t('unlock.title')}</h2>
      <p>{t('unlock.intro')}</p>
      {staff.refusal?.kind === 'wrong' && <Notice kind="error">{t('unlock.wrong')}</Notice>}
      {staff.refusal?.kind === 'locked-out' && <Notice kind="error">{t('unlock.lockedOut', { minutes: staff.refusal.minutes })}</Notice>}
      {staff.error && <Notice kind="error">{errorText(t, staff.error)}</Notice>}
      {info?.demoStaff && (
        <Notice kind="info">{t('unlock.demoHint', { staff: DEMO_STAFF.map((s) => `${s.staffId} / ${s.pin} (${s.role})`).join(', ') })}</Notice>
      )}
      <form onSubmit={onSubmit} noValidate>
        <Field name="staffId" label={t('unlock.staffId')} value={staffId} onChange={(v) => (setStaffId(v), setMissing(false))} autoComplete="username" inputRef={idRef} />
        <Field
          name="pin"
          type="password"
          inputMode={directory ? 'text' : 'numeric'}
          label={directory ? t('unlock.password') : t('unlock.secret')}
          value={pin}
          onChange={(v) => (setPin(v), setMissing(false))}
          error={missing ? t('unlock.required') : null}
          autoComplete="off"
        />
        {!directory && <div className="keypad" role="group" aria-label={t('unlock.keypad')}>
          {KEYS.map((k) => (
            <button key={k} type="button" className="key" onClick={() => type(k)} disabled={staff.busy}>
              {k}
            </button>
          ))}
          <button type="button" className="key" aria-label={t('unlock.clear')} onClick={() => setPin('')} disabled={staff.busy}>
            C
          </button>
          <button type="button" className="key" onClick={() => type('0')} disabled={staff.busy}>
            0
          </button>
          <button type="button" className="key" aria-label={t('unlock.backspace')} onClick={() => setPin((p) => p.slice(0, -1))} disabled={staff.busy}>
            ⌫
          </button>
        </div>}
        <button type="submit" className="primary" disabled={staff.busy}>
          {staff.busy ? t('unlock.busy') : t('unlock.submit')}
        </button>
      </form>
    </main>
  );
}
