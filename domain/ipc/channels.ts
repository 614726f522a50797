// The channel tables, with nothing else: the preload imports this file (and types only from
// the contract) so that no schema library ends up in the preload bundle.

/** Request/response channels (renderer → main), each with its method name on `window.kiosk`. */
export const INVOKE_CHANNELS = {
  'session:sign-in': 'signIn',
  'session:sign-out': 'signOut',
  'session:state': 'sessionState',
  'staff:state': 'staffState',
  'staff:unlock': 'unlock',
  'staff:lock': 'lock',
  'staff:activity': 'staffActivity',
  'profile:lookup': 'lookupProfile',
  'profile:check-user-name': 'checkUserName',
  'profile:update': 'updateProfile',
  'profile:reconcile': 'reconcileUpdate',
  'profile:forget': 'forgetCustomer',
  'approval:request': 'requestApproval',
  'enrollment:camera-check': 'checkCamera',
  'enrollment:start': 'startEnrollment',
  'enrollment:cancel': 'cancelEnrollment',
  'kiosk:info': 'kioskInfo',
  'kiosk:restart': 'restartKiosk',
} as const;

/** Push channels (main → renderer), each with its subscribe method on `window.kiosk`. */
export const EVENT_CHANNELS = {
  'session:expired': 'onSessionExpired',
  'audit:write-failed': 'onAuditWriteFailed',
  'enrollment:finished': 'onEnrollmentFinished',
  'staff:locked': 'onStaffLocked',
} as const;

export type InvokeChannel = keyof typeof INVOKE_CHANNELS;
export type EventChannel = keyof typeof EVENT_CHANNELS;
