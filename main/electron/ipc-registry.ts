import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { IpcRegistry, SenderInfo } from '../ipc/handle';

/**
 * Reads who sent an invoke: web contents id, whether it is the top frame, and its URL. A frame
 * or window that is already gone can make these reads throw: such a sender is untrusted.
 */
function senderInfo(event: IpcMainInvokeEvent): SenderInfo {
  try {
    const frame = event.senderFrame;
    const main = event.sender.mainFrame;
    const isMainFrame =
      frame !== null && frame.parent === null && frame.processId === main.processId && frame.routingId === main.routingId;
    return { webContentsId: event.sender.id, isMainFrame, frameUrl: frame?.url ?? '' };
  } catch {
    return { webContentsId: -1, isMainFrame: false, frameUrl: '' };
  }
}

/** The thin adapter from `ipcMain.handle` to the typed registry the handlers are written for. */
export function electronIpcRegistry(ipcMain: IpcMain): IpcRegistry {
  return {
    handle(channel, listener) {
      ipcMain.removeHandler(channel);
      ipcMain.handle(channel, (event, ...args: unknown[]) => listener(senderInfo(event), args));
    },
  };
}
