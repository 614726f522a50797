import type { Handler } from '../handle';
import type { HandlerDeps } from './handler-deps';

/** Handlers of the `enrollment:*` channels: camera check, start, staff cancel. */
export function enrollmentHandlers(deps: HandlerDeps): {
  'enrollment:camera-check': Handler<'enrollment:camera-check'>;
  'enrollment:start': Handler<'enrollment:start'>;
  'enrollment:cancel': Handler<'enrollment:cancel'>;
} {
  return {
    'enrollment:camera-check': async () => ({ camera: await deps.enrollment.checkCamera() }),
    'enrollment:start': async ({ updateId }) => deps.enrollment.start(updateId),
    'enrollment:cancel': async ({ reason }) => {
      deps.enrollment.cancel(reason === 'camera-problem' ? 'camera-error' : 'cancelled');
      return { cancelling: true };
    },
  };
}
