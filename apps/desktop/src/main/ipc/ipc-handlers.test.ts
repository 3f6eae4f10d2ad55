import path from "node:path";
import type { IpcMain, WebContents } from "electron";
import { beforeEach, describe, expect, test } from "vitest";

import type { ServerUrlResult } from "../../preload-api";
import { IPC_CHANNELS } from "../../shared/ipc-channels";
import { ipcMain, StandInWebContents, standIn } from "../../../test/electron-stand-in";
import { createRecordingLogger } from "../../../test/helpers/recording-logger";
import { createTemporaryFolder } from "../../../test/helpers/temporary-folder";
import { openSettingsStore } from "../settings/settings-store";
import type { SettingsStore } from "../settings/settings-store";
import type { TokenStore } from "../tokens/token-store";
import { registerIpcHandlers } from "./ipc-handlers";

const TOKEN = "rt_0123456789abcdefghijklmnopqrstuv";

interface FrameOptions {
  url?: string;
  isSubframe?: boolean;
  contents?: StandInWebContents;
}

let appContents: StandInWebContents;
let settings: SettingsStore;
let tokens: Map<string, string>;
let notified: unknown[];
let savedEvents: { isChanged: boolean; fromOrigin: string }[];
let serverCheck: (url: string) => ServerUrlResult;
let log: ReturnType<typeof createRecordingLogger>;

function createMemoryTokenStore(): TokenStore {
  return {
    get: (name) => tokens.get(name) ?? null,
    set: (name, value) => void tokens.set(name, value),
    clear: (name) => void tokens.delete(name),
    clearAll: () => tokens.clear(),
    isPersistent: () => true,
  };
}

function invoke(channel: string, args: unknown[], frame: FrameOptions = {}): unknown {
  const handler = standIn.ipcHandlers.get(channel);
  if (handler === undefined) throw new TypeError(`No handler for ${channel}.`);
  const event = {
    sender: frame.contents ?? appContents,
    senderFrame: {
      url: frame.url ?? "fitcoach://app/today",
      parent: frame.isSubframe ? {} : null,
    },
  };
  return handler(event, ...args);
}

function catchError(call: () => unknown): Error | null {
  try {
    call();
  } catch (error) {
    return error as Error;
  }
  return null;
}

beforeEach(() => {
  standIn.reset();
  appContents = new StandInWebContents();
  settings = openSettingsStore(
    path.join(createTemporaryFolder("ipc"), "settings.json"),
    createRecordingLogger(),
  );
  tokens = new Map();
  notified = [];
  savedEvents = [];
  serverCheck = (serverUrl) => ({ ok: true, serverUrl });
  log = createRecordingLogger();

  registerIpcHandlers(ipcMain as unknown as IpcMain, {
    settings,
    tokenStore: createMemoryTokenStore(),
    notify: (notification) => {
      notified.push(notification);
      return true;
    },
    checkServer: async (serverUrl) => serverCheck(serverUrl),
    onServerUrlSaved: (details) => void savedEvents.push(details),
    isAppContents: (contents: WebContents) => contents.id === appContents.id,
    log,
  });
});

describe("sender checks", () => {
  test("rejects pages of other origins", () => {
    const call = () =>
      invoke(IPC_CHANNELS.getToken, ["refreshToken"], { url: "https://evil.test/" });

    expect(call).toThrow("fitcoach:token:get is not available to this page.");
    expect(log.lines[0]).toMatchObject({ level: "warn", message: "ipc from untrusted sender" });
  });

  test("rejects subframes of the app", () => {
    const call = () => invoke(IPC_CHANNELS.getToken, ["refreshToken"], { isSubframe: true });

    expect(call).toThrow("is not available to this page");
  });

  test("rejects other web contents", () => {
    const other = new StandInWebContents();

    const call = () => invoke(IPC_CHANNELS.getToken, ["refreshToken"], { contents: other });

    expect(call).toThrow("is not available to this page");
  });

  test("rejects a frame that is gone", () => {
    const handler = standIn.ipcHandlers.get(IPC_CHANNELS.getServerUrl)!;

    const call = () => handler({ sender: appContents, senderFrame: null });

    expect(call).toThrow("is not available to this page");
  });

  test("keeps tokens from the setup page", () => {
    tokens.set("refreshToken", TOKEN);

    const call = () =>
      invoke(IPC_CHANNELS.getToken, ["refreshToken"], { url: "fitcoach://setup/index.html" });

    expect(call).toThrow("is not available to this page");
  });

  test("lets the setup page read the server URL", () => {
    settings.update({ serverUrl: "https://fit.example.com" });

    const result = invoke(IPC_CHANNELS.getServerUrl, [], { url: "fitcoach://setup/index.html" });

    expect(result).toBe("https://fit.example.com");
  });
});

