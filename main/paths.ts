import { homedir } from 'node:os';
import { join } from 'node:path';

/** Folder name of the kiosk's data, the same for the app and kioskctl. */
export const APP_DIR_NAME = 'enrollment-kiosk';

/**
 * The user-data folder as Electron computes it for an app of this name (Linux: XDG config
 * home; macOS: Application Support; Windows: APPDATA), so kioskctl reads the same config.
 */
export function defaultUserDataDir(
  env: Readonly<Record<string, string | undefined>> = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return join(env['XDG_CONFIG_HOME'] || join(home, '.config'), APP_DIR_NAME);
}
