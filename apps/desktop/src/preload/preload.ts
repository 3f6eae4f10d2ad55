// Runs in every app window before its page, sandboxed, with context isolation. It exposes only the
// functions below. The page gets no reference to ipcRenderer, so it can reach no other IPC channel.
import { contextBridge, ipcRenderer } from "electron";

import type {
  DesktopNotification,
  DesktopTokenName,
  FitcoachDesktopApi,
  QuickLogRequest,
  ServerUrlResult,
} from "../preload-api";
import { IPC_CHANNELS, QUICK_LOG_BUFFER_SIZE } from "../shared/ipc-channels";

const listeners = new Set<(request: QuickLogRequest) => void>();
const pending: QuickLogRequest[] = [];

ipcRenderer.on(IPC_CHANNELS.quickLog, (_event, request: QuickLogRequest) => {
  if (listeners.size === 0) {
    if (pending.length < QUICK_LOG_BUFFER_SIZE) pending.push(request);
    return;
  }
  for (const listener of listeners) listener(request);
});

const api: FitcoachDesktopApi = {
  apiVersion: 1,
  getServerUrl: (): Promise<string | null> => ipcRenderer.invoke(IPC_CHANNELS.getServerUrl),
  setServerUrl: (url: string): Promise<ServerUrlResult> =>
    ipcRenderer.invoke(IPC_CHANNELS.setServerUrl, url),
  tokenStore: {
    get: (name: DesktopTokenName): Promise<string | null> =>
      ipcRenderer.invoke(IPC_CHANNELS.getToken, name),
    set: (name: DesktopTokenName, value: string): Promise<void> =>
      ipcRenderer.invoke(IPC_CHANNELS.setToken, name, value),
    clear: (name: DesktopTokenName): Promise<void> =>
      ipcRenderer.invoke(IPC_CHANNELS.clearToken, name),
    isPersistent: (): Promise<boolean> => ipcRenderer.invoke(IPC_CHANNELS.isTokenStorePersistent),
  },
  notify: (notification: DesktopNotification): Promise<boolean> =>
    ipcRenderer.invoke(IPC_CHANNELS.notify, {
      title: notification.title,
      body: notification.body,
    }),
  onQuickLog(listener: (request: QuickLogRequest) => void): () => void {
    if (typeof listener !== "function") throw new TypeError("onQuickLog needs a function.");
    listeners.add(listener);
    for (const request of pending.splice(0)) listener(request);
    return () => {
      listeners.delete(listener);
    };
  },
};

contextBridge.exposeInMainWorld("fitcoachDesktop", api);
