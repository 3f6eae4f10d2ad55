import { BrowserWindow, screen } from "electron";

import { secureWebPreferences } from "../security/web-preferences";
import type { SettingsStore } from "../settings/settings-store";
import { MIN_WINDOW_HEIGHT, MIN_WINDOW_WIDTH, restoreWindowBounds } from "./window-state";

/** Delay after the last move or resize before the window state is written, in milliseconds. */
const SAVE_DELAY_MS = 500;

export interface MainWindowOptions {
  preloadPath: string;
  iconPath: string;
  isPackaged: boolean;
  settings: SettingsStore;
  /** Whether closing the window quits the app; false while the tray keeps it running. */
  shouldQuitOnClose(): boolean;
}

/**
 * Creates the single app window at its saved size and place. Closing it hides it, so the tray and
 * the quick-log shortcut keep working, unless the app is quitting.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const bounds = restoreWindowBounds(options.settings.read().windowState, workAreas);

  const hasPlace = bounds.x !== undefined && bounds.y !== undefined;
  const window = new BrowserWindow({
    ...(hasPlace ? { x: bounds.x, y: bounds.y } : { center: true }),
    width: bounds.width,
    height: bounds.height,
    minWidth: MIN_WINDOW_WIDTH,
    minHeight: MIN_WINDOW_HEIGHT,
    title: "FitCoach",
    icon: options.iconPath,
    show: false,
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(options.preloadPath, options.isPackaged),
  });
  if (bounds.isMaximized) window.maximize();
  window.once("ready-to-show", () => window.show());

  trackWindowState(window, options.settings);
  window.on("close", (event) => {
    if (options.shouldQuitOnClose()) return;
    event.preventDefault();
    window.hide();
  });
  return window;
}

/** Shows, restores and focuses a window that may be hidden or minimized. */
export function bringToFront(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

function trackWindowState(window: BrowserWindow, settings: SettingsStore): void {
  let timer: NodeJS.Timeout | undefined;

  function save(): void {
    clearTimeout(timer);
    if (window.isDestroyed()) return;
    // Normal bounds are the size before maximizing, so un-maximizing after a restart works.
    const normal = window.getNormalBounds();
    settings.update({ windowState: { ...normal, isMaximized: window.isMaximized() } });
  }
  function saveLater(): void {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  }

  window.on("resize", saveLater);
  window.on("move", saveLater);
  window.on("maximize", save);
  window.on("unmaximize", save);
  window.on("close", save);
}