describe("token channels", () => {
  test("stores and returns a token", () => {
    invoke(IPC_CHANNELS.setToken, ["refreshToken", TOKEN]);

    expect(invoke(IPC_CHANNELS.getToken, ["refreshToken"])).toBe(TOKEN);
  });

  test("rejects a malformed token without echoing it", () => {
    const badToken = "not a token <script>";

    const error = catchError(() => invoke(IPC_CHANNELS.setToken, ["refreshToken", badToken]));

    expect(error?.message).toBe("Invalid argument 1 for fitcoach:token:set: is not a valid token.");
    expect(tokens.size).toBe(0);
  });

  test("rejects unknown token names", () => {
    const call = () => invoke(IPC_CHANNELS.getToken, ["accessToken"]);

    expect(call).toThrow("must be refreshToken or deviceToken");
  });

  test("rejects extra arguments", () => {
    const call = () => invoke(IPC_CHANNELS.clearToken, ["refreshToken", "extra"]);

    expect(call).toThrow("Invalid");
  });

  test("clears a token", () => {
    tokens.set("deviceToken", TOKEN);

    invoke(IPC_CHANNELS.clearToken, ["deviceToken"]);

    expect(tokens.has("deviceToken")).toBe(false);
  });

  test("reports persistence", () => {
    expect(invoke(IPC_CHANNELS.isTokenStorePersistent, [])).toBe(true);
  });
});

describe("server URL channel", () => {
  test("returns the reason for an insecure URL", async () => {
    const result = await invoke(IPC_CHANNELS.setServerUrl, ["http://fit.example.com"]);

    expect(result).toEqual({
      ok: false,
      reason: "The server URL must start with https:// (http:// is allowed only for localhost).",
    });
    expect(settings.read().serverUrl).toBeNull();
  });

  test("keeps the old URL when the check fails", async () => {
    settings.update({ serverUrl: "https://old.example.com" });
    tokens.set("refreshToken", TOKEN);
    serverCheck = () => ({
      ok: false,
      reason: "Connecting to https://new.example.com failed: timed out after 5 s.",
    });

    const result = await invoke(IPC_CHANNELS.setServerUrl, ["https://new.example.com"]);

    expect(result).toEqual({
      ok: false,
      reason: "Connecting to https://new.example.com failed: timed out after 5 s.",
    });
    expect(settings.read().serverUrl).toBe("https://old.example.com");
    expect(tokens.get("refreshToken")).toBe(TOKEN);
    expect(savedEvents).toEqual([]);
  });

  test("saves a new URL and clears tokens", async () => {
    settings.update({ serverUrl: "https://old.example.com" });
    tokens.set("refreshToken", TOKEN);
    tokens.set("deviceToken", TOKEN);

    const result = await invoke(IPC_CHANNELS.setServerUrl, ["https://new.example.com/"], {
      url: "fitcoach://setup/index.html",
    });

    expect(result).toEqual({ ok: true, serverUrl: "https://new.example.com" });
    expect(settings.read().serverUrl).toBe("https://new.example.com");
    expect(tokens.size).toBe(0);
    expect(savedEvents).toEqual([{ isChanged: true, fromOrigin: "fitcoach://setup" }]);
  });

  test("keeps tokens when saving the same URL", async () => {
    settings.update({ serverUrl: "https://fit.example.com" });
    tokens.set("refreshToken", TOKEN);

    await invoke(IPC_CHANNELS.setServerUrl, ["https://fit.example.com"]);

    expect(tokens.get("refreshToken")).toBe(TOKEN);
    expect(savedEvents).toEqual([{ isChanged: false, fromOrigin: "fitcoach://app" }]);
  });

  test("rejects a non-string URL", () => {
    const call = () => invoke(IPC_CHANNELS.setServerUrl, [{ href: "https://x" }]);

    expect(call).toThrow("Invalid argument 0 for fitcoach:server-url:set");
  });
});

describe("notify channel", () => {
  test("shows a valid notification", () => {
    const result = invoke(IPC_CHANNELS.notify, [{ title: "Water", body: "Time for a glass.\n" }]);

    expect(result).toBe(true);
    expect(notified).toEqual([{ title: "Water", body: "Time for a glass.\n" }]);
  });

  test.each([
    [{ title: "", body: "x" }, "argument 0.title"],
    [{ title: "a".repeat(101), body: "x" }, "at most 100 characters"],
    [{ title: "Water\u0007", body: "x" }, "must not contain control characters"],
    [{ title: "Water", body: "b".repeat(501) }, "at most 500 characters"],
    [{ title: "Water", body: "x", icon: "file:///etc/passwd" }, "Invalid"],
    [{ title: "Water" }, "argument 0.body"],
  ])("rejects %o", (notification, message) => {
    const call = () => invoke(IPC_CHANNELS.notify, [notification]);

    expect(call).toThrow(message);
    expect(notified).toEqual([]);
  });

  test("rejects the setup page", () => {
    const call = () =>
      invoke(IPC_CHANNELS.notify, [{ title: "x", body: "" }], { url: "fitcoach://setup/" });

    expect(call).toThrow("is not available to this page");
  });
});
