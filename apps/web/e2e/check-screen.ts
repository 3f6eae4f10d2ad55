import { expect } from "vitest";
import type { Page } from "playwright-core";

import { findSeriousViolations } from "./axe";
import { screenshotBothThemes } from "./browser";

/** Saves the screen in both themes and fails on serious or critical axe findings in either. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await screenshotBothThemes(page, name);
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await findSeriousViolations(page), `${name} in ${scheme}`).toEqual([]);
  }
}
