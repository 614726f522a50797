import type { Handler } from '../handle';
import type { HandlerDeps } from './handler-deps';

/** Handlers of the `session:*` channels. The password is passed on once and never kept. */
export function sessionHandlers(deps: HandlerDeps): {
  'session:sign-in': Handler<'session:sign-in'>;
  'session:sign-out': Handler<'session:sign-out'>;
  'session:state': Handler<'session:state'>;
} {
  return {
    'session:sign-in': async ({ password }) => {
      await deps.session.signIn(password);
      return { signedIn: true };
    },
    'session:sign-out': async () => {
      await deps.enrollment.abort();
      deps.journal.clear();
      return deps.session.signOut();
    },
    'session:state': async () => deps.session.state(),
  };
}
