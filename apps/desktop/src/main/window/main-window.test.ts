import path from "node:path";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { StandInEvent, standIn } from "../../../test/electron-stand-in";
import type { BrowserWindow as StandInWindow } from "../../../test/electron-stand-in";
import { createRecordingLogger } from "../../../test/helpers/recording-logger";
import { createTemporaryFolder } from "../../../test/helpers/temporary-folder";
import { openSettingsStore } from "../settings/settings-store";
import type { SettingsStore } from "../settings/settings-store";
import { createMainWindow } from "./main-window";

let settings: SettingsStore;
let isQuitting: boolean;

function openWindow(): StandInWindow {
  createMainWindow({
    preloadPath: "/app/dist/preload.cjs",
    iconPath: "/app/dist/assets/app-icon.png",
    isPackaged: true,
    settings,
    shouldQuitOnClose: () => isQuitting,
  });
  return standIn.windows.at(-1)!;
}

beforeEach(() => {
  standIn.reset();
  isQuitting = false;
  settings = openSettingsStore(
    path.join(createTemporaryFolder("window"), "settings.json"),
    createRecordingLogger(),
  );
});

afterEach(() => {
  vi.useRealTimers();
});

describe("createMainWindow", () => {
  test("opens at the saved place", () => {
    settings.update({ windowState: { x: 40, y: 50, width: 1000, height: 700, isMaximized: true } });

    const window = openWindow();

    expect(window.options).toMatchObject({ x: 40, y: 50, width: 1000, height: 700, show: false });
    expect(window.isMaximized()).toBe(true);
  });

  test("centres on first run", () => {
    const window = openWindow();

    expect(window.options.center).toBe(true);
    expect(window.options.x).toBeUndefined();
  });

  test("shows once ready", () => {
    const window = openWindow();

    window.emit("ready-to-show");

    expect(window.isVisible).toBe(true);
  });

  test("hides instead of closing", () => {
    const window = openWindow();
    window.show();

    const event = window.close();

    expect(event.defaultPrevented).toBe(true);
    expect(window.isVisible).toBe(false);
    expect(window.isDestroyed()).toBe(false);
  });

  test("closes while quitting", () => {
    const window = openWindow();
    isQuitting = true;

    const event = window.close();

    expect(event.defaultPrevented).toBe(false);
  });

  test("saves size and place on close", () => {
    const window = openWindow();
    window.bounds = { x: 300, y: 200, width: 1234, height: 777 };

    window.close();

    expect(settings.read().windowState).toEqual({
      x: 300,
      y: 200,
      width: 1234,
      height: 777,
      isMaximized: false,
    });
  });

  test("saves shortly after a resize", () => {
    vi.useFakeTimers();
    const window = openWindow();
    window.bounds = { x: 0, y: 0, width: 999, height: 888 };

    window.emit("resize", new StandInEvent());
    vi.advanceTimersByTime(600);

    expect(settings.read().windowState?.width).toBe(999);
  });
});
