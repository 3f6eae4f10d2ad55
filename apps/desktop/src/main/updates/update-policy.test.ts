import { EventEmitter } from "node:events";
import type { UpdateInfo } from "electron-updater";
import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { createRecordingLogger } from "../../../test/helpers/recording-logger";
import { applyUpdatePolicy, isAllowedUpdateVersion, startAutoUpdates } from "./update-policy";
import type { UpdaterLike } from "./update-policy";
import type { DownloadedUpdate, SignatureCheck } from "./update-signature";

/** Stand-in for electron-updater's AppUpdater with its defaults, recording checks and installs. */
class RecordingUpdater extends EventEmitter {
  autoDownload = true;
  autoInstallOnAppQuit = true;
  allowDowngrade = true;
  allowPrerelease = true;
  disableWebInstaller = false;
  forceDevUpdateConfig = true;
  logger: UpdaterLike["logger"] = null;
  isUpdateSupported: UpdaterLike["isUpdateSupported"] = () => true;
  checks = 0;
  installs = 0;
  async checkForUpdates(): Promise<null> {
    this.checks++;
    return null;
  }
  quitAndInstall(): void {
    this.installs++;
  }
}

function updateInfo(version: string): UpdateInfo {
  return { version, files: [], path: "", sha512: "", releaseDate: "2026-12-01" };
}

function downloaded(version: string): DownloadedUpdate {
  return { version, downloadedFile: "/tmp/update.AppImage", files: [] };
}

async function settle(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
}

let stop: (() => void) | undefined;

afterEach(() => {
  stop?.();
  stop = undefined;
});

describe("isAllowedUpdateVersion", () => {
  test.each([
    ["1.0.1", "1.0.0", true],
    ["2.0.0", "1.9.9", true],
    ["1.0.0", "1.0.0", false],
    ["0.9.0", "1.0.0", false],
    ["1.1.0-beta.1", "1.0.0", false],
    ["1.1.0-beta.2", "1.1.0-beta.1", true],
    ["not-a-version", "1.0.0", false],
  ])("offered %s over %s is %s", (offered, current, expected) => {
    expect(isAllowedUpdateVersion(offered, current)).toBe(expected);
  });
});

describe("applyUpdatePolicy", () => {
  let updater: RecordingUpdater;

  beforeEach(() => {
    updater = new RecordingUpdater();
  });

  test("turns downgrades and prereleases off", () => {
    applyUpdatePolicy(updater, {
      currentVersion: "1.0.0",
      platform: "win32",
      log: createRecordingLogger(),
    });

    expect(updater.allowDowngrade).toBe(false);
    expect(updater.allowPrerelease).toBe(false);
    expect(updater.disableWebInstaller).toBe(true);
    expect(updater.forceDevUpdateConfig).toBe(false);
  });

  test("installs on quit outside Linux", () => {
    applyUpdatePolicy(updater, {
      currentVersion: "1.0.0",
      platform: "darwin",
      log: createRecordingLogger(),
    });

    expect(updater.autoInstallOnAppQuit).toBe(true);
  });

  test("never installs unverified on Linux quit", () => {
    applyUpdatePolicy(updater, {
      currentVersion: "1.0.0",
      platform: "linux",
      log: createRecordingLogger(),
    });

    expect(updater.autoInstallOnAppQuit).toBe(false);
  });

  test("rejects an older version", async () => {
    const log = createRecordingLogger();
    applyUpdatePolicy(updater, { currentVersion: "2.0.0", platform: "win32", log });

    const isSupported = await updater.isUpdateSupported(updateInfo("1.5.0"));

    expect(isSupported).toBe(false);
    expect(log.lines[0]).toMatchObject({ level: "warn", fields: { offered: "1.5.0" } });
  });

  test("keeps the updater's own check", async () => {
    updater.isUpdateSupported = () => false;
    applyUpdatePolicy(updater, {
      currentVersion: "1.0.0",
      platform: "win32",
      log: createRecordingLogger(),
    });

    expect(await updater.isUpdateSupported(updateInfo("1.1.0"))).toBe(false);
  });

  test("accepts a newer version", async () => {
    applyUpdatePolicy(updater, {
      currentVersion: "1.0.0",
      platform: "win32",
      log: createRecordingLogger(),
    });

    expect(await updater.isUpdateSupported(updateInfo("1.1.0"))).toBe(true);
  });
});

describe("startAutoUpdates", () => {
  let updater: RecordingUpdater;
  let ready: string[];
  let signatureCheck: SignatureCheck;
  let log: ReturnType<typeof createRecordingLogger>;

  function start(platform: NodeJS.Platform): void {
    stop = startAutoUpdates(updater, {
      currentVersion: "1.0.0",
      platform,
      log,
      verifyDownload: async () => signatureCheck,
      onUpdateReady: (version) => ready.push(version),
    });
  }

  beforeEach(() => {
    updater = new RecordingUpdater();
    ready = [];
    signatureCheck = { ok: true };
    log = createRecordingLogger();
  });

  test("checks for updates at start", () => {
    start("darwin");

    expect(updater.checks).toBe(1);
  });

  test("offers a verified Linux update", async () => {
    start("linux");

    updater.emit("update-downloaded", downloaded("1.2.0"));
    await settle();

    expect(ready).toEqual(["1.2.0"]);
  });

  test("withholds a Linux update with a bad signature", async () => {
    signatureCheck = { ok: false, reason: "signature invalid" };
    start("linux");

    updater.emit("update-downloaded", downloaded("1.2.0"));
    await settle();

    expect(ready).toEqual([]);
    expect(updater.installs).toBe(0);
    expect(log.lines.at(-1)).toMatchObject({
      level: "error",
      message: "update signature rejected",
      fields: { reason: "signature invalid" },
    });
  });

  test("offers Windows updates after download", () => {
    start("win32");

    updater.emit("update-downloaded", downloaded("1.2.0"));

    expect(ready).toEqual(["1.2.0"]);
  });

  test("logs updater errors", () => {
    start("win32");

    updater.emit("error", new Error("net::ERR_CERT_AUTHORITY_INVALID"));

    expect(log.lines.at(-1)).toMatchObject({ level: "error", message: "update failed" });
  });
});
