import type { KioskApi } from '../../domain/ipc/contract';

declare global {
  interface Window {
    /** The preload's bridge to the main process; the only way the UI reaches it. */
    readonly kiosk: KioskApi;
  }
}

export {};
