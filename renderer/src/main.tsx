import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { createI18n, I18nProvider, type I18n } from './i18n';
import { createKioskStore, StoreContext, useKiosk } from './store';
import './styles.css';

/** The app in the language the store asks for (loaded before it is shown). */
function LocalizedApp({ i18n }: { i18n: I18n }) {
  const locale = useKiosk((s) => s.locale);
  return (
    <I18nProvider i18n={i18n} locale={locale}>
      <App />
    </I18nProvider>
  );
}

const root = document.getElementById('root');
if (root) {
  if (typeof window.kiosk !== 'object' || window.kiosk === null) {
    // Without the preload's bridge there is nothing this page can do.
    root.textContent = 'The kiosk could not start (no connection to its main process). Call branch IT.';
  } else {
    const i18n = createI18n();
    // English is the fallback language: its strings load while main is asked for the settings.
    const english = i18n.load('en');
    const store = createKioskStore({ api: window.kiosk, newId: () => crypto.randomUUID(), loadLocale: (locale) => i18n.load(locale) });
    void store.getState().boot();
    const render = () =>
      createRoot(root).render(
        <StrictMode>
          <StoreContext.Provider value={store}>
            <LocalizedApp i18n={i18n} />
          </StoreContext.Provider>
        </StrictMode>,
      );
    // Strings that fail to load leave keys on screen, which is still better than a blank kiosk.
    void english.then(render, render);
  }
}
