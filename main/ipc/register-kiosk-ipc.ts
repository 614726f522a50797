import type { KioskCore } from '../core/kiosk-core';
import { registerHandlers, type IpcRegistry, type SenderInfo } from './handle';
import { createHandlers, type HandlerDeps } from './handlers';

export interface KioskIpcOptions {
  /** The sender check every request passes first (the kiosk window's top frame). */
  isTrustedSender: (sender: SenderInfo) => boolean;
  /** The app's version, for `kiosk:info`. */
  version: string;
  /** App restart, offered only on the fallback screen after repeated crashes. */
  restart: HandlerDeps['restart'];
}

/**
 * Registers every IPC handler of the contract over the core's services and workflows, each
 * behind the sender check. Used by the app (with ipcMain's adapter) and the test harness (with
 * a fake registry); kioskctl has no IPC and does not load the handlers.
 */
export function registerKioskIpc(core: KioskCore, registry: IpcRegistry, options: KioskIpcOptions): void {
  const { services, logger } = core;
  const handlers = createHandlers({
    session: services.session,
    staff: core.staff,
    demoStaff: core.demoStaff,
    approvals: core.approvals,
    audit: core.audit,
    profile: services.profile,
    updates: core.updates,
    journal: core.journal,
    enrollment: core.enrollment,
    logger,
    config: core.config,
    backend: core.backend.kind,
    version: options.version,
    restart: options.restart,
  });
  registerHandlers(registry, handlers, { isTrustedSender: options.isTrustedSender, logger });
}
