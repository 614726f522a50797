import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { createI18n, FALLBACK_LOCALE, I18nProvider, type I18n } from './i18n';
import { createKioskStore, StoreContext, useKiosk } from './store';
import './styles.css';

/** The app in the language the store asks for (loaded before it is shown). */
function LocalizedApp({ i18n }: { i18n: I18n }) {
  const locale = useKiosk((s) => s.locale);
  // A language that cannot be loaded: the store goes back to the one on screen (and the
  // switch can try again).
  const setLocale = useKiosk((s) => s.setLocale);
  return (
    <I18nProvider i18n={i18n} locale={locale} onUnavailable={setLocale}>
      <App />
    </I18nProvider>
  );
}

/** How long the first screen waits for its strings (they come from the app's own files). */
const LANGUAGE_WAIT_MS = 5000;

const root = document.getElementById('root');
if (root) {
  if (typeof window.kiosk !== 'object' || window.kiosk === null) {
    // Without the preload's bridge there is nothing this page can do.
    root.textContent = 'The kiosk could not start (no connection to its main process). Call branch IT.';
  } else {
    const i18n = createI18n();
    // English is the fallback language: its strings load while main is asked for the settings.
    const english = i18n.load(FALLBACK_LOCALE);
    const store = createKioskStore({
      api: window.kiosk,
      newId: () => crypto.randomUUID(),
      loadLocale: (locale) => Promise.race([i18n.load(locale), new Promise<void>((r) => setTimeout(r, LANGUAGE_WAIT_MS))]),
    });
    void store.getState().boot();
    const render = () =>
      createRoot(root).render(
        <StrictMode>
          <StoreContext.Provider value={store}>
            <LocalizedApp i18n={i18n} />
          </StoreContext.Provider>
        </StrictMode>,
      );
    // Strings that fail (or take over 5 s) to load leave keys on screen, which is still better
    // than a blank kiosk.
    void Promise.race([english, new Promise((r) => setTimeout(r, LANGUAGE_WAIT_MS))]).then(render, render);
  }
}
