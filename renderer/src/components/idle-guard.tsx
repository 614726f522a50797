import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../i18n';
import { useKiosk } from '../store';
import { profileBusy } from '../store/profile-state';
import { DEFAULT_IDLE_TIMEOUT_SECONDS } from '../../../domain/ui-sizes';

/** Seconds the "Still there?" countdown runs before the customer's data is wiped. */
export const IDLE_WARNING_SECONDS = 20;
const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'wheel', 'input'] as const;

/**
 * After `idleTimeoutSeconds` without input while a customer's data is on screen, shows a
 * full-screen countdown; without an answer, wipes the customer's data and returns to Find
 * customer. Never while a submit is in flight. The staff sign-in is kept.
 */
export function IdleGuard() {
  const { t } = useTranslation();
  const active = useKiosk((s) => s.screen !== 'loading' && s.profile.onScreen && !profileBusy(s.profile, s.enrollment));
  const timeoutMs = useKiosk((s) => (s.info?.idleTimeoutSeconds ?? DEFAULT_IDLE_TIMEOUT_SECONDS) * 1000);
  const wipe = useKiosk((s) => s.wipeCustomer);
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const lastActivity = useRef(Date.now());
  const stayButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!active) {
      setSecondsLeft(null);
      return;
    }
    lastActivity.current = Date.now();
    const onActivity = (): void => {
      lastActivity.current = Date.now();
      setSecondsLeft(null);
    };
    for (const e of ACTIVITY) window.addEventListener(e, onActivity, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      const idle = Date.now() - lastActivity.current;
      if (idle < timeoutMs) return;
      const left = Math.ceil(IDLE_WARNING_SECONDS - (idle - timeoutMs) / 1000);
      if (left <= 0) {
        setSecondsLeft(null);
        wipe();
      } else {
        setSecondsLeft(left);
      }
    }, 1000);
    return () => {
      for (const e of ACTIVITY) window.removeEventListener(e, onActivity, { capture: true });
      window.clearInterval(timer);
    };
  }, [active, timeoutMs, wipe]);

  const warning = secondsLeft !== null;
  useEffect(() => {
    if (!warning) return;
    // Focus on the answer, and keep the screen behind out of reach until it is given.
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const behind = [...document.querySelectorAll<HTMLElement>('body > #root > :not(.idle-overlay)')];
    for (const el of behind) el.inert = true;
    stayButton.current?.focus();
    return () => {
      for (const el of behind) el.inert = false;
      previous?.focus();
    };
  }, [warning]);

  if (!warning) return null;
  return (
    <div className="idle-overlay" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-body">
      <div className="idle-box">
        <h2 id="idle-title">{t('idle.title')}</h2>
        <p id="idle-body">{t('idle.body', { seconds: secondsLeft })}</p>
        <button ref={stayButton} type="button" className="primary" onClick={() => setSecondsLeft(null)}>
          {t('idle.stay')}
        </button>
      </div>
    </div>
  );
}
