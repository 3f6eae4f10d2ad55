import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { rowsOf, sql } from "../../platform/database";
import { createTestApp } from "../../../test/helpers/app";
import type { TestApp } from "../../../test/helpers/app";
import { bearer, registerAndLogin } from "../../../test/helpers/auth";
import { loadFoodCatalog, readCatalogFiles } from "./food-catalog";
import type { CatalogFiles } from "./food-catalog";

describe("food catalog loader", () => {
  let subject: TestApp;

  beforeAll(async () => {
    subject = await createTestApp();
  });
  afterAll(async () => {
    await subject.close();
  });

  async function count(query: ReturnType<typeof sql>): Promise<number> {
    const result = await subject.deps.database.db.execute(query);
    return Number(rowsOf<{ count: string }>(result)[0]!.count);
  }

  function editedCatalog(edit: {
    foods: (lines: string[]) => string[];
    portions: (lines: string[]) => string[];
  }): CatalogFiles {
    const original = readCatalogFiles();
    const lines = (file: Buffer): string[] =>
      gunzipSync(file).toString("utf8").trimEnd().split("\n");
    return {
      foods: gzipSync(`${edit.foods(lines(original.foods)).join("\n")}\n`),
      portions: gzipSync(`${edit.portions(lines(original.portions)).join("\n")}\n`),
    };
  }

  it("loads every food and portion", async () => {
    expect(await count(sql`select count(*) from foods where source = 'usda-sr28'`)).toBe(8789);
    expect(await count(sql`select count(*) from food_portions`)).toBe(15438);
  });

  it("stores missing values as NULL, not zero", async () => {
    // Filled cells in the USDA file: fiber 8,195, sugar 6,957, sodium 8,706, saturated fat 8,440.
    expect(await count(sql`select count(*) from foods where fiber is null`)).toBe(594);
    expect(await count(sql`select count(*) from foods where sugar is null`)).toBe(1832);
    expect(await count(sql`select count(*) from foods where sodium_mg is null`)).toBe(83);
    expect(await count(sql`select count(*) from foods where saturated_fat is null`)).toBe(349);
    expect(await count(sql`select count(*) from foods where kcal is null`)).toBe(0);
    expect(await count(sql`select count(*) from foods where id = '01001' and fiber = 0`)).toBe(1);
  });

  it("skips a catalog that is already loaded", async () => {
    const outcome = await loadFoodCatalog(subject.deps.database.db, subject.deps.logger);

    expect(outcome).toBe("unchanged");
  });

  it("applies a changed catalog and keeps user data", async () => {
    const { accessToken } = await registerAndLogin(subject.app, subject.logs, () =>
      subject.deps.jobs.runOnce(),
    );
    const custom = await subject.app.inject({
      method: "POST",
      url: "/api/v1/custom-foods",
      headers: bearer(accessToken),
      payload: { name: "Sourdough", per100g: { kcal: 250 } },
    });
    const meal = await subject.app.inject({
      method: "POST",
      url: "/api/v1/meals",
      headers: bearer(accessToken),
      payload: { date: "2026-01-01", type: "lunch", items: [{ foodId: "01001", grams: 10 }] },
    });
    const changed = editedCatalog({
      foods: (lines) =>
        lines
          .filter((line) => !line.startsWith("01001,"))
          .map((line) => (line.startsWith("09040,") ? line.replace(",89,", ",90,") : line)),
      portions: (lines) => lines.filter((line) => !line.startsWith("01001,")),
    });

    const first = await loadFoodCatalog(subject.deps.database.db, subject.deps.logger, changed);
    const second = await loadFoodCatalog(subject.deps.database.db, subject.deps.logger, changed);

    expect(first).toBe("loaded");
    expect(second).toBe("unchanged");
    expect(await count(sql`select count(*) from foods where id = '01001'`)).toBe(0);
    expect(await count(sql`select count(*) from food_portions where food_id = '01001'`)).toBe(0);
    expect(await count(sql`select count(*) from foods where id = '09040' and kcal = 90`)).toBe(1);
    expect(await count(sql`select count(*) from foods where source = 'usda-sr28'`)).toBe(8788);
    const customId = (custom.json() as { id: string }).id;
    expect(await count(sql`select count(*) from foods where id = ${customId}`)).toBe(1);
    const mealId = (meal.json() as { id: string }).id;
    const storedMeal = await subject.app.inject({
      method: "GET",
      url: `/api/v1/meals/${mealId}`,
      headers: bearer(accessToken),
    });
    // 10 g of salted butter at 717 kcal per 100 g, kept after the food left the catalog.
    expect(storedMeal.json()).toMatchObject({ items: [{ name: "Butter, salted", kcal: 71.7 }] });

    const restored = await loadFoodCatalog(subject.deps.database.db, subject.deps.logger);
    expect(restored).toBe("loaded");
    expect(await count(sql`select count(*) from foods where source = 'usda-sr28'`)).toBe(8789);
  });

  it("rejects a catalog with an invalid number", async () => {
    const broken = editedCatalog({
      foods: (lines) =>
        lines.map((line) => (line.startsWith("09040,") ? line.replace(",89,", ",8g9,") : line)),
      portions: (lines) => lines,
    });

    const outcome = loadFoodCatalog(subject.deps.database.db, subject.deps.logger, broken);

    await expect(outcome).rejects.toThrow(
      /usda-sr28-foods\.csv\.gz line \d+: invalid number "8g9"/,
    );
    expect(await count(sql`select count(*) from foods where id = '09040' and kcal = 89`)).toBe(1);
  });
});
