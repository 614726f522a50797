import { nextScreen } from './navigation';
import type { SliceCreator, UiSlice } from './types';
import { DEFAULT_LOCALE } from '../../../domain/locales';

export const createUiSlice: SliceCreator<UiSlice> = (deps) => (set, get) => {
  const { api } = deps;
  return {
    screen: 'loading',
    info: null,
    locale: DEFAULT_LOCALE,
    bootError: null,
    auditWarning: false,
    dismissAuditWarning: () => set({ auditWarning: false }),
    auditWriteFailed: () => set({ auditWarning: true }),
    async boot() {
      set({ bootError: null });
      // Both questions go to main at once; the first screen waits for the configured language.
      const [info, state] = await Promise.all([api.kioskInfo(), api.sessionState()]);
      if (!info.ok) {
        set({ bootError: info.error });
        return;
      }
      set({ info: info.value, locale: info.value.locale });
      await deps.loadLocale?.(info.value.locale).catch(() => undefined);
      if (!state.ok) {
        // The keychain could not be read: the sign-in screen says so and offers to try again.
        get().sessionKnown(false, state.error);
        get().navigate({ type: 'boot', signedIn: false });
        return;
      }
      get().sessionKnown(state.value.signedIn);
      get().navigate({ type: 'boot', signedIn: state.value.signedIn });
    },
    setLocale: (locale) => set({ locale }),
    navigate(event) {
      const screen = nextScreen(get().screen, event);
      // An event that leaves the screen as it is wakes no subscriber.
      if (screen !== get().screen) set({ screen });
    },
    handleCommonError(error) {
      // `unauthorized`: the sign-in changed while a request ran; sign in again, like an expiry.
      if (error.code === 'session-expired' || error.code === 'not-signed-in' || error.code === 'unauthorized') {
        get().sessionExpired();
        return true;
      }
      return false;
    },
  };
};
