// Stand-in for the "electron" module in unit tests, where no Electron binary exists. Each API the
// desktop code uses does the plain part of the job here, such as storing a handler or returning a
// value. It also records what the code requested in `standIn`, so tests can assert on it.
import { EventEmitter } from "node:events";
import type { BrowserWindowConstructorOptions } from "electron";

type Listener = (...args: never[]) => unknown;
type EmitterListener = Parameters<EventEmitter["on"]>[1];
type RendererListener = (event: unknown, ...args: unknown[]) => void;

/** Menu item as the code under test builds it, without Electron's types. */
export interface StandInMenuItem {
  label?: string;
  type?: string;
  visible?: boolean;
  click?: () => void;
}

class Emitter {
  readonly events = new EventEmitter();
  on(event: string, listener: Listener): this {
    this.events.on(event, listener as EmitterListener);
    return this;
  }
  once(event: string, listener: Listener): this {
    this.events.once(event, listener as EmitterListener);
    return this;
  }
  emit(event: string, ...args: unknown[]): boolean {
    return this.events.emit(event, ...args);
  }
  listenerCount(event: string): number {
    return this.events.listenerCount(event);
  }
}

/** Event object passed to Electron-style listeners; records whether preventDefault ran. */
export class StandInEvent {
  defaultPrevented = false;
  constructor(fields: Record<string, unknown> = {}) {
    Object.assign(this, fields);
  }
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

let nextContentsId = 1;

export class StandInWebContents extends Emitter {
  readonly id = nextContentsId++;
  url = "";
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly sent: { channel: string; args: unknown[] }[] = [];

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  getURL(): string {
    return this.url;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
}

export class BrowserWindow extends Emitter {
  readonly webContents = new StandInWebContents();
  readonly loadedUrls: string[] = [];
  isVisible = false;
  maximized = false;
  minimized = false;
  destroyed = false;
  focusCount = 0;
  bounds: { x: number; y: number; width: number; height: number };

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    this.bounds = {
      x: options.x ?? 100,
      y: options.y ?? 100,
      width: options.width ?? 800,
      height: options.height ?? 600,
    };
    standIn.windows.push(this);
    app.emit("web-contents-created", new StandInEvent(), this.webContents);
  }
  static getAllWindows(): BrowserWindow[] {
    return standIn.windows.filter((window) => !window.destroyed);
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    this.webContents.url = url;
  }
  show(): void {
    this.isVisible = true;
  }
  hide(): void {
    this.isVisible = false;
  }
  focus(): void {
    this.focusCount++;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return { ...this.bounds };
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Runs the close listeners like Electron does and closes unless one prevented it. */
  close(): StandInEvent {
    const event = new StandInEvent();
    this.emit("close", event);
    if (!event.defaultPrevented) this.destroyed = true;
    return event;
  }
}

class StandInApp extends Emitter {
  isPackaged = false;
  hasSingleInstanceLock = true;
  sandboxEnabled = false;
  quitCalls = 0;
  appUserModelId: string | null = null;
  paths: Record<string, string> = {};
  appPath = "/stand-in/app";

  requestSingleInstanceLock(): boolean {
    return this.hasSingleInstanceLock;
  }
  enableSandbox(): void {
    this.sandboxEnabled = true;
  }
  quit(): void {
    this.quitCalls++;
  }
  exit(): void {
    this.quitCalls++;
  }
  getPath(name: string): string {
    const found = this.paths[name];
    if (found === undefined) throw new TypeError(`The stand-in app has no path "${name}".`);
    return found;
  }
  getAppPath(): string {
    return this.appPath;
  }
  getVersion(): string {
    return "1.0.0";
  }
  setAppUserModelId(id: string): void {
    this.appUserModelId = id;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
}

export const app = new StandInApp();

export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    standIn.privilegedSchemes.push(...schemes);
  },
};

type ProtocolHandler = (request: Request) => Promise<Response> | Response;
type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string },
) => void;

type PermissionCheckHandler = (
  contents: unknown,
  permission: string,
  requestingOrigin: string,
) => boolean;
type DevicePermissionHandler = (details: unknown) => boolean;

const defaultSession = {
  protocol: {
    handle(scheme: string, handler: ProtocolHandler): void {
      standIn.protocolHandlers.set(scheme, handler);
    },
  },
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    standIn.permissionRequestHandler = handler;
  },
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    standIn.permissionCheckHandler = handler;
  },
  setDevicePermissionHandler(handler: DevicePermissionHandler): void {
    standIn.devicePermissionHandler = handler;
  },
};

export const session = { defaultSession };

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

