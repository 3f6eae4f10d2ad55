import { rmSync } from "node:fs";
import type { Browser } from "playwright-core";
import { createApiClient } from "@fitcoach/client";
import { dayCardSchema } from "@fitcoach/contract";
import type { DayCard } from "@fitcoach/contract";

import { todayOnDevice } from "../src/platform/local-date";

import { registerAccount, TEST_PASSWORD, uniqueEmail } from "./accounts";
import { launchChromium } from "./browser";
import { sharedServerUrl, sharedWebPort } from "./shared-server";
import { serveFolder } from "./static-server";
import type { StaticServer } from "./static-server";
import { exportWebApp } from "./web-export";
import cs from "../src/i18n/locales/cs.json";
import en from "../src/i18n/locales/en.json";
import ru from "../src/i18n/locales/ru.json";

const serverUrl = sharedServerUrl();
let exportFolder: string | null = null;
let web: StaticServer;
let browser: Browser;

beforeAll(async () => {
  exportFolder = await exportWebApp();
  web = await serveFolder(exportFolder, sharedWebPort());
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await web?.close();
  if (exportFolder) rmSync(exportFolder, { recursive: true, force: true });
});

/** Fills a catalog text's {{placeholders}} as i18next does. */
function fill(text: string, values: Record<string, string>): string {
  return text.replace(/{{(\w+)}}/g, (_match, name: string) => values[name] ?? "");
}

/** Reads today's card from the server as another device of the same user. */
async function dayOnServer(email: string): Promise<DayCard> {
  const api = createApiClient({ platform: "native", baseUrl: serverUrl });
  await api.auth.login({ email, password: TEST_PASSWORD });
  return api.request({ path: `/days/${todayOnDevice()}`, schema: dayCardSchema });
}

const LANGUAGES = [
  { locale: "en-US", catalog: en },
  { locale: "ru-RU", catalog: ru },
  { locale: "cs-CZ", catalog: cs },
] as const;

describe("web export in Chromium", () => {
  it.each(LANGUAGES)("logs in and adds water in $locale", async ({ locale, catalog }) => {
    const language = locale.slice(0, 2);
    const email = uniqueEmail("web");
    await registerAccount(serverUrl, email);
    const context = await browser.newContext({ locale, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));

    await page.goto(web.url);
    await page.getByRole("heading", { name: catalog.login.title }).waitFor({ timeout: 30_000 });
    await page.getByLabel(catalog.fields.server).fill(serverUrl);
    await page.getByLabel(catalog.fields.email).fill(email);
    await page.getByLabel(catalog.fields.password).fill(TEST_PASSWORD);
    await page.getByRole("button", { name: catalog.login.submit }).click();
    await page.getByRole("heading", { name: catalog.today.title }).waitFor({ timeout: 30_000 });
    const ml = (value: number): string =>
      fill(catalog.units.ml, { value: new Intl.NumberFormat(language).format(value) });
    await page
      .getByText(fill(catalog.today.water.progress, { total: ml(0), goal: ml(2500) }))
      .waitFor();
    await page
      .getByRole("button", { name: fill(catalog.today.water.addGlass, { amount: ml(250) }) })
      .click();
    await page
      .getByText(fill(catalog.today.water.progress, { total: ml(250), goal: ml(2500) }))
      .waitFor();
    await page
      .getByText(fill(catalog.today.water.pendingEntry, { amount: ml(250) }))
      .waitFor({ state: "detached", timeout: 30_000 });
    const card = await dayOnServer(email);
    expect(card.water.totalMl).toBe(250);

    const today = new Intl.DateTimeFormat(language, {
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
    }).format(new Date());
    expect(await page.getByText(today, { exact: true }).count()).toBe(1);
    expect(await page.getByRole("tab", { name: catalog.nav.settings }).count()).toBe(1);
    // The web build keeps tokens in memory only.
    expect(await page.evaluate(() => window.localStorage.length)).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
