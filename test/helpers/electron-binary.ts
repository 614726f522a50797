import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Path of the Electron binary when it is installed, else null. Reads the electron package's
 * path.txt directly: requiring `electron` from Node would try to download it.
 */
export function electronBinary(root: string = process.cwd()): string | null {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const dist = process.env['ELECTRON_OVERRIDE_DIST_PATH'] ?? join(pkg, 'dist');
  const bin = join(dist, relative);
  return existsSync(bin) ? bin : null;
}

/** Why the Electron suite cannot run here, or null when it can. */
export function electronSuiteSkipReason(): string | null {
  if (!electronBinary()) {
    return 'the Electron binary is not installed (node_modules/electron/dist); it cannot be downloaded on this machine';
  }
  if (process.platform === 'linux' && process.getuid?.() === 0) {
    return 'running as root, where Chromium needs --no-sandbox, which the kiosk refuses; run as a normal user';
  }
  if (process.platform === 'linux' && !testDisplay().DISPLAY && !testDisplay().WAYLAND_DISPLAY) {
    return 'no display (set DISPLAY, e.g. run under xvfb-run)';
  }
  return null;
}

/** The display the tests were started with (test/with-keyring.sh hides it from the keyring). */
export function testDisplay(): { DISPLAY?: string; WAYLAND_DISPLAY?: string } {
  const display = process.env['DISPLAY'] || process.env['KIOSK_TEST_DISPLAY'];
  const wayland = process.env['WAYLAND_DISPLAY'] || process.env['KIOSK_TEST_WAYLAND_DISPLAY'];
  return { ...(display ? { DISPLAY: display } : {}), ...(wayland ? { WAYLAND_DISPLAY: wayland } : {}) };
}

/**
 * The environment of a kiosk with no config file (sandbox mode), its data in a fresh folder,
 * never the developer's own config, lock or data; and the display the tests started with.
 */
export function kioskEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && k !== 'KIOSK_CONFIG' && k !== 'ELECTRON_RENDERER_URL' && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
  }
  const home = mkdtempSync(join(process.env['KIOSK_TEST_SCRATCH'] || tmpdir(), 'electron-e2e-'));
  // Chromium's fake camera, appended by main only in unpackaged builds.
  return { ...env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), KIOSK_TEST_FAKE_CAMERA: '1', ...testDisplay() };
}
