import { app, net } from "electron";
import { autoUpdater } from "electron-updater";

import type { Logger } from "../log";
import { readUpdateFeed } from "./update-feed";
import { startAutoUpdates } from "./update-policy";
import type { UpdaterLike } from "./update-policy";
import { verifyDownloadedUpdate } from "./update-signature";

export interface StartUpdatesOptions {
  log: Logger;
  /** Runs when a verified update waits; `install` quits the app and installs it. */
  onUpdateReady(version: string, install: () => void): void;
}

/**
 * Starts electron-updater for a packaged build whose feed passes readUpdateFeed; any other build
 * runs without updates and logs why. The updater object is created on first access of
 * `autoUpdater`, so builds without a feed never create it.
 */
export function startUpdates(options: StartUpdatesOptions): void {
  const { log } = options;
  const feed = readUpdateFeed(process.resourcesPath, process.platform);
  if (!feed.ok) {
    log.warn({ reason: feed.reason }, "automatic updates off");
    return;
  }

  const updater: UpdaterLike = autoUpdater;
  startAutoUpdates(updater, {
    currentVersion: app.getVersion(),
    platform: process.platform,
    log,
    verifyDownload(update) {
      if (feed.publicKey === null) {
        return Promise.resolve({ ok: false, reason: "no update public key" });
      }
      return verifyDownloadedUpdate(update, feed.feedUrl, feed.publicKey, (url, init) =>
        net.fetch(url, init),
      );
    },
    onUpdateReady: (version) => options.onUpdateReady(version, () => updater.quitAndInstall()),
  });
}
