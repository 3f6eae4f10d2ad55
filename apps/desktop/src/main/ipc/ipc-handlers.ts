import type { IpcMain, IpcMainInvokeEvent, WebContents } from "electron";
import type { z } from "zod";

import type { ServerUrlResult } from "../../preload-api";
import { IPC_CHANNELS } from "../../shared/ipc-channels";
import type { Logger } from "../log";
import { originOf, RENDERER_ORIGIN, SETUP_ORIGIN } from "../security/app-origins";
import { normalizeServerUrl } from "../server/server-url";
import type { SettingsStore } from "../settings/settings-store";
import type { TokenStore } from "../tokens/token-store";
import type { DesktopNotification } from "../../preload-api";
import { ipcArgumentSchemas, parseIpcArguments } from "./ipc-schemas";

const WEB_APP_ONLY: ReadonlySet<string> = new Set([RENDERER_ORIGIN]);
const WEB_APP_AND_SETUP: ReadonlySet<string> = new Set([RENDERER_ORIGIN, SETUP_ORIGIN]);

export interface IpcDependencies {
  settings: SettingsStore;
  tokenStore: TokenStore;
  notify(notification: DesktopNotification): boolean;
  checkServer(serverUrl: string): Promise<ServerUrlResult>;
  /** Runs after a server URL was saved; `isChanged` is false when the same URL was saved again. */
  onServerUrlSaved(details: { isChanged: boolean; fromOrigin: string }): void;
  /** Whether a web contents is one of the app's own windows. */
  isAppContents(contents: WebContents): boolean;
  log: Logger;
}

/**
 * Returns whether an IPC message comes from the top frame of one of the app's windows while that
 * frame shows a page of an allowed origin. Messages from subframes, from pages that navigated
 * elsewhere, or from frames already gone are rejected.
 */
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, "sender" | "senderFrame">,
  allowedOrigins: ReadonlySet<string>,
  isAppContents: (contents: WebContents) => boolean,
): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null) return false;
  if (!isAppContents(event.sender)) return false;
  const origin = originOf(frame.url);
  return origin !== null && allowedOrigins.has(origin);
}

/** Registers every channel of the preload API. Each one checks its sender, then its arguments. */
export function registerIpcHandlers(ipcMain: IpcMain, deps: IpcDependencies): void {
  const { settings, tokenStore, log } = deps;

  function handle<T, R>(
    channel: string,
    allowedOrigins: ReadonlySet<string>,
    schema: z.ZodType<T>,
    handler: (args: T, senderOrigin: string) => R,
  ): void {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      if (!isTrustedSender(event, allowedOrigins, deps.isAppContents)) {
        log.warn({ channel, url: event.senderFrame?.url ?? null }, "ipc from untrusted sender");
        throw new Error(`${channel} is not available to this page.`);
      }
      const parsed = parseIpcArguments(channel, schema, args);
      return handler(parsed, originOf(event.senderFrame!.url)!);
    });
  }

  handle(IPC_CHANNELS.getServerUrl, WEB_APP_AND_SETUP, ipcArgumentSchemas.none, () => {
    return settings.read().serverUrl;
  });

  handle(
    IPC_CHANNELS.setServerUrl,
    WEB_APP_AND_SETUP,
    ipcArgumentSchemas.serverUrl,
    async ([input], senderOrigin): Promise<ServerUrlResult> => {
      const normalized = normalizeServerUrl(input);
      if (!normalized.ok) return normalized;

      const check = await deps.checkServer(normalized.serverUrl);
      if (!check.ok) {
        log.info({ reason: check.reason }, "server check failed");
        return check;
      }

      const isChanged = settings.read().serverUrl !== normalized.serverUrl;
      if (isChanged) {
        // Tokens were issued by the previous server and mean nothing to the new one.
        tokenStore.clearAll();
        settings.update({ serverUrl: normalized.serverUrl });
        log.info({ serverUrl: normalized.serverUrl }, "server URL changed");
      }
      deps.onServerUrlSaved({ isChanged, fromOrigin: senderOrigin });
      return normalized;
    },
  );

  handle(IPC_CHANNELS.getToken, WEB_APP_ONLY, ipcArgumentSchemas.tokenName, ([name]) =>
    tokenStore.get(name),
  );

  handle(IPC_CHANNELS.setToken, WEB_APP_ONLY, ipcArgumentSchemas.setToken, ([name, value]) => {
    tokenStore.set(name, value);
  });

  handle(IPC_CHANNELS.clearToken, WEB_APP_ONLY, ipcArgumentSchemas.tokenName, ([name]) => {
    tokenStore.clear(name);
  });

  handle(IPC_CHANNELS.isTokenStorePersistent, WEB_APP_ONLY, ipcArgumentSchemas.none, () =>
    tokenStore.isPersistent(),
  );

  handle(IPC_CHANNELS.notify, WEB_APP_ONLY, ipcArgumentSchemas.notification, ([notification]) => {
    const isShown = deps.notify(notification);
    if (!isShown) log.info({}, "notification dropped by rate limit or platform");
    return isShown;
  });
}
