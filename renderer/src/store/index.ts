import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import { createEnrollmentSlice } from './enrollment-slice';
import { createProfileSlice } from './profile-slice';
import { createSessionSlice } from './session-slice';
import { createStaffSlice } from './staff-slice';
import { createUiSlice } from './ui-slice';
import type { KioskState, StoreDeps } from './types';

export type { KioskState } from './types';

/** The one store of the UI, built from its slices over the main-process bridge. */
export function createKioskStore(deps: StoreDeps): StoreApi<KioskState> {
  const store = createStore<KioskState>()((set, get) => ({
    ...createUiSlice(deps)(set, get),
    ...createStaffSlice(deps)(set, get),
    ...createSessionSlice(deps)(set, get),
    ...createProfileSlice(deps)(set, get),
    ...createEnrollmentSlice(deps)(set, get),
  }));
  deps.api.onSessionExpired(() => store.getState().sessionExpired());
  deps.api.onAuditWriteFailed(() => store.getState().auditWriteFailed());
  deps.api.onEnrollmentFinished((event) => store.getState().enrollmentFinished(event));
  deps.api.onStaffLocked(() => store.getState().staffLocked());
  return store;
}

export const StoreContext = createContext<StoreApi<KioskState> | null>(null);

/** Reads the store through a selector; components never take the whole state. */
export function useKiosk<T>(selector: (s: KioskState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('The kiosk store is missing.');
  return useStore(store, selector);
}
