import type { InvokeChannel } from '../../domain/ipc/channels';
import type { StaffRole } from '../../domain/staff/staff-rules';
import type { StaffSession } from '../staff/staff-session';
import type { Handler, Handlers } from './handle';

/**
 * Who may use each channel: `anyone` (the kiosk's own state, unlocking, locking, dropping data);
 * `staff` (an unlocked staff member: everything about customers); `supervisor` (signing the
 * kiosk in to and out of the vendor). Main enforces it: a renderer that skips the unlock
 * screen gets `locked`.
 */
export const CHANNEL_ACCESS: Record<InvokeChannel, 'anyone' | StaffRole> = {
  'kiosk:info': 'anyone',
  'kiosk:restart': 'anyone',
  'session:state': 'anyone',
  'staff:state': 'anyone',
  'staff:unlock': 'anyone',
  'staff:lock': 'anyone',
  'staff:activity': 'anyone',
  // It only drops data; the wipe that follows a lock sends it when nobody is unlocked.
  'profile:forget': 'anyone',
  'session:sign-in': 'supervisor',
  'session:sign-out': 'supervisor',
  'profile:lookup': 'operator',
  'profile:check-user-name': 'operator',
  'profile:update': 'operator',
  'profile:reconcile': 'operator',
  // The requester is the staff member at the kiosk; the approver proves themselves in the request.
  'approval:request': 'operator',
  'enrollment:camera-check': 'operator',
  'enrollment:start': 'operator',
  'enrollment:cancel': 'operator',
};

/** Puts the access policy in front of every handler; a request let through counts as staff activity. */
export function guardHandlers(handlers: Handlers, staff: Pick<StaffSession, 'require' | 'touch'>): Handlers {
  const guarded = {} as Record<InvokeChannel, Handler<InvokeChannel>>;
  for (const channel of Object.keys(handlers) as InvokeChannel[]) {
    const handler = handlers[channel] as Handler<InvokeChannel>;
    const access = CHANNEL_ACCESS[channel];
    guarded[channel] =
      access === 'anyone'
        ? handler
        : async (request) => {
            staff.require(access === 'supervisor' ? 'supervisor' : undefined);
            staff.touch();
            return handler(request);
          };
  }
  return guarded as Handlers;
}
