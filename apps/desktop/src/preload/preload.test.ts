import { describe, expect, test, vi } from "vitest";

import type { FitcoachDesktopApi, QuickLogRequest } from "../preload-api";
import { IPC_CHANNELS, QUICK_LOG_BUFFER_SIZE } from "../shared/ipc-channels";
import type { standIn as StandIn } from "../../test/electron-stand-in";

let standIn: typeof StandIn;

/** Runs the preload script afresh, with a fresh stand-in, since it registers on import. */
async function loadPreload(): Promise<FitcoachDesktopApi> {
  vi.resetModules();
  standIn = (await import("../../test/electron-stand-in")).standIn;
  await import("./preload");
  return standIn.exposedInMainWorld.get("fitcoachDesktop") as FitcoachDesktopApi;
}

function sendFromMain(request: QuickLogRequest): void {
  standIn.rendererListeners.get(IPC_CHANNELS.quickLog)?.({ sender: null }, request);
}

describe("preload", () => {
  test("exposes only the documented API", async () => {
    const api = await loadPreload();

    expect([...standIn.exposedInMainWorld.keys()]).toEqual(["fitcoachDesktop"]);
    expect(Object.keys(api).sort()).toEqual(
      ["apiVersion", "getServerUrl", "notify", "onQuickLog", "setServerUrl", "tokenStore"].sort(),
    );
    expect(Object.keys(api.tokenStore).sort()).toEqual(["clear", "get", "isPersistent", "set"]);
    expect(api.apiVersion).toBe(1);
  });

  test("invokes the matching channels", async () => {
    const api = await loadPreload();

    await api.getServerUrl();
    await api.setServerUrl("https://fit.example.com");
    await api.tokenStore.set("refreshToken", "token-value-1234567890");
    await api.tokenStore.get("deviceToken");
    await api.tokenStore.clear("refreshToken");
    await api.tokenStore.isPersistent();

    expect(standIn.rendererInvocations).toEqual([
      { channel: IPC_CHANNELS.getServerUrl, args: [] },
      { channel: IPC_CHANNELS.setServerUrl, args: ["https://fit.example.com"] },
      { channel: IPC_CHANNELS.setToken, args: ["refreshToken", "token-value-1234567890"] },
      { channel: IPC_CHANNELS.getToken, args: ["deviceToken"] },
      { channel: IPC_CHANNELS.clearToken, args: ["refreshToken"] },
      { channel: IPC_CHANNELS.isTokenStorePersistent, args: [] },
    ]);
  });

  test("sends only title and body", async () => {
    const api = await loadPreload();
    const notification = { title: "Water", body: "Drink", icon: "file:///x.png" };

    await api.notify(notification);

    expect(standIn.rendererInvocations).toEqual([
      { channel: IPC_CHANNELS.notify, args: [{ title: "Water", body: "Drink" }] },
    ]);
  });

  test("delivers quick-log requests to listeners", async () => {
    const api = await loadPreload();
    const received: QuickLogRequest[] = [];
    api.onQuickLog((request) => received.push(request));

    sendFromMain({ action: "add-water", amountMl: 250 });

    expect(received).toEqual([{ action: "add-water", amountMl: 250 }]);
  });

  test("buffers requests before the first listener", async () => {
    const api = await loadPreload();
    for (let index = 0; index < QUICK_LOG_BUFFER_SIZE + 5; index++) {
      sendFromMain({ action: "open-quick-log" });
    }
    const received: QuickLogRequest[] = [];

    api.onQuickLog((request) => received.push(request));

    expect(received).toHaveLength(QUICK_LOG_BUFFER_SIZE);
  });

  test("stops delivery after unsubscribe", async () => {
    const api = await loadPreload();
    const received: QuickLogRequest[] = [];
    const unsubscribe = api.onQuickLog((request) => received.push(request));
    api.onQuickLog(() => undefined);

    unsubscribe();
    sendFromMain({ action: "open-quick-log" });

    expect(received).toEqual([]);
  });
});
