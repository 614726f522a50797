import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app';
import { createI18n } from './i18n';
import { createKioskStore, StoreContext } from './store';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  if (typeof window.kiosk !== 'object' || window.kiosk === null) {
    // Without the preload's bridge there is nothing this page can do.
    root.textContent = 'The kiosk could not start (no connection to its main process). Call branch IT.';
  } else {
    const store = createKioskStore({ api: window.kiosk, newId: () => crypto.randomUUID() });
    const i18n = createI18n('en');
    createRoot(root).render(
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <StoreContext.Provider value={store}>
            <App />
          </StoreContext.Provider>
        </I18nextProvider>
      </StrictMode>,
    );
    void store.getState().boot();
  }
}
