import type { WebPreferences } from 'electron';

export interface WebPreferencesOptions {
  /** Absolute path of the preload script; windows that show foreign pages get none. */
  preload?: string;
  /** Session partition. Names without `persist:` live in memory only. */
  partition: string;
  /** DevTools are available in development builds only. */
  devTools: boolean;
}

/**
 * The one source of `webPreferences` for every window of the kiosk: isolated, sandboxed, no
 * Node, no <webview>, web security on, no experimental or Blink features, no dialogs, no spell
 * checker. Callers choose only the preload, the partition and (in development) DevTools.
 */
export function secureWebPreferences(options: WebPreferencesOptions): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    // Middle-click must not open anything.
    disableBlinkFeatures: 'Auxclick',
    navigateOnDragDrop: false,
    safeDialogs: true,
    disableDialogs: true,
    spellcheck: false,
    enableWebSQL: false,
    devTools: options.devTools,
    partition: options.partition,
    ...(options.preload ? { preload: options.preload } : {}),
  };
}
