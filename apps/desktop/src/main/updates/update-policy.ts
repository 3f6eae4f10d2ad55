import type { UpdateInfo } from "electron-updater";
import { gt, parse } from "semver";

import type { Logger } from "../log";
import type { DownloadedUpdate, SignatureCheck } from "./update-signature";

/** Time between update checks while the app runs: six hours. */
export const UPDATE_CHECK_INTERVAL_MS = 6 * 60 * 60 * 1000;

export interface UpdaterLogger {
  info(message?: unknown): void;
  warn(message?: unknown): void;
  error(message?: unknown): void;
}

/** The part of electron-updater's AppUpdater that the policy configures. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  allowPrerelease: boolean;
  disableWebInstaller: boolean;
  forceDevUpdateConfig: boolean;
  isUpdateSupported: (info: UpdateInfo) => boolean | Promise<boolean>;
  logger: UpdaterLogger | null;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: "update-downloaded", listener: (update: DownloadedUpdate) => void): unknown;
  on(event: "error", listener: (error: Error) => void): unknown;
}

/**
 * Returns whether an offered version may replace the running one: it must be a valid, strictly
 * newer release, and pre-releases are offered only to pre-release builds.
 */
export function isAllowedUpdateVersion(offered: string, current: string): boolean {
  const offeredVersion = parse(offered);
  const currentVersion = parse(current);
  if (offeredVersion === null || currentVersion === null) return false;
  if (offeredVersion.prerelease.length > 0 && currentVersion.prerelease.length === 0) return false;
  return gt(offeredVersion, currentVersion);
}

export interface UpdatePolicyOptions {
  currentVersion: string;
  platform: NodeJS.Platform;
  log: Logger;
}

/**
 * Sets electron-updater to never downgrade and never install what it has not verified. On Linux
 * electron-updater checks no signature, so install-on-quit is off there and an update is
 * installed only after its Ed25519 signature passed, from the tray's "Restart to update".
 */
export function applyUpdatePolicy(updater: UpdaterLike, options: UpdatePolicyOptions): void {
  const defaultSupportCheck = updater.isUpdateSupported;

  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = options.platform !== "linux";
  // Set after any channel change, because electron-updater turns allowDowngrade on with a channel.
  updater.allowDowngrade = false;
  updater.allowPrerelease = false;
  updater.disableWebInstaller = true;
  updater.forceDevUpdateConfig = false;
  updater.isUpdateSupported = async (info) => {
    if (!isAllowedUpdateVersion(info.version, options.currentVersion)) {
      options.log.warn(
        { offered: info.version },
        "update rejected, not newer than running version",
      );
      return false;
    }
    return defaultSupportCheck(info);
  };
  updater.logger = {
    info: (message) => options.log.info({ source: "updater" }, String(message)),
    warn: (message) => options.log.warn({ source: "updater" }, String(message)),
    error: (message) => options.log.error({ source: "updater" }, String(message)),
  };
}

export interface AutoUpdateOptions extends UpdatePolicyOptions {
  /** Checks a downloaded update's signature; required on Linux, unused elsewhere. */
  verifyDownload(update: DownloadedUpdate): Promise<SignatureCheck>;
  /** Runs once an update is downloaded and verified and can be installed. */
  onUpdateReady(version: string): void;
  intervalMs?: number;
}

/** Applies the policy, checks for updates now and then every interval; returns a stop function. */
export function startAutoUpdates(updater: UpdaterLike, options: AutoUpdateOptions): () => void {
  const { log } = options;
  applyUpdatePolicy(updater, options);

  updater.on("error", (error) => log.error({ err: error }, "update failed"));
  updater.on("update-downloaded", (update) => {
    if (options.platform !== "linux") {
      options.onUpdateReady(update.version);
      return;
    }
    options.verifyDownload(update).then(
      (check) => {
        if (check.ok) {
          log.info({ version: update.version }, "update signature verified");
          options.onUpdateReady(update.version);
        } else {
          log.error({ version: update.version, reason: check.reason }, "update signature rejected");
        }
      },
      (error: unknown) => log.error({ err: error }, "update signature check failed"),
    );
  });

  function check(): void {
    updater.checkForUpdates().catch((error: unknown) => {
      log.error({ err: error }, "update check failed");
    });
  }
  check();
  const timer = setInterval(check, options.intervalMs ?? UPDATE_CHECK_INTERVAL_MS);
  return () => clearInterval(timer);
}
