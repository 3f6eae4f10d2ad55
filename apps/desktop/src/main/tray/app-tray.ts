import { Menu, Tray } from "electron";
import type { BrowserWindow } from "electron";

import type { QuickLogRequest } from "../../preload-api";
import { IPC_CHANNELS } from "../../shared/ipc-channels";
import { originOf, RENDERER_ORIGIN } from "../security/app-origins";
import { bringToFront } from "../window/main-window";
import { buildTrayMenu } from "./quick-log";
import type { TrayMenuActions } from "./quick-log";

/**
 * Hands a tray or shortcut request to the web app. Adding water happens in the background, while
 * the quick log needs the window. Until a server is chosen the window shows the first-run page,
 * which has nothing to log, so the window comes to the front instead.
 */
export function deliverQuickLog(window: BrowserWindow, request: QuickLogRequest): void {
  const isWebAppShown = originOf(window.webContents.getURL()) === RENDERER_ORIGIN;
  if (!isWebAppShown || request.action === "open-quick-log") bringToFront(window);
  if (isWebAppShown) window.webContents.send(IPC_CHANNELS.quickLog, request);
}

export interface AppTray {
  tray: Tray;
  /** Shows "Restart to update" in the menu. */
  showUpdateReady(): void;
}

/** Creates the tray icon with its menu; a click on the icon opens the window. */
export function createAppTray(
  iconPath: string,
  window: BrowserWindow,
  actions: TrayMenuActions,
): AppTray {
  const tray = new Tray(iconPath);

  function setMenu(isUpdateReady: boolean): void {
    tray.setContextMenu(Menu.buildFromTemplate(buildTrayMenu(actions, isUpdateReady)));
  }

  tray.setToolTip("FitCoach");
  tray.on("click", () => bringToFront(window));
  setMenu(false);
  return { tray, showUpdateReady: () => setMenu(true) };
}
