import { GLASS_ML, customFoodSchema, foodPageSchema, mealDaySchema } from "@fitcoach/contract";
import type { DayCard } from "@fitcoach/contract";

import { addDays, todayOnDevice } from "../../platform/local-date";
import { readCachedResource } from "../../storage/cached-resources";
import { signUpAndLogIn } from "../../../test/accounts";
import { createTestDevice } from "../../../test/device";
import { sharedServerUrl } from "../../../test/shared-server";
import { searchLocalExercises, syncExerciseCatalog } from "./exercise-catalog";
import { RECENT_DAYS, cacheRecentDays } from "./recent-days";
import { rememberFoods, searchLocalFoods, syncCustomFoods } from "./user-foods";
import { queueEntry } from "../today/day-writes";

const serverUrl = sharedServerUrl();

describe("offline data against the server", () => {
  it("copies the exercise catalog for offline search", async () => {
    const device = createTestDevice(serverUrl);
    const runtime = await device.launch();
    runtime.scheduler.dispose();
    await signUpAndLogIn(runtime, "catalog");

    const stored = await syncExerciseCatalog(runtime.database, runtime.api);
    device.network.setOffline(true);
    const found = await searchLocalExercises(runtime.database, "barbell SQUAT");
    const again = await syncExerciseCatalog(runtime.database, runtime.api);

    // The bundled free-exercise-db catalog has 873 exercises.
    expect(stored).toBe(873);
    expect(found.map((exercise) => exercise.name)).toContain("Barbell Squat");
    expect(found.every((exercise) => /barbell/i.test(exercise.name))).toBe(true);
    expect(await searchLocalExercises(runtime.database, "%")).toEqual([]);
    expect(again).toBeNull();
    runtime.dispose();
  });

  it("keeps recent days for offline use", async () => {
    const device = createTestDevice(serverUrl);
    const runtime = await device.launch();
    runtime.scheduler.dispose();
    await signUpAndLogIn(runtime, "recent");
    const yesterday = addDays(todayOnDevice(), -1);
    await runtime.api.request({
      method: "POST",
      path: "/water",
      body: { date: yesterday, ml: GLASS_ML },
    });

    await cacheRecentDays(runtime.database, runtime.api);

    const rows = await runtime.database.all<{ path: string }>(
      "SELECT path FROM cached_resources WHERE path LIKE '/days/%'",
    );
    expect(rows).toHaveLength(RECENT_DAYS + 1);
    const cached = await readCachedResource<DayCard>(runtime.database, `/days/${yesterday}`);
    expect(cached?.body.water.totalMl).toBe(GLASS_ML);
    runtime.dispose();
  });

  it("logs a meal offline from kept foods", async () => {
    const device = createTestDevice(serverUrl);
    const runtime = await device.launch();
    runtime.scheduler.dispose();
    await signUpAndLogIn(runtime, "foods");
    const granola = await runtime.api.request({
      method: "POST",
      path: "/custom-foods",
      body: { name: "Grandma's granola bar", per100g: { kcal: 450 } },
      schema: customFoodSchema,
    });
    const bananas = await runtime.api.request({
      path: "/foods",
      query: { q: "bananas raw" },
      schema: foodPageSchema,
    });

    await rememberFoods(runtime.database, bananas.items);
    const ownFoods = await syncCustomFoods(runtime.database, runtime.api);
    device.network.setOffline(true);
    const banana = (await searchLocalFoods(runtime.database, "banana"))[0];
    const ownFound = await searchLocalFoods(runtime.database, "granola");
    const date = todayOnDevice();
    await queueEntry(runtime, "meals", date, {
      date,
      type: "snack",
      items: [
        { foodId: banana!.id, grams: 120 },
        { foodId: granola.id, grams: 45 },
      ],
    });
    device.network.setOffline(false);
    const result = await runtime.engine.sync();
    const meals = await runtime.api.request({
      path: "/meals",
      query: { date },
      schema: mealDaySchema,
    });

    expect(ownFoods).toBe(1);
    expect(banana?.name).toBe("Bananas, raw");
    expect(ownFound.map((food) => food.id)).toEqual([granola.id]);
    expect(result.state).toBe("idle");
    expect(meals.meals).toHaveLength(1);
    expect(meals.meals[0]?.items.map((item) => item.name)).toEqual([
      "Bananas, raw",
      "Grandma's granola bar",
    ]);
    expect(meals.meals[0]?.totals.kcal).toBeCloseTo(0.89 * 120 + 4.5 * 45, 0);
    runtime.dispose();
  });
});
