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
      const [info, staff] = await Promise.all([api.kioskInfo(), api.staffState()]);
      if (!info.ok) {
        set({ bootError: info.error });
        return;
      }
      if (!staff.ok) {
        set({ bootError: staff.error });
        return;
      }
      set({ info: info.value, locale: info.value.locale });
      await deps.loadLocale?.(info.value.locale).catch(() => undefined);
      // Then the vendor sign-in, if someone is unlocked (the keychain error, if any, is shown on the sign-in screen).
      await get().staffKnown(staff.value.staff);
    },
    setLocale: (locale) => set({ locale }),
    navigate(event) {
      const screen = nextScreen(get().screen, event);
      // An event that leaves the screen as it is wakes no subscriber.
      if (screen !== get().screen) set({ screen });
    },
    handleCommonError(error) {
      // Main locked the kiosk (its idle limit): the unlock screen.
      if (error.code === 'locked') {
        get().staffLocked();
        return true;
      }
      // `unauthorized`: the sign-in changed while a request ran; sign in again, like an expiry.
      if (error.code === 'session-expired' || error.code === 'not-signed-in' || error.code === 'unauthorized') {
        get().sessionExpired();
        return true;
      }
      return false;
    },
  };
};
