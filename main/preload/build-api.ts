import type { Result } from '../../domain/kiosk-error';
import type { EventChannel, InvokeChannel } from '../../domain/ipc/channels';
import type { EventPayloads, KioskApi, RequestOf, ResponseOf } from '../../domain/ipc/contract';

/** The two things the API needs from `ipcRenderer`, so it can be built and tested without Electron. */
export interface PreloadBridge {
  invoke(channel: string, request: unknown): Promise<unknown>;
  /** Subscribes to a push channel; the listener gets the payload only, never the IPC event. */
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}

const UNREACHABLE: Result<never> = {
  ok: false,
  error: { code: 'internal', message: 'The kiosk could not reach its main process. Please try again.' },
};

/**
 * Builds `window.kiosk`: one function per contract channel and one subscribe function per push
 * channel, typed against the contract (a missing or extra method does not compile). No
 * generic invoke, no `ipcRenderer`, no event objects; every call resolves to a `Result`.
 */
export function buildKioskApi(bridge: PreloadBridge): KioskApi {
  function call<C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
    return bridge.invoke(channel, request).then(
      (r) => r as Result<ResponseOf<C>>,
      () => UNREACHABLE,
    );
  }
  function on<E extends EventChannel>(channel: E, listener: (payload: EventPayloads[E]) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('A listener function is required.');
    return bridge.subscribe(channel, (payload) => listener(payload as EventPayloads[E]));
  }
  const api: KioskApi = {
    signIn: (request) => call('session:sign-in', request),
    signOut: () => call('session:sign-out', {}),
    sessionState: () => call('session:state', {}),
    staffState: () => call('staff:state', {}),
    unlock: (request) => call('staff:unlock', request),
    lock: () => call('staff:lock', {}),
    staffActivity: () => call('staff:activity', {}),
    lookupProfile: (request) => call('profile:lookup', request),
    checkUserName: (request) => call('profile:check-user-name', request),
    updateProfile: (request) => call('profile:update', request),
    reconcileUpdate: (request) => call('profile:reconcile', request),
    forgetCustomer: () => call('profile:forget', {}),
    requestApproval: (request) => call('approval:request', request),
    checkCamera: () => call('enrollment:camera-check', {}),
    startEnrollment: (request) => call('enrollment:start', request),
    cancelEnrollment: (request) => call('enrollment:cancel', request),
    kioskInfo: () => call('kiosk:info', {}),
    restartKiosk: () => call('kiosk:restart', {}),
    onSessionExpired: (listener) => on('session:expired', listener),
    onAuditWriteFailed: (listener) => on('audit:write-failed', listener),
    onEnrollmentFinished: (listener) => on('enrollment:finished', listener),
    onStaffLocked: (listener) => on('staff:locked', listener),
  };
  return Object.freeze(api);
}
