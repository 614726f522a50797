import { randomUUID } from 'node:crypto';
import { BrowserWindow, session as electronSession } from 'electron';
import type { CameraState } from '../enrollment/enrollment-controller';
import { resetEnrollment } from '../enrollment/enrollment-reset';
import type { Logger } from '../log/logger';
import type { AppFileServer } from '../windows/app-files';
import { handleAppProtocol } from './app-protocol';
import { lockDownToVideo } from './video-only-session';
import { secureWebPreferences } from './web-preferences';

const CHECK = `navigator.mediaDevices.getUserMedia({ video: true, audio: false }).then(
  (s) => { for (const t of s.getTracks()) t.stop(); return 'ready'; },
  (e) => (e && e.name) || 'Error')`;

/** Maps a getUserMedia error name to what staff are told. */
export function cameraStateOf(result: string): CameraState {
  switch (result) {
    case 'ready':
      return 'ready';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'missing';
    case 'NotReadableError':
    case 'AbortError':
      return 'busy';
    case 'NotAllowedError':
    case 'SecurityError':
      return 'blocked';
    default:
      return 'error';
  }
}

/**
 * Opens the camera once, in a hidden window on its own throw-away partition where only the
 * app's blank check page may use video, and closes it again: is a camera there, and free?
 * The kiosk UI's own session never gets the camera.
 */
export async function checkCamera(options: { appOrigin: string; files: AppFileServer; logger: Logger; timeoutMs?: number }): Promise<CameraState> {
  const partition = `camcheck-${randomUUID()}`;
  const ses = electronSession.fromPartition(partition);
  handleAppProtocol(ses, options.files);
  lockDownToVideo(ses, options.appOrigin, options.logger);
  const window = new BrowserWindow({ show: false, webPreferences: secureWebPreferences({ partition, devTools: false }) });
  try {
    await window.webContents.loadURL(`${options.appOrigin}/camera-check.html`);
    const result = await Promise.race([
      window.webContents.executeJavaScript(CHECK, true) as Promise<string>,
      new Promise<string>((resolve) => setTimeout(() => resolve('Timeout'), options.timeoutMs ?? 10_000)),
    ]);
    return cameraStateOf(String(result));
  } catch {
    options.logger.warn('camera check failed');
    return 'error';
  } finally {
    await resetEnrollment(window, ses, options.logger);
  }
}
