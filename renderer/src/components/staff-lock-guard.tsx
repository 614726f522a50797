import { useEffect, useRef } from 'react';
import { useKiosk } from '../store';
import { profileBusy } from '../store/profile-state';

const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'wheel', 'input'] as const;
/** How often staff activity is passed on to main at most (its idle limit is minutes long). */
const REPORT_EVERY_MS = 30_000;

/**
 * Locks the kiosk after `staffLockSeconds` without input while a staff member is unlocked (the
 * customer wipe at `idleTimeoutSeconds` comes first). Input is passed on to main every 30 s at
 * most, since main locks on its own too; while something runs for the customer (an update, the
 * camera window, whose recording needs no tap) the kiosk stays unlocked and main is told so.
 */
export function StaffLockGuard() {
  const unlocked = useKiosk((s) => s.staff.member !== null);
  const busy = useKiosk((s) => profileBusy(s.profile, s.enrollment));
  const limitMs = useKiosk((s) => (s.info?.staffLockSeconds ?? 300) * 1000);
  const lock = useKiosk((s) => s.lock);
  const active = useKiosk((s) => s.staffActive);
  const lastInput = useRef(Date.now());
  const lastReport = useRef(0);
  const busyRef = useRef(busy);
  busyRef.current = busy;

  useEffect(() => {
    if (!unlocked) return;
    lastInput.current = Date.now();
    const report = (): void => {
      if (Date.now() - lastReport.current < REPORT_EVERY_MS) return;
      lastReport.current = Date.now();
      void active();
    };
    const onInput = (): void => {
      lastInput.current = Date.now();
      report();
    };
    for (const e of ACTIVITY) window.addEventListener(e, onInput, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      if (busyRef.current) {
        lastInput.current = Date.now();
        report();
      } else if (Date.now() - lastInput.current >= limitMs) {
        void lock();
      }
    }, 1000);
    return () => {
      for (const e of ACTIVITY) window.removeEventListener(e, onInput, { capture: true });
      window.clearInterval(timer);
    };
  }, [unlocked, limitMs, lock, active]);
  return null;
}
