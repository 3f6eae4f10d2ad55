import type {
  DesktopNotification,
  DesktopTokenName,
  FitcoachDesktopApi,
  QuickLogRequest,
} from "../desktop/desktop-api";

/** Stand-in for the desktop shell's preload API, which only exists inside Electron. */
export interface FakeDesktop {
  api: FitcoachDesktopApi;
  /** Current keychain contents. */
  keychain: Map<DesktopTokenName, string>;
  /** Every keychain write, in order, as "set name" or "clear name". */
  keychainWrites: string[];
  notifications: DesktopNotification[];
  /** Delivers a tray or shortcut request to the listeners, as the shell does. */
  sendQuickLog(request: QuickLogRequest): void;
}

export function createFakeDesktop(
  options: { serverUrl?: string | null; tokens?: Partial<Record<DesktopTokenName, string>> } = {},
): FakeDesktop {
  const keychain = new Map(Object.entries(options.tokens ?? {})) as Map<DesktopTokenName, string>;
  const keychainWrites: string[] = [];
  const notifications: DesktopNotification[] = [];
  const listeners = new Set<(request: QuickLogRequest) => void>();

  const api: FitcoachDesktopApi = {
    apiVersion: 1,
    getServerUrl: async () => options.serverUrl ?? null,
    setServerUrl: async () => ({ ok: false, reason: "The fake shell cannot change servers." }),
    tokenStore: {
      get: async (name) => keychain.get(name) ?? null,
      async set(name, value) {
        keychainWrites.push(`set ${name}`);
        keychain.set(name, value);
      },
      async clear(name) {
        keychainWrites.push(`clear ${name}`);
        keychain.delete(name);
      },
      isPersistent: async () => true,
    },
    async notify(notification) {
      notifications.push(notification);
      return true;
    },
    onQuickLog(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };

  return {
    api,
    keychain,
    keychainWrites,
    notifications,
    sendQuickLog: (request) => listeners.forEach((listener) => listener(request)),
  };
}
