import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from './i18n';
import { Header } from './components/header';
import { IdleGuard } from './components/idle-guard';
import { Notice } from './components/notice';
import { errorText } from './components/error-text';
import { UnlockScreen } from './screens/unlock-screen';
import { StaffLockGuard } from './components/staff-lock-guard';
import type * as StaffScreens from './screens/staff-screens';
import { useKiosk } from './store';

type Staff = typeof StaffScreens;

/**
 * The screens after sign-in, one lazy chunk, fetched as soon as the first screen is up. A
 * failed fetch is shown with a retry (and fetched again), never a blank kiosk.
 */
function useStaffScreens(): { staff: Staff | null; failed: boolean; retry(): void } {
  const [staff, setStaff] = useState<Staff | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    import('./screens/staff-screens').then(
      (m) => current && setStaff(m),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [attempt]);
  const retry = useCallback(() => {
    setFailed(false);
    setAttempt((n) => n + 1);
  }, []);
  return { staff, failed, retry };
}

/** The staff flow: one screen at a time, chosen by the store. */
export function App() {
  const { t } = useTranslation();
  const screen = useKiosk((s) => s.screen);
  const bootError = useKiosk((s) => s.bootError);
  const boot = useKiosk((s) => s.boot);
  const { staff, failed, retry } = useStaffScreens();

  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  const loading = (
    <main className="screen">
      <p role="status">{t('app.loading')}</p>
    </main>
  );
  const notLoaded = failed ? (
    <main className="screen">
      <Notice kind="error">
        <p>{t('app.cannotStart')}</p>
      </Notice>
      <button type="button" className="primary" onClick={retry}>
        {t('result.retry')}
      </button>
    </main>
  ) : (
    loading
  );

  let content;
  if (bootError) {
    content = (
      <main className="screen">
        <Notice kind="error">
          <p>{t('app.cannotStart')}</p>
          <p>{errorText(t, bootError)}</p>
        </Notice>
        <button type="button" className="primary" onClick={() => void boot()}>
          {t('result.retry')}
        </button>
      </main>
    );
  } else if (screen === 'loading') {
    content = loading;
  } else if (screen === 'unlock') {
    content = <UnlockScreen />;
  } else {
    const StaffScreen = staff?.STAFF_SCREENS[screen];
    if (!StaffScreen) content = notLoaded;
    // Only the staff bar: the camera window covers the rest of the screen.
    else if (screen === 'enrollment') return <StaffScreen />;
    else content = <StaffScreen />;
  }
  return (
    <>
      <Header />
      {content}
      <IdleGuard />
      <StaffLockGuard />
    </>
  );
}
