import { BrowserWindow } from 'electron';
import type { CameraState } from '../enrollment/enrollment-controller';
import type { PartitionLease, PartitionPool } from '../enrollment/partition-pool';
import type { Logger } from '../log/logger';
import type { CameraPartition } from './camera-partitions';
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
 * Opens the camera once, in a hidden window on the camera check's own pooled partition where
 * only the app's blank check page may use video, and closes it again: is a camera there, and
 * free? The partition is wiped and checked empty after every check. The kiosk UI's own session
 * never gets the camera.
 */
export async function checkCamera(options: { appOrigin: string; pool: PartitionPool<CameraPartition>; logger: Logger; timeoutMs?: number }): Promise<CameraState> {
  let lease: PartitionLease<CameraPartition>;
  try {
    lease = await options.pool.acquire();
  } catch {
    options.logger.warn('camera check could not get a clean partition');
    return 'error';
  }
  let window: BrowserWindow | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    window = new BrowserWindow({ show: false, webPreferences: secureWebPreferences({ partition: lease.partition, devTools: false }) });
    await window.webContents.loadURL(`${options.appOrigin}/camera-check.html`);
    const result = await Promise.race([
      window.webContents.executeJavaScript(CHECK, true) as Promise<string>,
      new Promise<string>((resolve) => (timer = setTimeout(() => resolve('Timeout'), options.timeoutMs ?? 10_000))),
    ]);
    return cameraStateOf(String(result));
  } catch {
    options.logger.warn('camera check failed');
    return 'error';
  } finally {
    clearTimeout(timer);
    await lease.release(window);
  }
}
