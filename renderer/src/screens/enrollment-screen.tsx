import { useEffect, useState } from 'react';
import { useTranslation } from '../i18n';
import { useKiosk } from '../store';
import { STAFF_BAR_HEIGHT_PX } from '../../../domain/ui-sizes';

function clock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * The staff bar while the customer records their face: it stays visible above the camera
 * window (outside the vendor's page), with the time left and Cancel.
 */
export function EnrollmentScreen() {
  const { t } = useTranslation();
  const endsAt = useKiosk((s) => s.enrollment.endsAt);
  const sandbox = useKiosk((s) => s.info?.sandbox ?? false);
  const cancel = useKiosk((s) => s.cancelEnrollment);
  const [now, setNow] = useState(() => Date.now());
  const [cancelling, setCancelling] = useState(false);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return (
    // Its height is the strip main leaves above the camera window.
    <main className="staff-bar" style={{ height: STAFF_BAR_HEIGHT_PX }} aria-labelledby="staff-bar-title">
      <h2 id="staff-bar-title">
        {sandbox && <span className="sandbox-tag">{t('app.sandbox')}</span>} {t('face.barTitle')}
      </h2>
      <p role="timer" aria-live="off">
        {t('face.timeLeft', { time: clock((endsAt ?? now) - now) })}
      </p>
      <div className="bar-actions">
        {(
          [
            ['camera-problem', 'secondary', 'face.cameraProblem'],
            ['staff-cancel', 'primary', 'face.cancel'],
          ] as const
        ).map(([reason, kind, label]) => (
          <button
            key={reason}
            type="button"
            className={kind}
            disabled={cancelling}
            onClick={() => {
              setCancelling(true);
              void cancel(reason);
            }}
          >
            {t(label)}
          </button>
        ))}
      </div>
    </main>
  );
}