export const ipcMain = {
  handle(channel: string, handler: InvokeHandler): void {
    if (standIn.ipcHandlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    standIn.ipcHandlers.set(channel, handler);
  },
};

export const ipcRenderer = {
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    standIn.rendererInvocations.push({ channel, args });
    return Promise.resolve(standIn.invokeResult);
  },
  on(channel: string, listener: RendererListener): void {
    standIn.rendererListeners.set(channel, listener);
  },
};

export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown): void {
    standIn.exposedInMainWorld.set(key, api);
  },
};

export const shell = {
  async openExternal(url: string): Promise<void> {
    standIn.openedExternal.push(url);
  },
};

/** Reversible scrambling in place of OS encryption; the output never equals the input. */
function scramble(bytes: Buffer): Buffer {
  return Buffer.from(bytes.map((byte) => byte ^ 0x5a));
}

export const safeStorage = {
  isEncryptionAvailable: (): boolean => standIn.isEncryptionAvailable,
  getSelectedStorageBackend: (): string => standIn.storageBackend,
  encryptString(text: string): Buffer {
    return Buffer.concat([Buffer.from("v10"), scramble(Buffer.from(text, "utf8"))]);
  },
  decryptString(encrypted: Buffer): string {
    if (encrypted.subarray(0, 3).toString() !== "v10" || standIn.isKeychainReset) {
      throw new Error(
        "Error while decrypting the ciphertext provided to safeStorage.decryptString.",
      );
    }
    return scramble(encrypted.subarray(3)).toString("utf8");
  },
};

export class Notification extends Emitter {
  static isSupported(): boolean {
    return standIn.areNotificationsSupported;
  }
  isShown = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    standIn.notifications.push(this);
  }
  show(): void {
    this.isShown = true;
  }
}

export class Tray extends Emitter {
  toolTip = "";
  contextMenu: { template: StandInMenuItem[] } | null = null;
  constructor(readonly iconPath: string) {
    super();
    standIn.trays.push(this);
  }
  setToolTip(text: string): void {
    this.toolTip = text;
  }
  setContextMenu(menu: { template: StandInMenuItem[] }): void {
    this.contextMenu = menu;
  }
}

export const Menu = {
  buildFromTemplate(template: StandInMenuItem[]): { template: StandInMenuItem[] } {
    return { template };
  },
};

export const globalShortcut = {
  register(accelerator: string, callback: () => void): boolean {
    if (standIn.takenShortcuts.has(accelerator)) return false;
    standIn.shortcuts.set(accelerator, callback);
    return true;
  },
  unregisterAll(): void {
    standIn.shortcuts.clear();
  },
};

export const screen = {
  getAllDisplays: (): { workArea: { x: number; y: number; width: number; height: number } }[] =>
    standIn.workAreas.map((workArea) => ({ workArea })),
};

export const net = {
  fetch: (url: string, init?: RequestInit): Promise<Response> => standIn.fetch(url, init),
};

function freshRecords() {
  return {
    windows: [] as BrowserWindow[],
    trays: [] as Tray[],
    notifications: [] as Notification[],
    privilegedSchemes: [] as unknown[],
    protocolHandlers: new Map<string, ProtocolHandler>(),
    permissionRequestHandler: null as PermissionRequestHandler | null,
    permissionCheckHandler: null as PermissionCheckHandler | null,
    devicePermissionHandler: null as DevicePermissionHandler | null,
    ipcHandlers: new Map<string, InvokeHandler>(),
    rendererInvocations: [] as { channel: string; args: unknown[] }[],
    rendererListeners: new Map<string, RendererListener>(),
    invokeResult: undefined as unknown,
    exposedInMainWorld: new Map<string, unknown>(),
    openedExternal: [] as string[],
    shortcuts: new Map<string, () => void>(),
    takenShortcuts: new Set<string>(),
    isEncryptionAvailable: true,
    isKeychainReset: false,
    storageBackend: "gnome_libsecret",
    areNotificationsSupported: true,
    workAreas: [{ x: 0, y: 0, width: 1920, height: 1080 }],
    fetch: (url: string, init?: RequestInit): Promise<Response> => globalThis.fetch(url, init),
  };
}

/** Everything the code under test asked of Electron, plus switches for the stand-in's behaviour. */
export const standIn = {
  ...freshRecords(),
  /** Clears the records and the app's listeners; call it before each test. */
  reset(): void {
    Object.assign(standIn, freshRecords());
    app.events.removeAllListeners();
    app.isPackaged = false;
    app.hasSingleInstanceLock = true;
    app.sandboxEnabled = false;
    app.quitCalls = 0;
    app.paths = {};
  },
};

export default {
  app,
  BrowserWindow,
  contextBridge,
  globalShortcut,
  ipcMain,
  ipcRenderer,
  Menu,
  net,
  Notification,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  Tray,
};
