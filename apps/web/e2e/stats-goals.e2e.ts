import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";

import { launchBrowser, recordCspViolations } from "./browser";
import type { TestBrowser } from "./browser";
import { checkScreen } from "./check-screen";
import { startFitCoachServer } from "./fitcoach-server";
import type { RunningServer } from "./fitcoach-server";

const PASSWORD = "amber glacier pepper 83";

let server: RunningServer;
let testBrowser: TestBrowser;
let page: Page;
let cspViolations: string[];
let accessToken = "";
let today = "";

const email = `dana-${randomBytes(4).toString("hex")}@example.com`;

/** Water logged per day, oldest first, ending today; the second day has two entries. */
const WATER_ML: number[][] = [[2000], [1500, 1000], [1800]];
/** Weight logged per day, oldest first, ending today. */
const WEIGHT_KG = [71.4, 71.1, 70.8];

async function callApi(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: Record<string, unknown> | null }> {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method: init.method ?? "POST",
    headers: {
      "content-type": "application/json",
      ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as never) : null };
}

function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

function region(name: string): ReturnType<Page["getByRole"]> {
  return page.getByRole("region", { name, exact: true });
}

/** Returns the first cell of each body row of the table in `card`: the value column. */
async function valueColumn(card: ReturnType<Page["getByRole"]>): Promise<string[]> {
  return card
    .locator("table tbody tr")
    .evaluateAll((rows) => rows.map((row) => row.querySelector("td")?.textContent ?? ""));
}

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

describe("goals and stats in Chromium", () => {
  it("registers, verifies and logs in", async () => {
    await page.goto(`${server.url}/register`);
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { name: "Check your email" }).waitFor();

    await page.goto(await server.waitForMailLink(email, "verify-email"));
    await page.getByText("Your email address is verified.").waitFor();
    await page.getByRole("link", { name: "Back to login" }).click();
    // The verified-email page is still on screen until the router swaps it for the login form.
    await page.getByRole("heading", { name: "Log in" }).waitFor();
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();

    await page.getByRole("heading", { name: "Today" }).waitFor();
  });

  it("sets goals on the goals screen", async () => {
    await page.getByRole("link", { name: "Goals" }).click();
    await page.getByRole("heading", { name: "Goals", level: 1 }).waitFor();
    const water = region("Water");
    const weight = region("Weight");
    const sleep = region("Sleep");

    await water.getByLabel("Water per day (ml)").fill("2000");
    await water.getByRole("button", { name: "Save" }).click();
    await water.getByText("Saved.").waitFor();
    await weight.getByLabel("Target weight (kg)").fill("68.5");
    await weight.getByRole("button", { name: "Save" }).click();
    await weight.getByText("Saved.").waitFor();
    await sleep.getByLabel("Sleep per night (hours)").fill("20");
    await sleep.getByRole("button", { name: "Save" }).click();

    await sleep.getByText("Enter between 3 and 15 hours.").waitFor();
    expect(await sleep.getByLabel("Sleep per night (hours)").getAttribute("aria-invalid")).toBe(
      "true",
    );
    await checkScreen(page, "goals");
  });

  it("stores the goals on the server", async () => {
    const login = await callApi("/auth/login", {
      body: { email, password: PASSWORD, deviceName: "Test script" },
      headers: { "x-client-type": "native" },
    });
    accessToken = String(login.body?.accessToken);

    const goals = await callApi("/goals", { method: "GET" });

    expect(goals.body).toMatchObject({
      waterMl: 2000,
      targetWeightKg: 68.5,
      targetWeightUnit: "kg",
      sleepMin: null,
      version: 2,
    });
  });

  it("logs water and weight through the API", async () => {
    const me = await callApi("/me", { method: "GET" });
    today = new Intl.DateTimeFormat("en-CA", { timeZone: String(me.body?.timeZone) }).format(
      new Date(),
    );

    for (const [index, entries] of WATER_ML.entries()) {
      const date = addDays(today, index - WATER_ML.length + 1);
      for (const ml of entries) {
        expect((await callApi("/water", { body: { date, ml } })).status).toBe(201);
      }
      const weightKg = WEIGHT_KG[index];
      expect((await callApi("/body", { body: { date, weightKg } })).status).toBe(201);
    }
  });

  it("shows today's progress towards the goals", async () => {
    await page.reload();

    await region("Water").getByText("Water today: 1,800 ml of 2,000 ml").waitFor();
    await region("Weight").getByText("Weight: latest 70.8 kg, goal 68.5 kg").waitFor();
  });

  it("charts water with its table and streaks", async () => {
    await page.getByRole("link", { name: "Stats" }).click();
    await page.getByRole("heading", { name: "Stats", level: 1 }).waitFor();

    await page.getByLabel("Metric").selectOption("water");

    const card = region("Water (ml)");
    await card.locator(".chart .recharts-line path").first().waitFor();
    expect(await card.locator(".chart .recharts-line").count()).toBe(2);
    const values = await valueColumn(card);
    expect(values).toHaveLength(30);
    expect(values.slice(-3)).toEqual(["2,000", "2,500", "1,800"]);
    expect(values.slice(0, -3).every((value) => value === "No data")).toBe(true);
    // 2,000 ml was reached two days ago and yesterday, but not today.
    await card.getByText("Current streak: 2 days").waitFor();
    await card.getByText("A day counts when it reaches your goal of 2,000 ml.").waitFor();
    await card.getByRole("button", { name: "Show as table" }).click();
    await card.getByRole("region", { name: "Water as a table" }).waitFor();
    await checkScreen(page, "stats-water");
  });

  it("charts weight by week", async () => {
    await page.getByLabel("Metric").selectOption("weight");
    await page.getByRole("radio", { name: "Week" }).check();

    const card = region("Weight (kg)");
    await card.getByRole("columnheader", { name: "Days with data" }).waitFor();
    const rows = card.locator("table tbody tr");
    const logged = await rows.evaluateAll((items) =>
      items
        .map((row) => [...row.querySelectorAll("td")].map((cell) => cell.textContent ?? ""))
        .filter((cells) => cells[0] !== "No data"),
    );
    const days = logged.reduce((sum, cells) => sum + Number(cells[2]), 0);
    expect(days).toBe(3);
    expect(await card.getByText("Current streak: 3 days").count()).toBe(1);
    await checkScreen(page, "stats-weight-week");
  });

  it("reports no CSP violations", () => {
    expect(cspViolations).toEqual([]);
  });
});
