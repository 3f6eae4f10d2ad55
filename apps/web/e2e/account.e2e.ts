import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Secret, TOTP } from "otpauth";
import type { Page } from "playwright-core";

import { findSeriousViolations } from "./axe";
import { launchBrowser, recordCspViolations, screenshotBothThemes } from "./browser";
import type { TestBrowser } from "./browser";
import { startFitCoachServer } from "./fitcoach-server";
import type { RunningServer } from "./fitcoach-server";

const PASSWORD = "violet harbor lantern 47";
const NEW_PASSWORD = "copper meadow quietly 19";
const TOTP_PERIOD_SECONDS = 30;

let server: RunningServer;
let testBrowser: TestBrowser;
let page: Page;
let cspViolations: string[];

const email = `ann-${randomBytes(4).toString("hex")}@example.com`;

beforeAll(async () => {
  server = await startFitCoachServer();
  testBrowser = await launchBrowser();
  const context = await testBrowser.browser.newContext({ viewport: { width: 390, height: 844 } });
  page = await context.newPage();
  cspViolations = recordCspViolations(page);
});

afterAll(async () => {
  await testBrowser?.close();
  await server?.stop();
});

/**
 * Returns the TOTP code of the step `stepOffset` steps from now. The server accepts each step once
 * and tolerates one step of drift, so a login right after enabling uses the next step.
 */
function totpCode(secret: string, stepOffset: number): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), period: TOTP_PERIOD_SECONDS });
  return totp.generate({ timestamp: Date.now() + stepOffset * TOTP_PERIOD_SECONDS * 1000 });
}

/** Saves the screen in both themes and fails on serious or critical axe findings in either. */
async function checkScreen(name: string): Promise<void> {
  await screenshotBothThemes(page, name);
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await findSeriousViolations(page), `${name} in ${scheme}`).toEqual([]);
  }
}

async function callApi(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: Record<string, unknown> | null }> {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method: init.method ?? "POST",
    headers: { "content-type": "application/json", ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as never) : null };
}

/**
 * Logs in as a native app would, which opens a second session for the revoke step. With 2FA on,
 * the app finishes the login with a recovery code.
 */
async function loginAsNativeApp(password: string, recoveryCode?: string): Promise<string> {
  const headers = { "x-client-type": "native" };
  let answer = await callApi("/auth/login", {
    body: { email, password, deviceName: "Test phone" },
    headers,
  });
  if (recoveryCode !== undefined) {
    expect(answer.body?.mfaRequired).toBe(true);
    answer = await callApi("/auth/login/2fa", {
      body: { mfaToken: answer.body?.mfaToken, recoveryCode },
      headers,
    });
  }
  expect(answer.status).toBe(200);
  return String(answer.body?.refreshToken);
}

function settingsSection(name: string): ReturnType<Page["getByRole"]> {
  return page.getByRole("region", { name, exact: true });
}

