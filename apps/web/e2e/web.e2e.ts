import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";

import { findSeriousViolations } from "./axe";
import { launchBrowser, recordCspViolations, screenshotBothThemes } from "./browser";
import type { TestBrowser } from "./browser";
import { startFitCoachServer } from "./fitcoach-server";
import type { RunningServer } from "./fitcoach-server";

let server: RunningServer;
let testBrowser: TestBrowser;

beforeAll(async () => {
  server = await startFitCoachServer();
  testBrowser = await launchBrowser();
});

afterAll(async () => {
  await testBrowser?.close();
  await server?.stop();
});

async function openPage(path: string): Promise<{ page: Page; cspViolations: string[] }> {
  const context = await testBrowser.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const cspViolations = recordCspViolations(page);
  await page.goto(`${server.url}${path}`);
  return { page, cspViolations };
}

describe("web app in Chromium", () => {
  it("serves login under the strict CSP", async () => {
    const response = await fetch(`${server.url}/login`);
    const { page, cspViolations } = await openPage("/login");

    await page.getByRole("heading", { name: "Log in" }).waitFor();

    expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(cspViolations).toEqual([]);
    await screenshotBothThemes(page, "login");
  });

  it.each(["/login", "/register", "/forgot-password", "/reset-password?token=missing"])(
    "%s has no serious axe violations",
    async (path) => {
      const { page } = await openPage(path);
      await page.locator("h1").waitFor();

      for (const scheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        expect(await findSeriousViolations(page)).toEqual([]);
      }
    },
  );

  it("deep links to a mailed path", async () => {
    const { page } = await openPage("/unlock?token=abcdefghijklmnopqrstuvwxyz");

    await page.getByRole("heading", { name: "Unlock your account" }).waitFor();

    expect(await page.getByRole("button", { name: "Unlock account" }).isVisible()).toBe(true);
  });

  it("registers the service worker", async () => {
    const { page } = await openPage("/login");

    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);

    expect(scope).toBe(`${server.url}/`);
  });

  it("serves the app shell offline", async () => {
    const { page } = await openPage("/login");
    await page.evaluate(async () => navigator.serviceWorker.ready);
    // The first load is not controlled by the worker yet; after a reload it is.
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    await page.context().setOffline(true);
    await page.goto(`${server.url}/today`);

    await page.getByText("You are offline.", { exact: false }).waitFor();
    await page.getByRole("heading", { name: "Today" }).waitFor({ timeout: 5000 });
    expect(await page.getByRole("navigation", { name: "Main" }).isVisible()).toBe(true);
    expect(await findSeriousViolations(page)).toEqual([]);
    await screenshotBothThemes(page, "today-offline");
  });

  // TODO: add breakfast from the food catalog, water, a workout and the stats chart to the account
  // flow in account.e2e.ts once the tracking APIs are merged.
});
