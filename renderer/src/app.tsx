import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Header } from './components/header';
import { IdleGuard } from './components/idle-guard';
import { Notice } from './components/notice';
import { errorText } from './components/error-text';
import { BeforeFaceScreen } from './screens/before-face-screen';
import { EditScreen } from './screens/edit-screen';
import { EnrollmentScreen } from './screens/enrollment-screen';
import { FindScreen } from './screens/find-screen';
import { ResultScreen } from './screens/result-screen';
import { ReviewScreen } from './screens/review-screen';
import { SignInScreen } from './screens/sign-in-screen';
import { useKiosk } from './store';

/** The staff flow: one screen at a time, chosen by the store. */
export function App() {
  const { t, i18n } = useTranslation();
  const screen = useKiosk((s) => s.screen);
  const bootError = useKiosk((s) => s.bootError);
  const locale = useKiosk((s) => s.locale);
  const boot = useKiosk((s) => s.boot);

  useEffect(() => {
    void i18n.changeLanguage(locale);
    document.documentElement.lang = locale;
  }, [i18n, locale]);

  useEffect(() => {
    document.title = t('app.title');
  }, [t, locale]);

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
        content = (
          <main className="screen">
            <p role="status">{t('app.loading')}</p>
          </main>
        );
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
        return <EnrollmentScreen />;
      case 'result':
        content = <ResultScreen />;
        break;
    }
  }
  return (
    <>
      <Header />
      {content}
      <IdleGuard />
    </>
  );
}
