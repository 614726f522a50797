import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../main/electron/web-preferences';

describe('secureWebPreferences', () => {
  const prod = secureWebPreferences({ preload: '/app/out/preload/index.js', partition: 'kiosk-ui', devTools: false });

  it('isolates and sandboxes, with no Node and no webview', () => {
    expect(prod).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableDialogs: true,
    });
  });

  it('turns no Blink feature on and keeps DevTools off in production', () => {
    expect(prod).not.toHaveProperty('enableBlinkFeatures');
    expect(prod.disableBlinkFeatures).toBe('Auxclick');
    expect(prod).not.toHaveProperty('additionalArguments');
    expect(prod.devTools).toBe(false);
    expect(secureWebPreferences({ partition: 'p', devTools: true }).devTools).toBe(true);
  });

  it('uses an in-memory partition and the given preload; foreign-page windows get none', () => {
    expect(prod.partition).toBe('kiosk-ui');
    expect(prod.partition?.startsWith('persist:')).toBe(false);
    expect(prod.preload).toBe('/app/out/preload/index.js');
    expect(secureWebPreferences({ partition: 'p', devTools: false })).not.toHaveProperty('preload');
  });

  it('lets no option weaken the security settings', () => {
    const hostile = { partition: 'p', devTools: false, sandbox: false, nodeIntegration: true, contextIsolation: false } as Parameters<typeof secureWebPreferences>[0];
    expect(secureWebPreferences(hostile)).toMatchObject({ sandbox: true, nodeIntegration: false, contextIsolation: true });
  });
});
