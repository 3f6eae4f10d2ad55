import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, test } from "vitest";

import { IPC_CHANNELS } from "../shared/ipc-channels";
import { app, standIn } from "../../test/electron-stand-in";
import { createRecordingLogger } from "../../test/helpers/recording-logger";
import { createTemporaryFolder } from "../../test/helpers/temporary-folder";
import { prepareDesktopApp, startDesktopApp } from "./desktop-app";
import { QUICK_LOG_SHORTCUT } from "./tray/quick-log";

let userData: string;

function startWithSettings(settings: object | null): ReturnType<typeof startDesktopApp> {
  if (settings !== null) {
    writeFileSync(path.join(userData, "settings.json"), JSON.stringify(settings));
  }
  const log = createRecordingLogger();
  prepareDesktopApp(log);
  return startDesktopApp(log);
}

function trayItem(label: string): { click?: () => void; visible?: boolean } {
  const item = standIn.trays[0]?.contextMenu?.template.find((entry) => entry.label === label);
  if (item === undefined) throw new TypeError(`No tray item "${label}".`);
  return item;
}

beforeEach(() => {
  standIn.reset();
  userData = createTemporaryFolder("user-data");
  app.paths = { userData };
  app.appPath = path.join(userData, "app");
  mkdirSync(app.appPath);
});

describe("prepareDesktopApp", () => {
  test("quits when another instance runs", () => {
    app.hasSingleInstanceLock = false;

    const shouldStart = prepareDesktopApp(createRecordingLogger());

    expect(shouldStart).toBe(false);
    expect(app.quitCalls).toBe(1);
    expect(standIn.privilegedSchemes).toEqual([]);
  });
});

describe("startDesktopApp", () => {
  test("opens setup without a server", () => {
    const { window } = startWithSettings(null);

    expect(standIn.windows).toHaveLength(1);
    expect(standIn.windows[0]?.loadedUrls).toEqual(["fitcoach://setup/index.html"]);
    expect(window).toBe(standIn.windows[0]);
  });

  test("opens the web app with a server", () => {
    startWithSettings({ serverUrl: "https://fit.example.com" });

    expect(standIn.windows[0]?.loadedUrls).toEqual(["fitcoach://app/"]);
  });

  test("loads the web app after setup", async () => {
    startWithSettings(null);
    standIn.fetch = async () => Response.json({ status: "ok" });
    const window = standIn.windows[0]!;
    const handler = standIn.ipcHandlers.get(IPC_CHANNELS.setServerUrl)!;

    const result = await handler(
      { sender: window.webContents, senderFrame: { url: window.webContents.url, parent: null } },
      "https://fit.example.com",
    );

    expect(result).toEqual({ ok: true, serverUrl: "https://fit.example.com" });
    expect(window.loadedUrls.at(-1)).toBe("fitcoach://app/");
  });

  test("sends tray water to the web app", () => {
    startWithSettings({ serverUrl: "https://fit.example.com" });
    const window = standIn.windows[0]!;

    trayItem("Add 250 ml water").click?.();

    expect(window.webContents.sent).toEqual([
      { channel: IPC_CHANNELS.quickLog, args: [{ action: "add-water", amountMl: 250 }] },
    ]);
    expect(window.isVisible).toBe(false);
  });

  test("opens the quick log by shortcut", () => {
    startWithSettings({ serverUrl: "https://fit.example.com" });
    const window = standIn.windows[0]!;

    standIn.shortcuts.get(QUICK_LOG_SHORTCUT)?.();

    expect(window.isVisible).toBe(true);
    expect(window.webContents.sent).toEqual([
      { channel: IPC_CHANNELS.quickLog, args: [{ action: "open-quick-log" }] },
    ]);
  });

  test("shows setup instead of logging", () => {
    startWithSettings(null);
    const window = standIn.windows[0]!;

    trayItem("Add 500 ml water").click?.();

    expect(window.webContents.sent).toEqual([]);
    expect(window.isVisible).toBe(true);
  });

  test("logs a taken shortcut", () => {
    standIn.takenShortcuts.add(QUICK_LOG_SHORTCUT);
    const log = createRecordingLogger();
    prepareDesktopApp(log);

    startDesktopApp(log);

    expect(log.lines).toContainEqual({
      level: "warn",
      fields: { shortcut: QUICK_LOG_SHORTCUT },
      message: "quick-log shortcut taken by another app",
    });
  });

  test("reopens setup from the tray", () => {
    startWithSettings({ serverUrl: "https://fit.example.com" });
    const window = standIn.windows[0]!;

    trayItem("Change server…").click?.();

    expect(window.loadedUrls.at(-1)).toBe("fitcoach://setup/index.html");
  });

  test("closes the window once quitting", () => {
    startWithSettings({ serverUrl: "https://fit.example.com" });
    const window = standIn.windows[0]!;

    app.emit("before-quit");
    window.close();

    expect(window.isDestroyed()).toBe(true);
  });

  test("skips updates when not packaged", () => {
    const log = createRecordingLogger();
    prepareDesktopApp(log);

    startDesktopApp(log);

    expect(log.lines.map((line) => line.message)).not.toContain("automatic updates off");
    expect(trayItem("Restart to update").visible).toBe(false);
  });
});
