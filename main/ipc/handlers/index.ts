import type { Handlers } from '../handle';
import type { HandlerDeps } from './handler-deps';
import { enrollmentHandlers } from './enrollment-handlers';
import { kioskHandlers } from './kiosk-handlers';
import { profileHandlers } from './profile-handlers';
import { sessionHandlers } from './session-handlers';
import { staffHandlers } from './staff-handlers';
import { approvalHandlers } from './approval-handlers';
import { guardHandlers } from '../access-policy';

export type { HandlerDeps } from './handler-deps';

/** Every handler of the contract, built over plain services, behind the staff access policy. */
export function createHandlers(deps: HandlerDeps): Handlers {
  return guardHandlers({ ...sessionHandlers(deps), ...staffHandlers(deps), ...profileHandlers(deps), ...approvalHandlers(deps), ...enrollmentHandlers(deps), ...kioskHandlers(deps) }, deps.staff);
}
