import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";

import { launchBrowser, recordCspViolations } from "./browser";
import type { TestBrowser } from "./browser";
import { checkScreen } from "./check-screen";
import { startFitCoachServer } from "./fitcoach-server";
import type { RunningServer } from "./fitcoach-server";

const PASSWORD = "saffron glacier pencil 83";

let server: RunningServer;
let testBrowser: TestBrowser;
let page: Page;
let cspViolations: string[];

const email = `dana-${randomBytes(4).toString("hex")}@example.com`;

interface CatalogFood {
  id: string;
  name: string;
  per100g: { kcal: number };
  portions: { id: string; unit: string; grams: number }[];
}

/** Reads the raw bananas from the food catalog through the API, as a native app would. */
async function catalogBanana(): Promise<CatalogFood> {
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-client-type": "native" },
    body: JSON.stringify({ email, password: PASSWORD, deviceName: "Test script" }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const search = await fetch(`${server.url}/api/v1/foods?q=banana`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  const page = (await search.json()) as { items: CatalogFood[] };
  const banana = page.items.find((food) => food.name === "Bananas, raw");
  if (!banana) throw new Error("The catalog has no raw bananas; is the food catalog loaded?");
  return banana;
}

function section(name: string): ReturnType<Page["getByRole"]> {
  return page.getByRole("region", { name, exact: true });
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

describe("daily log in Chromium", () => {
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

    await page.getByRole("heading", { name: "Today", level: 1 }).waitFor();
    await section("Water").getByText("0 of 2,500 ml").waitFor();
    await checkScreen(page, "daily-log-empty");
  });

  it("adds a breakfast from the catalog", async () => {
    const banana = await catalogBanana();
    const medium = banana.portions.find((portion) => portion.unit.startsWith("medium"));
    expect(medium).toBeDefined();
    const expectedKcal = Math.round((banana.per100g.kcal * medium!.grams) / 100);
    const meals = section("Meals");

    await meals.getByLabel("Search foods").fill("banana");
    await meals.getByRole("button", { name: "Bananas, raw", exact: true }).click();
    await meals.getByLabel("Portion", { exact: true }).selectOption(medium!.id);
    await meals.getByRole("button", { name: "Add to meal" }).click();
    await meals.getByRole("button", { name: "Save meal" }).click();

    const breakfast = meals.getByRole("region", { name: "Breakfast" });
    await breakfast.getByText("Bananas, raw").waitFor();
    expect(await breakfast.locator(".item").first().textContent()).toContain(
      `${expectedKcal} kcal`,
    );
    expect(await breakfast.locator(".meal-totals").textContent()).toContain(
      `Energy: ${expectedKcal} kcal`,
    );
    // The day's energy comes first in the day totals; a new account has no kcal goal yet.
    expect(await meals.locator(".nutrient-grid dd").first().textContent()).toBe(
      `${expectedKcal} kcal`,
    );
  });

  it("doubles the banana and logs the meal again", async () => {
    const meals = section("Meals");
    const breakfast = meals.getByRole("region", { name: "Breakfast" });
    const kcalBefore = await breakfast.locator(".item").first().textContent();

    await breakfast.getByRole("button", { name: "Edit Breakfast, meal 1" }).click();
    const form = breakfast.getByRole("form", { name: "Edit Breakfast, meal 1" });
    await form.getByLabel(/^Portions of Bananas, raw/).fill("2");
    await form.getByRole("button", { name: "Save changes" }).click();
    await breakfast.getByText(/^2 × medium/).waitFor();
    expect(await breakfast.locator(".item").first().textContent()).not.toBe(kcalBefore);

    await breakfast.getByRole("button", { name: "Save as saved meal Breakfast, meal 1" }).click();
    await breakfast.getByLabel("Name of the saved meal").fill("Two bananas");
    await breakfast.getByRole("button", { name: "Save", exact: true }).click();
    await breakfast.getByText("Saved as “Two bananas”.").waitFor();
    const picker = meals.getByRole("region", { name: "Saved meals" });
    await picker.getByLabel("Meal", { exact: true }).selectOption("snack");
    await picker.getByRole("button", { name: "Add to this day" }).click();

    await meals.getByRole("region", { name: "Snack" }).getByText("Bananas, raw").waitFor();
  });

  it("adds water", async () => {
    const water = section("Water");

    await water.getByRole("button", { name: "+250 ml" }).click();

    await water.getByText("250 of 2,500 ml").waitFor();
    expect(await water.getByRole("list", { name: "Water entries" }).textContent()).toContain(
      "250 ml",
    );
  });

  it("edits the water entry in place", async () => {
    const water = section("Water");

    await water.getByRole("button", { name: "Edit 250 ml" }).click();
    const amount = water
      .getByRole("form", { name: "Edit 250 ml" })
      .getByLabel("Amount (ml)", { exact: true });
    await amount.fill("400");
    await checkScreen(page, "daily-log-editing");
    await amount.press("Enter");

    await water.getByText("400 of 2,500 ml").waitFor();
    expect(await water.getByRole("list", { name: "Water entries" }).textContent()).toContain(
      "400 ml",
    );
  });

  it("logs a workout with two sets", async () => {
    const workouts = section("Workouts");

    await workouts.getByLabel("Duration (minutes)").fill("40");
    await workouts.getByLabel("Intensity").selectOption("4");
    await workouts.getByLabel("Search exercises").fill("barbell squat");
    await workouts.getByRole("button", { name: "Barbell Squat", exact: true }).click();
    await workouts.getByLabel("Set 1: reps").fill("5");
    await workouts.getByLabel("Set 1: weight (kg, optional)").fill("60");
    await workouts.getByRole("button", { name: "Add set (Barbell Squat)" }).click();
    await workouts.getByLabel("Set 2: reps").fill("3");
    await workouts.getByRole("button", { name: "Save workout" }).click();

    const workout = workouts.getByRole("article", { name: "Workout 1" });
    await workout.getByText("40 min · intensity 4 of 5").waitFor();
    await workout.getByText("Barbell Squat").waitFor();
    await workout.getByText("5 × 60 kg, 3 × 60 kg").waitFor();
  });

  it("logs steps and body measurements", async () => {
    const steps = section("Steps");
    const body = section("Body");

    await steps.getByLabel("Steps", { exact: true }).fill("8500");
    await steps.getByRole("button", { name: "Add steps" }).click();
    await body.getByLabel("Weight (kg)").fill("80.4");
    await body.getByLabel("Waist (cm)").fill("84");
    await body.getByRole("button", { name: "Save measurements" }).click();

    await steps.locator(".day-total", { hasText: "8,500" }).waitFor();
    await body.locator(".item > p", { hasText: "80.4 kg · waist 84 cm" }).waitFor();
  });

  it("keeps the entries after a reload", async () => {
    await page.reload();

    await section("Water").getByText("400 of 2,500 ml").waitFor();
    await section("Meals")
      .getByRole("region", { name: "Breakfast" })
      .getByText("Bananas, raw")
      .waitFor();
    await section("Workouts").getByText("5 × 60 kg, 3 × 60 kg").waitFor();
    await checkScreen(page, "daily-log");
    expect(cspViolations).toEqual([]);
  });
});
