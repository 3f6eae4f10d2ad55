import path from "node:path";
import {
  app,
  globalShortcut,
  ipcMain,
  net,
  Notification,
  safeStorage,
  session,
  shell,
} from "electron";
import type { BrowserWindow, Tray } from "electron";

import type { QuickLogRequest } from "../preload-api";
import { registerIpcHandlers } from "./ipc/ipc-handlers";
import type { Logger } from "./log";
import { createNotifier } from "./notifications/notifier";
import {
  originOf,
  RENDERER_ORIGIN,
  RENDERER_START_URL,
  SETUP_START_URL,
} from "./security/app-origins";
import { handleAppProtocol, registerAppScheme } from "./security/app-protocol";
import { guardNavigation } from "./security/navigation";
import { installPermissionHandlers } from "./security/permissions";
import { checkServerIsReachable } from "./server/server-check";
import { serverOriginOf } from "./server/server-url";
import { openSettingsStore } from "./settings/settings-store";
import type { SettingsStore } from "./settings/settings-store";
import { openTokenStore } from "./tokens/token-store";
import { createAppTray, deliverQuickLog } from "./tray/app-tray";
import { QUICK_LOG_SHORTCUT } from "./tray/quick-log";
import { startUpdates } from "./updates/start-updates";
import { bringToFront, createMainWindow } from "./window/main-window";

export const APP_USER_MODEL_ID = "org.fitcoach.desktop";

/** Handles of a running desktop app, returned for tests and for shutdown. */
export interface DesktopApp {
  window: BrowserWindow;
  tray: Tray;
  sendQuickLog(request: QuickLogRequest): void;
}

/**
 * Does the work Electron allows only before "ready": the single-instance lock, sandboxing of every
 * renderer, the app scheme, and the navigation guard on every future web contents. Returns false
 * when another instance already runs, so this one should exit.
 */
export function prepareDesktopApp(log: Logger): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }

  app.enableSandbox();
  registerAppScheme();
  app.on("web-contents-created", (_event, contents) => {
    guardNavigation(contents, {
      openExternal: (url) => shell.openExternal(url),
      onBlocked: ({ kind, url }) => log.warn({ kind, origin: originOf(url) }, "blocked navigation"),
    });
  });
  return true;
}

/** Starts the app once Electron is ready: stores, protocol, window, IPC, tray, shortcut, updates. */
export function startDesktopApp(log: Logger): DesktopApp {
  const userDataPath = app.getPath("userData");
  const distPath = path.join(app.getAppPath(), "dist");
  const iconPath = path.join(distPath, "assets", "app-icon.png");
  const settings = openSettingsStore(path.join(userDataPath, "settings.json"), log);
  const tokenStore = openTokenStore({
    filePath: path.join(userDataPath, "tokens.json"),
    safeStorage,
    platform: process.platform,
    log,
  });
  let isQuitting = false;
  if (process.platform === "win32") app.setAppUserModelId(APP_USER_MODEL_ID);

  secureDefaultSession(distPath, settings, log);
  const window = createMainWindow({
    preloadPath: path.join(distPath, "preload.cjs"),
    iconPath,
    isPackaged: app.isPackaged,
    settings,
    shouldQuitOnClose: () => isQuitting,
  });
  window.webContents.on("render-process-gone", (_event, details) => {
    log.error({ reason: details.reason, exitCode: details.exitCode }, "renderer process gone");
  });
  function loadPage(url: string): void {
    window
      .loadURL(url)
      .catch((error: unknown) => log.error({ err: error, url }, "page load failed"));
  }
  function showStartPage(): void {
    loadPage(settings.read().serverUrl === null ? SETUP_START_URL : RENDERER_START_URL);
  }

  const notify = createNotifier({
    createNotification: (options) => new Notification(options),
    isSupported: () => Notification.isSupported(),
    iconPath,
    onClick: () => bringToFront(window),
  });
  registerIpcHandlers(ipcMain, {
    settings,
    tokenStore,
    notify,
    checkServer: (serverUrl) =>
      checkServerIsReachable(serverUrl, (url, init) => net.fetch(url, init)),
    onServerUrlSaved({ isChanged, fromOrigin }) {
      // A new server means a new connect-src, which only a fresh page load picks up.
      if (isChanged || fromOrigin !== RENDERER_ORIGIN) showStartPage();
    },
    isAppContents: (contents) => !window.isDestroyed() && contents.id === window.webContents.id,
    log,
  });

  let installUpdate = (): void => undefined;
  const sendQuickLog = (request: QuickLogRequest): void => deliverQuickLog(window, request);
  const trayIconName = process.platform === "darwin" ? "tray-iconTemplate.png" : "tray-icon.png";
  const appTray = createAppTray(path.join(distPath, "assets", trayIconName), window, {
    openWindow: () => bringToFront(window),
    quickLog: sendQuickLog,
    changeServer() {
      loadPage(SETUP_START_URL);
      bringToFront(window);
    },
    installUpdate: () => installUpdate(),
    quit: () => app.quit(),
  });
  registerQuickLogShortcut(sendQuickLog, log);

  app.on("before-quit", () => {
    isQuitting = true;
  });
  app.on("second-instance", () => bringToFront(window));
  app.on("activate", () => bringToFront(window));

  if (app.isPackaged) {
    startUpdates({
      log,
      onUpdateReady(version, install) {
        installUpdate = () => {
          // On macOS the updater closes the windows before "before-quit", so the close handler
          // must already know that the app is quitting.
          isQuitting = true;
          install();
        };
        appTray.showUpdateReady();
        notify({ title: "FitCoach update ready", body: `Restart FitCoach to install ${version}.` });
      },
    });
  }

  showStartPage();
  return { window, tray: appTray.tray, sendQuickLog };
}

/** Installs the permission handlers and the app scheme on the session all windows share. */
function secureDefaultSession(distPath: string, settings: SettingsStore, log: Logger): void {
  installPermissionHandlers(session.defaultSession, (permission) => {
    log.info({ permission }, "permission denied");
  });
  handleAppProtocol(session.defaultSession, {
    rendererRoot: path.join(distPath, "renderer"),
    setupRoot: path.join(distPath, "setup"),
    currentServerOrigin() {
      const { serverUrl } = settings.read();
      return serverUrl === null ? null : serverOriginOf(serverUrl);
    },
  });
}

function registerQuickLogShortcut(send: (request: QuickLogRequest) => void, log: Logger): void {
  const isRegistered = globalShortcut.register(QUICK_LOG_SHORTCUT, () => {
    send({ action: "open-quick-log" });
  });
  if (!isRegistered) {
    log.warn({ shortcut: QUICK_LOG_SHORTCUT }, "quick-log shortcut taken by another app");
  }
  app.on("will-quit", () => globalShortcut.unregisterAll());
}
