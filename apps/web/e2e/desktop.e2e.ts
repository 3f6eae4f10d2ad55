import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";

import type { FitcoachDesktopApi, QuickLogRequest } from "../src/desktop/desktop-api";
import { launchBrowser, recordCspViolations } from "./browser";
import type { TestBrowser } from "./browser";
import { startFitCoachServer } from "./fitcoach-server";
import type { RunningServer } from "./fitcoach-server";

const PASSWORD = "amber glacier whistle 83";

let server: RunningServer;
let testBrowser: TestBrowser;
let context: BrowserContext;
let page: Page;
let cspViolations: string[];

/** Stands in for the OS keychain of the desktop shell; it outlives page reloads like the real one. */
const keychain = new Map<string, string>();
const notifications: unknown[] = [];
/** Paths and client headers of every API request the page made. */
const apiRequests: { path: string; clientType: string | undefined }[] = [];

const email = `dora-${randomBytes(4).toString("hex")}@example.com`;

declare global {
  interface Window {
    desktopKeychain(operation: "get" | "set" | "clear", name: string, value?: string): unknown;
    desktopNotify(notification: unknown): boolean;
    sendQuickLog(request: QuickLogRequest): void;
  }
}

/**
 * Defines window.fitcoachDesktop as the shell's preload script does, with the keychain and the
 * notifications in the test process. Runs in the page before the app's own scripts.
 */
function installDesktopShell(serverUrl: string): void {
  const listeners = new Set<(request: QuickLogRequest) => void>();
  const api: FitcoachDesktopApi = {
    apiVersion: 1,
    getServerUrl: async () => serverUrl,
    setServerUrl: async () => ({ ok: false, reason: "The test shell cannot change servers." }),
    tokenStore: {
      get: async (name) => (await window.desktopKeychain("get", name)) as string | null,
      set: async (name, value) => void (await window.desktopKeychain("set", name, value)),
      clear: async (name) => void (await window.desktopKeychain("clear", name)),
      isPersistent: async () => true,
    },
    notify: async (notification) => window.desktopNotify(notification),
    onQuickLog(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  Object.defineProperty(window, "fitcoachDesktop", { value: Object.freeze(api) });
  window.sendQuickLog = (request) => listeners.forEach((listener) => listener(request));
}

beforeAll(async () => {
  server = await startFitCoachServer();
  testBrowser = await launchBrowser();
  context = await testBrowser.browser.newContext({ viewport: { width: 1024, height: 768 } });
  await context.exposeFunction(
    "desktopKeychain",
    (operation: "get" | "set" | "clear", name: string, value?: string) => {
      if (operation === "set" && value !== undefined) keychain.set(name, value);
      if (operation === "clear") keychain.delete(name);
      return keychain.get(name) ?? null;
    },
  );
  await context.exposeFunction("desktopNotify", (notification: unknown) => {
    notifications.push(notification);
    return true;
  });
  await context.addInitScript(installDesktopShell, server.url);
  page = await context.newPage();
  cspViolations = recordCspViolations(page);
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith("/api/")) return;
    apiRequests.push({ path: url.pathname, clientType: request.headers()["x-client-type"] });
  });

  await registerVerifiedAccount();
});

afterAll(async () => {
  await testBrowser?.close();
  await server?.stop();
});

async function registerVerifiedAccount(): Promise<void> {
  const headers = { "content-type": "application/json" };
  const registered = await fetch(`${server.url}/api/v1/auth/register`, {
    method: "POST",
    headers,
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(registered.status).toBe(202);
  const link = new URL(await server.waitForMailLink(email, "verify-email"));
  const verified = await fetch(`${server.url}/api/v1/auth/verify-email`, {
    method: "POST",
    headers,
    body: JSON.stringify({ token: link.searchParams.get("token") }),
  });
  expect(verified.status).toBe(200);
}

async function refreshCookies(): Promise<string[]> {
  const cookies = await context.cookies(`${server.url}/api/v1/auth/refresh`);
  return cookies.map((cookie) => cookie.name);
}

describe("web app inside the desktop shell", () => {
  it("logs in as a native client", async () => {
    await page.goto(`${server.url}/login`);
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password").fill(PASSWORD);

    await page.getByRole("button", { name: "Log in" }).click();

    await page.getByRole("heading", { name: "Today" }).waitFor();
    const login = apiRequests.find((request) => request.path === "/api/v1/auth/login");
    expect(login?.clientType).toBe("native");
    expect(keychain.get("refreshToken")).toMatch(/^[A-Za-z0-9_-]{16,256}$/);
    expect(keychain.get("deviceToken")).toMatch(/^[A-Za-z0-9_-]{16,256}$/);
    expect(await refreshCookies()).toEqual([]);
  });

  it("restores the session from the keychain", async () => {
    const before = keychain.get("refreshToken");

    await page.reload();

    await page.getByRole("heading", { name: "Today" }).waitFor();
    expect(keychain.get("refreshToken")).not.toBe(before);
    expect(await page.evaluate(() => sessionStorage.length + localStorage.length)).toBe(0);
  });

  it("registers no service worker", async () => {
    const registrations = await page.evaluate(async () => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      return (await navigator.serviceWorker.getRegistrations()).length;
    });

    expect(registrations).toBe(0);
  });

  it("opens the quick log from the tray", async () => {
    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByRole("heading", { name: "Settings" }).waitFor();

    await page.evaluate(() => window.sendQuickLog({ action: "open-quick-log" }));

    await page.getByRole("group", { name: "Daily log" }).waitFor();
    expect(new URL(page.url()).pathname + new URL(page.url()).hash).toBe("/today#quick-log");
    expect(
      await page.getByRole("group", { name: "Daily log" }).evaluate((element) => {
        return element === document.activeElement;
      }),
    ).toBe(true);
    expect(notifications).toEqual([]);
  });

  it("logs out and keeps the device token", async () => {
    const refreshToken = keychain.get("refreshToken");
    await page.getByRole("link", { name: "Settings" }).click();

    await page.getByRole("button", { name: "Log out", exact: true }).click();

    await page.getByRole("heading", { name: "Log in" }).waitFor();
    expect(keychain.has("refreshToken")).toBe(false);
    expect(keychain.has("deviceToken")).toBe(true);
    const refresh = await fetch(`${server.url}/api/v1/auth/refresh`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-client-type": "native" },
      body: JSON.stringify({ refreshToken }),
    });
    expect(refresh.status).toBe(401);
  });

  it("reports no CSP violations", () => {
    expect(cspViolations).toEqual([]);
  });
});
