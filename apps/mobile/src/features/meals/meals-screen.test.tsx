import { fireEvent, screen, waitFor } from "expo-router/testing-library";
import type { Food } from "@fitcoach/contract";

import { renderFreshApp } from "../../../test/render-app";
import { sendJson, signedInRoutes, startScriptedApi } from "../../../test/scripted-api";
import type { ScriptedApi } from "../../../test/scripted-api";
import { logInThroughScreen, openTab } from "../../../test/sign-in";

let api: ScriptedApi | null = null;

afterEach(async () => {
  await api?.close();
  api = null;
});

const BANANA: Food = {
  id: "09040",
  name: "Bananas, raw",
  group: "Fruits and Fruit Juices",
  source: "usda-sr28",
  per100g: {
    kcal: 89,
    protein: 1.09,
    carbs: 22.84,
    fat: 0.33,
    fiber: 2.6,
    sugar: 12.23,
    sodiumMg: 1,
    saturatedFat: 0.112,
  },
  portions: [{ id: "09040-5", amount: 1, unit: "medium", grams: 118 }],
};

describe("meals screen", () => {
  it("logs a food by portion and finds it offline", async () => {
    const meals: unknown[] = [];
    api = await startScriptedApi({
      ...signedInRoutes(),
      "GET /api/v1/foods": (_request, response) =>
        sendJson(response, 200, { items: [BANANA], nextCursor: null }),
      "POST /api/v1/meals": (request, response) => {
        meals.push(JSON.parse(request.body));
        sendJson(response, 201, {});
      },
    });
    renderFreshApp();
    await logInThroughScreen(api);
    await openTab("Meals");

    fireEvent.press(screen.getByRole("radio", { name: "Lunch" }));
    fireEvent.changeText(screen.getByLabelText("Find a food"), "banana");
    fireEvent.press(await screen.findByRole("button", { name: "Add Bananas, raw" }));
    expect(await screen.findByText("89 kcal")).toBeTruthy();
    fireEvent.press(screen.getByRole("radio", { name: "medium (118 g)" }));
    fireEvent.changeText(screen.getByLabelText("Number of portions"), "2");
    expect(await screen.findByText("210 kcal")).toBeTruthy();
    fireEvent.press(screen.getByRole("button", { name: "Save meal" }));

    await waitFor(() => expect(meals).toHaveLength(1));
    expect(meals[0]).toMatchObject({
      type: "lunch",
      items: [{ foodId: "09040", portionId: "09040-5", quantity: 2 }],
    });

    api.setDown(true);
    fireEvent.changeText(screen.getByLabelText("Find a food"), "bananas");
    expect(
      await screen.findByText("No connection: these are the foods kept on this device."),
    ).toBeTruthy();
    expect(screen.getByRole("button", { name: "Add Bananas, raw" })).toBeTruthy();
  });
});
