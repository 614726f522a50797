import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildKioskApi } from './build-api';

// Runs sandboxed: only `contextBridge` and `ipcRenderer` are used, and neither is exposed.
contextBridge.exposeInMainWorld(
  'kiosk',
  buildKioskApi({
    invoke: (channel, request) => ipcRenderer.invoke(channel, request),
    subscribe: (channel, listener) => {
      const handler = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
      ipcRenderer.on(channel, handler);
      return () => {
        ipcRenderer.removeListener(channel, handler);
      };
    },
  }),
);
