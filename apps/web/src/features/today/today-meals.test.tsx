import { afterEach, describe, expect, it } from "vitest";
import { fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Meal } from "@fitcoach/contract";

import { FakeDayStore } from "../../test/fake-day-store";
import { renderApp, stopServers } from "../../test/render-app";
import { bodiesOf, routeTable } from "../../test/route-table";

afterEach(stopServers);

const DATE = "2026-03-29";

async function openDay(store: FakeDayStore): Promise<Awaited<ReturnType<typeof renderApp>>> {
  const app = await renderApp(`/day/${DATE}`, routeTable(store.routes()), {
    accessToken: "a1",
    session: "signed-in",
  });
  await screen.findByRole("region", { name: "Meals" });
  return app;
}

/** Stores a breakfast of one medium banana and 200 g of porridge typed as a free item. */
function storeBreakfast(store: FakeDayStore): Meal {
  const banana = {
    id: "item-1",
    foodId: "09040",
    portionId: "09040-2",
    portionLabel: "medium",
    quantity: 1,
    name: "Bananas, raw",
    grams: 118,
    kcal: 105.02,
    protein: 1.29,
    carbs: 26.95,
    fat: 0.39,
    fiber: 3.07,
    sugar: null,
    sodiumMg: null,
    saturatedFat: null,
  };
  const porridge = {
    ...banana,
    id: "item-2",
    foodId: null,
    portionId: null,
    portionLabel: null,
    quantity: null,
    name: "Porridge",
    grams: 200,
    kcal: 150,
    protein: 5,
    carbs: 27,
    fat: 3,
    fiber: 4,
  };
  const meal: Meal = {
    ...store.meta(),
    type: "breakfast",
    note: null,
    photo: null,
    items: [banana, porridge],
    totals: {
      kcal: 255.02,
      protein: 6.29,
      carbs: 53.95,
      fat: 3.39,
      fiber: 7.07,
      sugar: null,
      sodiumMg: null,
      saturatedFat: null,
      incomplete: [],
    },
  };
  store.meals.push(meal);
  return meal;
}

describe("meal free items and notes", () => {
  it("adds a free item with a note", async () => {
    const store = new FakeDayStore(DATE);
    const app = await openDay(store);
    const user = userEvent.setup();
    const meals = screen.getByRole("region", { name: "Meals" });
    const free = within(meals).getByRole("group", { name: "Food not in the catalog" });

    await user.type(within(free).getByLabelText("Food name"), "Grandma's stew");
    await user.type(within(free).getByLabelText("Weight (g)"), "350");
    await user.type(within(free).getByLabelText("Energy (kcal)"), "420");
    await user.type(within(free).getByLabelText("Protein (g, optional)"), "28,5");
    await user.type(within(free).getByLabelText("Fat (g, optional)"), "15{Enter}");
    fireEvent.change(within(meals).getByLabelText("Meal note (optional)"), {
      target: { value: "Eaten at **work**" },
    });
    await user.click(within(meals).getByRole("button", { name: "Save meal" }));

    const breakfast = within(meals).getByRole("region", { name: "Breakfast" });
    await within(breakfast).findByText("Grandma's stew");
    expect(within(breakfast).getByText("work").tagName).toBe("STRONG");
    expect(bodiesOf(app.server.requests, "POST /api/v1/meals")).toEqual([
      {
        date: DATE,
        type: "breakfast",
        items: [{ name: "Grandma's stew", grams: 350, kcal: 420, protein: 28.5, fat: 15 }],
        note: "Eaten at **work**",
      },
    ]);
  });

  it("rejects a free item without energy", async () => {
    const store = new FakeDayStore(DATE);
    await openDay(store);
    const user = userEvent.setup();
    const free = screen.getByRole("group", { name: "Food not in the catalog" });

    await user.type(within(free).getByLabelText("Food name"), "Soup");
    await user.type(within(free).getByLabelText("Weight (g)"), "300");
    await user.click(within(free).getByRole("button", { name: "Add this food" }));

    expect(within(free).getByLabelText("Energy (kcal)")).toHaveAttribute("aria-invalid", "true");
    expect(screen.queryByRole("list", { name: "Foods in this meal" })).toBeNull();
  });
});

