import { afterEach, describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { sendJson } from "@fitcoach/client/test-server";
import type { RecordedRequest } from "@fitcoach/client/test-server";
import type { ServerResponse } from "node:http";
import type { StatMetric, Stats } from "@fitcoach/contract";

import { makeMe } from "../../test/make-me";
import { renderApp, stopServers } from "../../test/render-app";
import { routeTable } from "../../test/route-table";
import { addDays, todayIn } from "../today/local-date";

afterEach(stopServers);

const TODAY = todayIn("Europe/Prague");

/** Builds a day-by-day response ending today, one day per value. */
function makeStats(metric: StatMetric, unit: string, values: (number | null)[]): Stats {
  const dates = values.map((_, index) => addDays(TODAY, index - values.length + 1));
  return {
    metric,
    unit,
    period: "day",
    from: dates[0]!,
    to: TODAY,
    weekStartsOn: "monday",
    points: dates.map((date, index) => ({
      start: date,
      end: date,
      value: values[index] ?? null,
      total: values[index] ?? null,
      days: values[index] === null ? 0 : 1,
    })),
    movingAverage7: dates.map((date, index) => ({ date, value: values[index] ?? null })),
    streaks: {
      rule: "an entry",
      condition: "at-least-target",
      target: 2000,
      current: 2,
      longest: 5,
      longestStart: "2026-03-01",
      longestEnd: "2026-03-05",
    },
  };
}

function statsRoute(answers: Partial<Record<StatMetric, Stats>>) {
  return (request: RecordedRequest, response: ServerResponse): void => {
    const metric = request.path.split("?")[0]!.split("/").at(-1) as StatMetric;
    sendJson(response, 200, answers[metric] ?? makeStats(metric, "kg", [null, null, null]));
  };
}

function statsRequests(requests: RecordedRequest[]): string[] {
  return requests.map((request) => request.path).filter((path) => path.includes("/stats/"));
}

describe("stats page", () => {
  it("shows water as a table with streaks", async () => {
    const water = makeStats("water", "ml", [2000, null, 2500]);
    const app = await renderApp(
      "/stats",
      routeTable({ "GET /api/v1/stats/*": statsRoute({ water }) }),
      { accessToken: "a1", session: "signed-in" },
    );
    const user = userEvent.setup();

    await user.selectOptions(await screen.findByLabelText("Metric"), "water");

    const card = await screen.findByRole("region", { name: "Water (ml)" });
    const table = within(card).getByRole("table");
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((row) => within(row).getAllByRole("cell")[0]?.textContent)).toEqual([
      "2,000",
      "No data",
      "2,500",
    ]);
    expect(within(card).getByText("Current streak: 2 days")).toBeInTheDocument();
    expect(within(card).getByText("Longest streak: 5 days (Mar 1 – 5, 2026)")).toBeInTheDocument();
    expect(
      within(card).getByText("A day counts when it reaches your goal of 2,000 ml."),
    ).toBeInTheDocument();
    expect(statsRequests(app.server.requests).at(-1)).toBe(
      `/api/v1/stats/water?period=day&from=${addDays(TODAY, -29)}&to=${TODAY}`,
    );
  });

  it("shows weight in pounds for imperial users", async () => {
    const weight = makeStats("weight", "kg", [80, 79.5, null]);
    await renderApp(
      "/stats",
      routeTable({
        "GET /api/v1/me": makeMe({ units: "imperial" }),
        "GET /api/v1/stats/*": statsRoute({ weight }),
      }),
      { accessToken: "a1", session: "signed-in" },
    );

    const card = await screen.findByRole("region", { name: "Weight (lb)" });

    const cells = within(card)
      .getAllByRole("row")
      .slice(1)
      .map((row) => within(row).getAllByRole("cell")[0]?.textContent);
    expect(cells).toEqual(["176.4", "175.3", "No data"]);
  });

  it("toggles the visible table", async () => {
    await renderApp(
      "/stats",
      routeTable({
        "GET /api/v1/stats/*": statsRoute({ weight: makeStats("weight", "kg", [70]) }),
      }),
      { accessToken: "a1", session: "signed-in" },
    );
    const user = userEvent.setup();
    const toggle = await screen.findByRole("button", { name: "Show as table" });

    await user.click(toggle);

    expect(screen.getByRole("button", { name: "Hide table" })).toHaveAttribute(
      "aria-expanded",
      "true",
    );
    expect(screen.getByRole("region", { name: "Weight as a table" })).toBeInTheDocument();
  });

  it("shows the empty state", async () => {
    await renderApp("/stats", routeTable({ "GET /api/v1/stats/*": statsRoute({}) }), {
      accessToken: "a1",
      session: "signed-in",
    });

    expect(
      await screen.findByText(
        "No data for this metric in this range. Logged days will appear here as a chart.",
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
  });

  it("sends the period and a preset range", async () => {
    const app = await renderApp("/stats", routeTable({ "GET /api/v1/stats/*": statsRoute({}) }), {
      accessToken: "a1",
      session: "signed-in",
    });
    const user = userEvent.setup();

    await user.selectOptions(await screen.findByLabelText("Range"), "1y");
    await user.click(screen.getByRole("radio", { name: "Month" }));

    await waitFor(() =>
      expect(statsRequests(app.server.requests).at(-1)).toBe(
        `/api/v1/stats/weight?period=month&from=${addDays(TODAY, -364)}&to=${TODAY}`,
      ),
    );
  });

  it("rejects a custom range ending early", async () => {
    const app = await renderApp("/stats", routeTable({ "GET /api/v1/stats/*": statsRoute({}) }), {
      accessToken: "a1",
      session: "signed-in",
    });
    const user = userEvent.setup();

    await user.selectOptions(await screen.findByLabelText("Range"), "custom");
    const from = screen.getByLabelText("From");
    await user.clear(from);
    await user.type(from, "2026-03-10");
    const to = screen.getByLabelText("To");
    await user.clear(to);
    await user.type(to, "2026-03-01");

    expect(
      await screen.findByText("The end date must not be before the start date."),
    ).toBeInTheDocument();
    expect(to).toHaveAttribute("aria-invalid", "true");
    expect(statsRequests(app.server.requests).some((path) => path.includes("to=2026-03-01"))).toBe(
      false,
    );
  });

  it("sends a valid custom range", async () => {
    const app = await renderApp("/stats", routeTable({ "GET /api/v1/stats/*": statsRoute({}) }), {
      accessToken: "a1",
      session: "signed-in",
    });
    const user = userEvent.setup();

    await user.selectOptions(await screen.findByLabelText("Range"), "custom");
    const from = screen.getByLabelText("From");
    await user.clear(from);
    await user.type(from, "2026-01-01");
    const to = screen.getByLabelText("To");
    await user.clear(to);
    await user.type(to, "2026-02-15");

    await waitFor(() =>
      expect(statsRequests(app.server.requests).at(-1)).toBe(
        "/api/v1/stats/weight?period=day&from=2026-01-01&to=2026-02-15",
      ),
    );
  });

  it("opens the view in the address", async () => {
    const app = await renderApp(
      "/stats?metric=water&period=week&range=90d",
      routeTable({ "GET /api/v1/stats/*": statsRoute({}) }),
      { accessToken: "a1", session: "signed-in" },
    );

    await waitFor(() =>
      expect(statsRequests(app.server.requests).at(-1)).toBe(
        `/api/v1/stats/water?period=week&from=${addDays(TODAY, -89)}&to=${TODAY}`,
      ),
    );
    expect(screen.getByLabelText("Metric")).toHaveValue("water");
    expect(screen.getByRole("radio", { name: "Week" })).toBeChecked();
  });

  it("keeps the choice in the address", async () => {
    const app = await renderApp("/stats", routeTable({ "GET /api/v1/stats/*": statsRoute({}) }), {
      accessToken: "a1",
      session: "signed-in",
    });
    const user = userEvent.setup();

    await user.selectOptions(await screen.findByLabelText("Metric"), "sleep");
    await user.click(screen.getByRole("radio", { name: "Month" }));

    expect(app.location()).toBe("/stats?metric=sleep&period=month&range=30d");
  });

  it("words streaks in Russian", async () => {
    await renderApp(
      "/stats?metric=water",
      routeTable({
        "GET /api/v1/stats/*": statsRoute({ water: makeStats("water", "ml", [2000]) }),
      }),
      { accessToken: "a1", session: "signed-in", language: "ru" },
    );

    expect(await screen.findByText("Текущая серия: 2 дня")).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Вода (мл)" })).toBeInTheDocument();
  });
});