describe("account flow in Chromium", () => {
  let secret = "";
  let recoveryCode = "";
  let phoneRefreshToken = "";

  it("registers an account", async () => {
    await page.goto(`${server.url}/register`);
    await page.getByLabel("Name (optional)").fill("Ann");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await checkScreen("register");

    await page.getByRole("button", { name: "Create account" }).click();

    await page.getByRole("heading", { name: "Check your email" }).waitFor();
    await checkScreen("register-sent");
  });

  it("verifies the email from the logged link", async () => {
    const link = await server.waitForMailLink(email, "verify-email");

    await page.goto(link);

    await page.getByText("Your email address is verified.").waitFor();
    expect(new URL(link).pathname).toBe("/verify-email");
    await checkScreen("verify-email");
  });

  it("logs in with the password", async () => {
    await page.getByRole("link", { name: "Back to login" }).click();
    // The verified-email page is still on screen until the router swaps it for the login form.
    await page.getByRole("heading", { name: "Log in" }).waitFor();
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await checkScreen("login-filled");

    await page.getByRole("button", { name: "Log in" }).click();

    await page.getByRole("heading", { name: "Today" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/today");
    const cookies = await page.context().cookies(`${server.url}/api/v1/auth/refresh`);
    expect(cookies.find((cookie) => cookie.name === "fc_refresh")?.httpOnly).toBe(true);
    await checkScreen("today");
  });

  it("waits out another tab's refresh", async () => {
    const refreshUrl = `${server.url}/api/v1/auth/refresh`;
    const cookie = (await page.context().cookies(refreshUrl)).find(
      (item) => item.name === "fc_refresh",
    );
    // Another tab rotates the shared cookie first. Its new cookie reaches the jar only after this
    // page's own refresh with the old one came back 409, as when two tabs restore at once.
    const rotated = await fetch(refreshUrl, {
      method: "POST",
      headers: { cookie: `fc_refresh=${cookie?.value}`, "x-fitcoach-client": "web" },
    });
    const successor = /fc_refresh=([^;]+)/.exec(rotated.headers.get("set-cookie") ?? "")?.[1];
    const statuses: number[] = [];
    await page.route(refreshUrl, async (route) => {
      const response = await route.fetch();
      statuses.push(response.status());
      if (statuses.length === 1 && cookie && successor) {
        await page.context().addCookies([{ ...cookie, value: successor }]);
      }
      await route.fulfill({ response });
    });

    await page.reload();

    await page.getByRole("heading", { name: "Today" }).waitFor();
    await page.unroute(refreshUrl);
    expect(rotated.status).toBe(200);
    expect(statuses).toEqual([409, 200]);
  });

  it("turns on two-factor login", async () => {
    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByRole("heading", { name: "Settings" }).waitFor();
    await checkScreen("settings");
    const section = settingsSection("Two-factor login");

    await section.getByRole("button", { name: "Set up two-factor login" }).click();
    secret = (await section.locator("code.secret").textContent()) ?? "";
    await section.getByLabel("6-digit code").fill(totpCode(secret, 0));
    await checkScreen("two-factor-setup");
    await section.getByRole("button", { name: "Turn on" }).click();

    const codes = section.getByRole("list", { name: "Your recovery codes" }).getByRole("listitem");
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    recoveryCode = (await codes.first().textContent()) ?? "";
    await checkScreen("recovery-codes");
    await section.getByRole("button", { name: "I have saved them" }).click();
    await section.getByText("Two-factor login is on.").waitFor();
  });

  it("logs out", async () => {
    await settingsSection("Sessions").getByRole("button", { name: "Log out", exact: true }).click();

    await page.getByRole("heading", { name: "Log in" }).waitFor();
    const cookies = await page.context().cookies(`${server.url}/api/v1/auth/refresh`);
    expect(cookies.some((cookie) => cookie.name === "fc_refresh")).toBe(false);
  });

  it("logs in with the next TOTP code", async () => {
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("heading", { name: "Two-factor login" }).waitFor();
    await page.getByLabel("6-digit code").fill(totpCode(secret, 1));
    await checkScreen("login-two-factor");

    await page.getByRole("button", { name: "Verify" }).click();

    // Logging out on Settings left ?next=/settings on the login page, so the login returns there.
    await page.getByRole("heading", { name: "Settings" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/settings");
  });

  it("revokes the session of another device", async () => {
    // Turning 2FA on ended every other session, so the phone logs in again now.
    phoneRefreshToken = await loginAsNativeApp(PASSWORD, recoveryCode);
    await page.reload();
    const section = settingsSection("Sessions");
    await section.getByText("This device").waitFor();
    const revoke = section.getByRole("button", { name: "End session on Test phone" });

    await revoke.click();

    await revoke.waitFor({ state: "detached" });
    const refresh = await callApi("/auth/refresh", {
      body: { refreshToken: phoneRefreshToken },
      headers: { "x-client-type": "native" },
    });
    expect(refresh.status).toBe(401);
    expect(refresh.body?.type).toBe("/problems/session-expired");
  });

  it("shows the security activity", async () => {
    await page.reload();
    const section = settingsSection("Security activity");

    await section.getByText("auth 2fa enabled").waitFor();

    expect(await section.getByText("auth session revoked").count()).toBe(1);
    expect(await section.getByText("auth login succeeded").count()).toBeGreaterThanOrEqual(2);
    await checkScreen("settings-signed-in-with-two-factor");
  });

  it("changes the password", async () => {
    const section = settingsSection("Password");
    await section.getByLabel("Current password").fill(PASSWORD);
    await section.getByLabel("New password").fill(NEW_PASSWORD);

    await section.getByRole("button", { name: "Change password" }).click();

    await section.getByText("Your password is changed.", { exact: false }).waitFor();
    const withOld = await callApi("/auth/login", { body: { email, password: PASSWORD } });
    const withNew = await callApi("/auth/login", { body: { email, password: NEW_PASSWORD } });
    expect(withOld.status).toBe(401);
    expect(withNew.body?.mfaRequired).toBe(true);
  });

  it("downloads the export", async () => {
    const section = settingsSection("Export your data");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      section.getByRole("button", { name: "Download export" }).click(),
    ]);

    await section.getByText("Your export was downloaded.").waitFor();
    expect(download.suggestedFilename()).toMatch(/^fitcoach-export-\d{4}-\d{2}-\d{2}\.json$/);
    const document = JSON.parse(readFileSync(await download.path(), "utf8")) as {
      format: string;
      account: { email: string };
    };
    expect(document.format).toBe("fitcoach-export");
    expect(document.account.email).toBe(email);
    await checkScreen("settings-export");
  });

  it("reports no CSP violations", () => {
    expect(cspViolations).toEqual([]);
  });
});
