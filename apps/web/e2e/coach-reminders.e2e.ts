import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";

import { launchBrowser, recordCspViolations } from "./browser";
import type { TestBrowser } from "./browser";
import { checkScreen } from "./check-screen";
import { startFitCoachServer } from "./fitcoach-server";
import type { RunningServer } from "./fitcoach-server";

const PASSWORD = "orchid tundra compass 52";

let server: RunningServer;
let testBrowser: TestBrowser;
let page: Page;
let cspViolations: string[];
let accessToken = "";
/** Accept headers of the page's chat requests, to prove the reply was streamed. */
const chatAccepts: string[] = [];

const email = `cora-${randomBytes(4).toString("hex")}@example.com`;

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

/** Registers and verifies an account through the API and fills the profile the targets need. */
async function prepareAccount(): Promise<void> {
  expect((await callApi("/auth/register", { body: { email, password: PASSWORD } })).status).toBe(
    202,
  );
  const link = new URL(await server.waitForMailLink(email, "verify-email"));
  const verified = await callApi("/auth/verify-email", {
    body: { token: link.searchParams.get("token") },
  });
  expect(verified.status).toBe(200);

  const login = await callApi("/auth/login", {
    body: { email, password: PASSWORD, deviceName: "Test script" },
    headers: { "x-client-type": "native" },
  });
  accessToken = String(login.body?.accessToken);
  const profile = await callApi("/me", {
    method: "PATCH",
    body: { birthDate: "1990-05-01", sex: "female", heightCm: 168, activityLevel: "moderate" },
    headers: { authorization: `Bearer ${accessToken}` },
  });
  expect(profile.status).toBe(200);
}

beforeAll(async () => {
  server = await startFitCoachServer();
  testBrowser = await launchBrowser();
  const context = await testBrowser.browser.newContext({ viewport: { width: 390, height: 844 } });
  page = await context.newPage();
  cspViolations = recordCspViolations(page);
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === "/api/v1/coach/chat") {
      chatAccepts.push(request.headers()["accept"] ?? "");
    }
  });
  await prepareAccount();
});

afterAll(async () => {
  await testBrowser?.close();
  await server?.stop();
});

describe("coach and reminders in Chromium", () => {
  it("shows the coach's targets", async () => {
    await page.goto(`${server.url}/login?next=%2Fcoach`);
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("heading", { name: "Coach", level: 1 }).waitFor();
    const targets = page.getByRole("region", { name: "Daily targets" });

    await targets.getByLabel("Weight (kg, optional)").fill("64");
    await targets.getByRole("button", { name: "Show targets" }).click();

    await targets.getByText("Mifflin-St Jeor", { exact: false }).waitFor();
    // 10 × 64 + 6.25 × 168 − 5 × age − 161, times 1.55 for moderate activity, as the rule shows.
    expect(await targets.getByText("× 1.55 (moderate activity)", { exact: false }).count()).toBe(1);
    await page
      .getByRole("region", { name: "Daily summary" })
      .getByText("Three suggestions")
      .waitFor();
    await checkScreen(page, "coach");
  });

  it("answers in the chat", async () => {
    await page.getByRole("link", { name: "Chat", exact: true }).click();
    await page.getByLabel("Message to the coach").fill("How much water should I drink?");

    await page.getByRole("button", { name: "Send" }).click();

    await page.waitForURL(/\/coach\/chat\/[0-9a-f-]{36}$/);
    const messages = page.getByRole("list", { name: "Messages" });
    await messages.getByText("Coach", { exact: true }).waitFor();
    const reply = messages.locator(".message-assistant .markdown");
    expect((await reply.textContent())?.length ?? 0).toBeGreaterThan(20);
    expect(await reply.textContent()).toContain("ml");
    expect(chatAccepts).toEqual(["text/event-stream, application/problem+json"]);
    await page
      .getByRole("region", { name: "Conversations" })
      .getByRole("link", { name: "How much water should I drink?" })
      .waitFor();
    await checkScreen(page, "coach-chat");
  });

  it("turns on the daily log reminder", async () => {
    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByRole("link", { name: "Set up reminders" }).click();
    await page.getByRole("heading", { name: "Reminders", level: 1 }).waitFor();
    const form = page.getByRole("form", { name: "Add a reminder" });
    expect(await form.getByLabel("Kind").inputValue()).toBe("daily-log");
    expect(await form.getByLabel("Time").inputValue()).toBe("21:00");

    await form.getByRole("button", { name: "Add reminder" }).click();

    const list = page.getByRole("region", { name: "Your reminders" });
    await list.getByText("Log your day", { exact: true }).waitFor();
    await page.reload();
    await list.getByText("21:00 · Every day · In the app").waitFor();
    expect(await list.getByRole("checkbox", { name: "On (Log your day)" }).isChecked()).toBe(true);
    const rules = await callApi("/reminders/rules", {
      method: "GET",
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(rules.body?.items).toMatchObject([
      { kind: "daily-log", enabled: true, channel: "in-app", time: "21:00" },
    ]);
    await checkScreen(page, "reminders");
  });

  it("shows the notification list", async () => {
    await page.getByRole("link", { name: "Notifications" }).click();

    await page.getByRole("heading", { name: "Notifications", level: 1 }).waitFor();
    await page.getByText("No notifications.").waitFor();
    await checkScreen(page, "notifications");
  });

  it("reports no CSP violations", () => {
    expect(cspViolations).toEqual([]);
  });
});
