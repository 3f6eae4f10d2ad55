import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  customFoodRecordSchema,
  mealRecordSchema,
  savedMealRecordSchema,
} from "@fitcoach/contract";
import type {
  CustomFood,
  CustomFoodRecord,
  MealRecord,
  SavedMeal,
  SavedMealRecord,
} from "@fitcoach/contract";
import { z } from "zod";

import { ManualClock } from "../../platform/clock";
import { createTestApp } from "../../../test/helpers/app";
import type { TestApp } from "../../../test/helpers/app";
import { bearer, registerAndLogin } from "../../../test/helpers/auth";

interface NutritionExport {
  customFoods: CustomFoodRecord[];
  meals: MealRecord[];
  savedMeals: SavedMealRecord[];
}

/** The sections as an account export document carries them, checked by the contract schemas. */
const exportSchema = z.object({
  customFoods: z.array(customFoodRecordSchema),
  meals: z.array(mealRecordSchema),
  savedMeals: z.array(savedMealRecordSchema),
});

/** Replaces generated ids by their position, so two accounts' exports can be compared. */
function withoutGeneratedIds(document: NutritionExport): unknown {
  const names = new Map<string, string>();
  document.customFoods.forEach((food, foodIndex) => {
    names.set(food.id, `food-${foodIndex}`);
    food.portions.forEach((portion, portionIndex) => {
      names.set(portion.id, `food-${foodIndex}-portion-${portionIndex}`);
    });
  });
  const items = (list: MealRecord["items"]): unknown =>
    list.map((item) => ({
      ...item,
      foodId: item.foodId === null ? null : (names.get(item.foodId) ?? item.foodId),
      portionId: item.portionId === null ? null : (names.get(item.portionId) ?? item.portionId),
    }));
  return {
    customFoods: document.customFoods.map((food) => ({
      ...food,
      id: names.get(food.id),
      portions: food.portions.map((portion) => ({ ...portion, id: names.get(portion.id) })),
    })),
    meals: document.meals.map((meal) => ({ ...meal, id: null, items: items(meal.items) })),
    savedMeals: document.savedMeals.map((saved) => ({
      ...saved,
      id: null,
      items: items(saved.items),
    })),
  };
}

describe("nutrition export and import", () => {
  let subject: TestApp;
  let clock: ManualClock;

  beforeAll(async () => {
    clock = new ManualClock("2026-02-01T07:00:00Z");
    subject = await createTestApp({ clock });
  });
  afterAll(async () => {
    await subject.close();
  });

  async function signUp(): Promise<{ token: string; id: string }> {
    const { accessToken } = await registerAndLogin(subject.app, subject.logs, () =>
      subject.deps.jobs.runOnce(),
    );
    const me = await subject.app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: bearer(accessToken),
    });
    return { token: accessToken, id: (me.json() as { id: string }).id };
  }

  async function post(token: string, url: string, payload: unknown): Promise<unknown> {
    clock.advance(1000);
    const response = await subject.app.inject({
      method: "POST",
      url,
      headers: bearer(token),
      payload: payload as Record<string, unknown>,
    });
    expect(response.statusCode, `${url} ${response.body}`).toBe(201);
    return response.json();
  }

  async function exportNutrition(userId: string): Promise<NutritionExport> {
    const services = subject.app.services;
    const document = {
      customFoods: await services.customFoods.exportRows(userId),
      meals: await services.meals.exportRows(userId),
      savedMeals: await services.savedMeals.exportRows(userId),
    };
    return exportSchema.parse(JSON.parse(JSON.stringify(document)));
  }

  async function importNutrition(userId: string, document: NutritionExport): Promise<number[]> {
    const services = subject.app.services;
    return subject.deps.database.db.transaction(async (tx) => {
      const foodIds = await services.customFoods.importRows(tx, userId, document.customFoods);
      const meals = await services.meals.importRows(tx, userId, document.meals, {
        foodIds,
        timeZone: "UTC",
      });
      const savedMeals = await services.savedMeals.importRows(tx, userId, document.savedMeals, {
        foodIds,
      });
      return [foodIds.size, meals, savedMeals];
    });
  }

  async function seedAccount(token: string): Promise<void> {
    const shake = (await post(token, "/api/v1/custom-foods", {
      name: "Protein shake",
      group: "Drinks",
      per100g: { kcal: 62.5, protein: 8.25, carbs: 3.1, fat: 1.05, sodiumMg: 48 },
      portions: [
        { amount: 1, unit: "bottle", grams: 330 },
        { amount: 0.5, unit: "bottle", grams: 165 },
      ],
    })) as CustomFood;
    await post(token, "/api/v1/meals", {
      date: "2026-01-30",
      type: "breakfast",
      note: "Gym day *before* work",
      items: [
        { foodId: "09040", grams: 118 },
        { foodId: "09040", portionId: "09040-1", quantity: 0.5 },
        { foodId: shake.id, portionId: shake.portions[1]!.id, quantity: 3 },
      ],
    });
    await post(token, "/api/v1/meals", {
      date: "2026-01-31",
      type: "dinner",
      items: [
        { foodId: "15076", grams: 180.5 },
        { name: "Restaurant salad", grams: 320, kcal: 410, fat: 31.5 },
      ],
    });
    await post(token, "/api/v1/meals", { date: "2026-01-31", type: "snack", items: [] });
    const saved = (await post(token, "/api/v1/saved-meals", {
      name: "Shake and banana",
      type: "snack",
      items: [
        { foodId: shake.id, portionId: shake.portions[0]!.id, quantity: 1 },
        { foodId: "09040", grams: 100 },
      ],
    })) as SavedMeal;
    expect(saved.totals.kcal).toBe(295.25);
  }

  it("round-trips into a fresh account", async () => {
    const source = await signUp();
    await seedAccount(source.token);
    const exported = await exportNutrition(source.id);
    const target = await signUp();

    const counts = await importNutrition(target.id, exported);
    const reexported = await exportNutrition(target.id);

    expect(counts).toEqual([3, 3, 1]);
    expect(exported.meals).toHaveLength(3);
    expect(exported.meals[0]!.items[2]).toMatchObject({
      name: "Protein shake",
      portionLabel: "0.5 bottle",
      quantity: 3,
      grams: 495,
      kcal: 309.375,
      sugar: null,
    });
    expect(withoutGeneratedIds(reexported)).toEqual(withoutGeneratedIds(exported));
    expect(reexported.customFoods[0]!.id).not.toBe(exported.customFoods[0]!.id);
  });

  it("adds nothing when imported twice", async () => {
    const source = await signUp();
    await seedAccount(source.token);
    const exported = await exportNutrition(source.id);
    const target = await signUp();
    await importNutrition(target.id, exported);
    const afterFirst = await exportNutrition(target.id);

    const counts = await importNutrition(target.id, exported);

    expect(counts).toEqual([3, 0, 0]);
    expect(await exportNutrition(target.id)).toEqual(afterFirst);
  });

  it("writes nothing when a date is out of range", async () => {
    const source = await signUp();
    await seedAccount(source.token);
    const exported = await exportNutrition(source.id);
    const target = await signUp();
    const broken = {
      ...exported,
      meals: [...exported.meals, { ...exported.meals[0]!, date: "2026-02-05" }],
    };

    const outcome = importNutrition(target.id, broken);

    await expect(outcome).rejects.toMatchObject({
      code: "validation-failed",
      options: { errors: [{ field: "meals.3.date" }] },
    });
    expect(await exportNutrition(target.id)).toEqual({
      customFoods: [],
      meals: [],
      savedMeals: [],
    });
  });
});
