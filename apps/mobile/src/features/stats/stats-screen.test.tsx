import { fireEvent, screen, waitFor } from "expo-router/testing-library";

import { renderFreshApp } from "../../../test/render-app";
import { sendJson, signedInRoutes, startScriptedApi } from "../../../test/scripted-api";
import type { ScriptedApi } from "../../../test/scripted-api";
import { logInThroughScreen, openTab } from "../../../test/sign-in";

let api: ScriptedApi | null = null;

afterEach(async () => {
  await api?.close();
  api = null;
});

function stats(metric: string, values: (number | null)[]): unknown {
  return {
    metric,
    unit: "ml",
    period: "day",
    from: "2026-03-27",
    to: "2026-03-29",
    weekStartsOn: "monday",
    points: values.map((value, index) => ({
      start: `2026-03-2${7 + index}`,
      end: `2026-03-2${7 + index}`,
      value,
      total: value,
      days: value === null ? 0 : 1,
    })),
    movingAverage7: [],
    streaks: {
      rule: "any entry",
      condition: "entry",
      target: null,
      current: 2,
      longest: 5,
      longestStart: null,
      longestEnd: null,
    },
  };
}

describe("stats screen", () => {
  it("charts the chosen metric", async () => {
    api = await startScriptedApi({
      ...signedInRoutes(),
      "GET /api/v1/stats/water": (_request, response) =>
        sendJson(response, 200, stats("water", [2000, null, 3000])),
      "GET /api/v1/stats/weight": (_request, response) =>
        sendJson(response, 200, stats("weight", [null, null, null])),
    });
    renderFreshApp();
    await logInThroughScreen(api);
    await openTab("Stats");

    expect(
      await screen.findByLabelText(
        "Friday, March 27, 2026 to Sunday, March 29, 2026: on average 2,500 ml per logged period.",
      ),
    ).toBeTruthy();
    expect(screen.getByText("Current streak: 2 days. Longest: 5.")).toBeTruthy();
    fireEvent.press(screen.getByRole("radio", { name: "Weight" }));

    expect(
      await screen.findByText(
        "No data for this metric yet. Logged days will appear here as a chart.",
      ),
    ).toBeTruthy();
    await waitFor(() =>
      expect(
        api?.answered.some((request) => request.path === "/api/v1/stats/weight?period=day"),
      ).toBe(true),
    );
  });
});