describe("editing a meal", () => {
  it("changes amounts, items and type", async () => {
    const store = new FakeDayStore(DATE);
    const meal = storeBreakfast(store);
    const app = await openDay(store);
    const user = userEvent.setup();
    const meals = screen.getByRole("region", { name: "Meals" });

    await user.click(within(meals).getByRole("button", { name: "Edit Breakfast, meal 1" }));
    const form = within(meals).getByRole("form", { name: "Edit Breakfast, meal 1" });
    expect(within(form).getByLabelText("Meal")).toHaveFocus();
    await user.selectOptions(within(form).getByLabelText("Meal"), "lunch");
    const quantity = within(form).getByLabelText("Portions of Bananas, raw (medium)");
    await user.clear(quantity);
    await user.type(quantity, "2");
    const porridge = within(form).getByLabelText("Grams of Porridge");
    await user.clear(porridge);
    await user.type(porridge, "300");
    expect(within(form).getByText("300 g, 225 kcal")).toBeInTheDocument();
    await user.type(within(form).getByLabelText("Food name"), "Tea");
    await user.type(within(form).getByLabelText("Weight (g)"), "250");
    await user.type(within(form).getByLabelText("Energy (kcal)"), "2{Enter}");
    await user.click(within(form).getByRole("button", { name: "Remove Tea" }));
    await user.click(within(form).getByRole("button", { name: "Save changes" }));

    const lunch = within(meals).getByRole("region", { name: "Lunch" });
    await within(lunch).findByText("Porridge");
    expect(within(lunch).getByText("225 kcal")).toBeInTheDocument();
    expect(
      app.server.requests.find((request) => request.method === "PATCH")!.headers["if-match"],
    ).toBe('"v1"');
    expect(bodiesOf(app.server.requests, `PATCH /api/v1/meals/${meal.id}`)).toEqual([
      {
        type: "lunch",
        items: [
          { foodId: "09040", portionId: "09040-2", quantity: 2 },
          {
            name: "Porridge",
            grams: 300,
            kcal: 225,
            protein: 7.5,
            carbs: 40.5,
            fat: 4.5,
            fiber: 6,
            sugar: null,
            sodiumMg: null,
            saturatedFat: null,
          },
        ],
        note: null,
      },
    ]);
  });

  it("reports a meal changed elsewhere", async () => {
    const store = new FakeDayStore(DATE);
    const meal = storeBreakfast(store);
    await openDay(store);
    const user = userEvent.setup();
    const meals = screen.getByRole("region", { name: "Meals" });
    await user.click(within(meals).getByRole("button", { name: "Edit Breakfast, meal 1" }));
    store.touch(meal);

    await user.click(within(meals).getByRole("button", { name: "Save changes" }));

    expect(await within(meals).findByRole("alert")).toHaveTextContent(
      "This entry was changed on another device.",
    );
    expect(meal.version).toBe(2);
  });
});

describe("saved meals", () => {
  it("saves a meal and logs it", async () => {
    const store = new FakeDayStore(DATE);
    const meal = storeBreakfast(store);
    const app = await openDay(store);
    const user = userEvent.setup();
    const meals = screen.getByRole("region", { name: "Meals" });
    expect(await within(meals).findByText(/No saved meals yet/)).toBeInTheDocument();

    await user.click(
      within(meals).getByRole("button", { name: "Save as saved meal Breakfast, meal 1" }),
    );
    const name = within(meals).getByLabelText("Name of the saved meal");
    await user.clear(name);
    await user.type(name, "Weekday breakfast{Enter}");
    expect(await within(meals).findByText("Saved as “Weekday breakfast”.")).toBeInTheDocument();
    expect(
      within(meals).getByRole("button", { name: "Save as saved meal Breakfast, meal 1" }),
    ).toHaveFocus();
    const picker = within(meals).getByRole("region", { name: "Saved meals" });
    await within(picker).findByRole("option", { name: "Weekday breakfast (255 kcal)" });
    await user.selectOptions(within(picker).getByLabelText("Meal"), "snack");
    await user.click(within(picker).getByRole("button", { name: "Add to this day" }));

    const snack = within(meals).getByRole("region", { name: "Snack" });
    expect(await within(snack).findByText("Porridge")).toBeInTheDocument();
    expect(bodiesOf(app.server.requests, "POST /api/v1/saved-meals")).toEqual([
      { name: "Weekday breakfast", mealId: meal.id },
    ]);
    const saved = store.savedMeals[0]!;
    expect(bodiesOf(app.server.requests, `POST /api/v1/saved-meals/${saved.id}/log`)).toEqual([
      { date: DATE, type: "snack" },
    ]);
  });
});
