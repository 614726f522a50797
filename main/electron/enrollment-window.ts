import { BrowserWindow } from 'electron';
import type { Logger } from '../log/logger';
import type { EnrollmentHint } from '../enrollment/enrollment-poll';
import type { PartitionLease } from '../enrollment/partition-pool';
import type { CameraPartition } from './camera-partitions';
import { guardEnrollmentContents } from './enrollment-guards';
import { secureWebPreferences } from './web-preferences';
import { STAFF_BAR_HEIGHT_PX as STAFF_BAR_HEIGHT } from '../../domain/ui-sizes';

export interface EnrollmentWindowOptions {
  parent: BrowserWindow;
  /** The vendor's re-enrollment page (already accepted by `acceptEnrollmentUrl`). */
  url: string;
  /** The origins whose pages the window may show and whose frames get the camera. */
  origins: readonly string[];
  /** A wiped, checked-empty camera partition from the pool, locked down to video for `origins`. */
  lease: PartitionLease<CameraPartition>;
  production: boolean;
  logger: Logger;
  /** The window side ended early; the status poll decides the outcome. */
  onHint(hint: EnrollmentHint): void;
}

export interface EnrollmentWindow {
  window: BrowserWindow;
  /** Destroys the window and wipes its partition back into the pool; awaited before the next customer. */
  close(): Promise<{ ok: boolean }>;
}

/**
 * Opens the vendor's re-enrollment page in its own child window on a pooled in-memory
 * partition: no preload, sandboxed, isolated; camera only for the allowed origins; navigation
 * only within them (guardEnrollmentContents); no new windows. Closing or a crash is reported
 * as a hint.
 */
export function openEnrollmentWindow(options: EnrollmentWindowOptions): EnrollmentWindow {
  const { production, logger, lease } = options;
  // Over the kiosk window, but below its top strip: the staff bar (time left, Cancel) stays
  // outside the vendor's page.
  const area = options.parent.getContentBounds();
  const window = new BrowserWindow({
    // A child, not modal: the kiosk window stays usable, so staff can press Cancel on its bar.
    parent: options.parent,
    modal: false,
    show: false,
    closable: false,
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    x: area.x,
    y: area.y + STAFF_BAR_HEIGHT,
    width: area.width,
    height: Math.max(200, area.height - STAFF_BAR_HEIGHT),
    autoHideMenuBar: true,
    backgroundColor: '#000000',
    webPreferences: secureWebPreferences({ partition: lease.partition, devTools: !production }),
  });
  window.once('ready-to-show', () => window.show());
  const contents = window.webContents;
  guardEnrollmentContents(contents, { origins: options.origins, production, logger, onHint: options.onHint });
  window.on('closed', () => options.onHint('window-closed'));
  // A failed first load is reported by did-fail-load (guardEnrollmentContents).
  contents.loadURL(options.url).catch(() => logger.error('the re-enrollment page did not load'));
  return { window, close: () => lease.release(window) };
}
