import type { Handlers } from '../handle';
import type { HandlerDeps } from './handler-deps';
import { enrollmentHandlers } from './enrollment-handlers';
import { kioskHandlers } from './kiosk-handlers';
import { profileHandlers } from './profile-handlers';
import { sessionHandlers } from './session-handlers';

export type { HandlerDeps } from './handler-deps';

/** Every handler of the contract, built over plain services. */
export function createHandlers(deps: HandlerDeps): Handlers {
  return { ...sessionHandlers(deps), ...profileHandlers(deps), ...enrollmentHandlers(deps), ...kioskHandlers(deps) };
}
