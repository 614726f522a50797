import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { IpcRegistry, SenderInfo } from './handle';

/** Reads who sent an invoke: web contents id, whether it is the top frame, and its URL. */
function senderInfo(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame;
  const main = event.sender.mainFrame;
  const isMainFrame =
    frame !== null && frame.parent === null && frame.processId === main.processId && frame.routingId === main.routingId;
  return { webContentsId: event.sender.id, isMainFrame, frameUrl: frame?.url ?? '' };
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
