import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from './i18n';
import { Header } from './components/header';
import { IdleGuard } from './components/idle-guard';
import { Notice } from './components/notice';
import { errorText } from './components/error-text';
import { SignInScreen } from './screens/sign-in-screen';
import type * as StaffScreens from './screens/staff-screens';
import { useKiosk } from './store';

let staffScreens: Promise<typeof StaffScreens> | null = null;
/** The screens after sign-in (one lazy chunk), loaded once. */
function loadStaffScreens() {
  staffScreens ??= import('./screens/staff-screens');
  return staffScreens;
}
const FindScreen = lazy(() => loadStaffScreens().then((m) => ({ default: m.FindScreen })));
const EditScreen = lazy(() => loadStaffScreens().then((m) => ({ default: m.EditScreen })));
const ReviewScreen = lazy(() => loadStaffScreens().then((m) => ({ default: m.ReviewScreen })));
const BeforeFaceScreen = lazy(() => loadStaffScreens().then((m) => ({ default: m.BeforeFaceScreen })));
const EnrollmentScreen = lazy(() => loadStaffScreens().then((m) => ({ default: m.EnrollmentScreen })));
const ResultScreen = lazy(() => loadStaffScreens().then((m) => ({ default: m.ResultScreen })));

/** The staff flow: one screen at a time, chosen by the store. */
export function App() {
  const { t } = useTranslation();
  const screen = useKiosk((s) => s.screen);
  const bootError = useKiosk((s) => s.bootError);
  const boot = useKiosk((s) => s.boot);

  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  // After the first screen is up, fetch the rest so that no later screen waits.
  useEffect(() => {
    void loadStaffScreens().catch(() => undefined);
  }, []);

  const loading = (
    <main className="screen">
      <p role="status">{t('app.loading')}</p>
    </main>
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
  } else {
    switch (screen) {
      case 'loading':
        content = loading;
        break;
      case 'sign-in':
        content = <SignInScreen />;
        break;
      case 'find':
        content = <FindScreen />;
        break;
      case 'edit':
        content = <EditScreen />;
        break;
      case 'review':
        content = <ReviewScreen />;
        break;
      case 'before-face':
        content = <BeforeFaceScreen />;
        break;
      case 'enrollment':
        // Only the staff bar: the camera window covers the rest of the screen.
        return (
          <Suspense fallback={null}>
            <EnrollmentScreen />
          </Suspense>
        );
      case 'result':
        content = <ResultScreen />;
        break;
    }
  }
  return (
    <>
      <Header />
      <Suspense fallback={loading}>{content}</Suspense>
      <IdleGuard />
    </>
  );
}
