import { KioskError } from '../../../domain/kiosk-error';
import type { Handler } from '../handle';
import type { HandlerDeps } from './handler-deps';

/** Handlers of the `kiosk:*` channels. */
export function kioskHandlers(deps: HandlerDeps): {
  'kiosk:info': Handler<'kiosk:info'>;
  'kiosk:restart': Handler<'kiosk:restart'>;
} {
  const { config } = deps;
  let restarting = false;
  return {
    'kiosk:info': async () => ({
      mode: deps.backend,
      sandbox: deps.backend === 'sandbox',
      locale: config.locale,
      kioskId: config.kioskId,
      customerName: config.customerName,
      country: config.defaultCountry,
      idleTimeoutSeconds: config.idleTimeoutSeconds,
      staffLockSeconds: config.staffLockSeconds,
      demoStaff: await deps.demoStaff(),
      approvalRequired: [...config.approvalRequired],
      staffDirectory: config.staffDirectory.kind,
      version: deps.version,
    }),
    'kiosk:restart': async () => {
      if (!deps.restart.allowed()) {
        throw new KioskError('invalid-input', 'Restart is only offered after repeated failures.');
      }
      // Answer first, then restart (once), so the page sees its request accepted.
      if (!restarting) {
        restarting = true;
        setTimeout(() => deps.restart.run(), 50);
      }
      return { restarting: true };
    },
  };
}
