import { afterEach, describe, expect, it } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { sendProblem } from "@fitcoach/client/test-server";

import { renderApp, stopServers } from "../../test/render-app";
import { routeTable } from "../../test/route-table";
import { todayIn } from "../today/local-date";

afterEach(stopServers);

const TARGETS = {
  bmrKcal: 1590,
  tdeeKcal: 2465,
  kcal: 1972,
  protein: 140,
  carbs: 210,
  fat: 66,
  fiber: 28,
  waterMl: 2450,
  goal: "lose",
  weightKg: 70,
  rule: "Mifflin-St Jeor: 10 × 70 kg + 6.25 × 175 cm − 5 × 35 y + 5 (male) = 1663.8 kcal",
};

const SUMMARY = {
  date: "2026-03-28",
  wentWell: [
    {
      text: "You drank **2600 ml** of water.",
      basis: [{ label: "Water", value: 2600, unit: "ml", target: 2450 }],
    },
  ],
  toChange: [],
  suggestions: [
    { text: "Add protein at breakfast.", basis: [] },
    { text: "Go to bed by 23:00.", basis: [] },
    { text: "Walk after lunch.", basis: [] },
  ],
  provider: "builtin",
  model: "builtin",
  notes: [],
};

describe("coach overview", () => {
  it("shows targets with the rule", async () => {
    const app = await renderApp(
      "/coach",
      routeTable({ "GET /api/v1/coach/targets": TARGETS, "GET /api/v1/coach/summary/*": SUMMARY }),
      { accessToken: "a1", session: "signed-in" },
    );
    const user = userEvent.setup();
    const card = await screen.findByRole("region", { name: "Daily targets" });

    expect(await within(card).findByText(TARGETS.rule)).toBeInTheDocument();
    expect(within(card).getByText("1,972 kcal")).toBeInTheDocument();
    expect(within(card).getByText("2,450 ml")).toBeInTheDocument();
    await user.type(within(card).getByLabelText("Weight (kg, optional)"), "82.5");
    await user.selectOptions(within(card).getByLabelText("Goal"), "gain");
    await user.click(within(card).getByRole("button", { name: "Show targets" }));

    await waitFor(() =>
      expect(app.server.requests.map((request) => request.path)).toContain(
        "/api/v1/coach/targets?weightKg=82.5&goal=gain",
      ),
    );
  });

  it("names missing profile fields", async () => {
    await renderApp(
      "/coach",
      routeTable({
        "GET /api/v1/coach/targets": (_request, response) =>
          sendProblem(response, 422, "unprocessable-content", {
            errors: [
              { field: "birthDate", message: "is not set in your profile" },
              { field: "weightKg", message: "no weight is logged; log one or pass weightKg" },
            ],
          }),
        "GET /api/v1/coach/summary/*": SUMMARY,
      }),
      { accessToken: "a1", session: "signed-in" },
    );
    const card = await screen.findByRole("region", { name: "Daily targets" });

    const alert = await within(card).findByRole("alert");

    expect(alert).toHaveTextContent("Date of birth");
    expect(alert).toHaveTextContent("Your weight: enter it above or log it on Today");
    expect(
      within(alert).getByRole("link", { name: "Complete your profile in Settings" }),
    ).toHaveAttribute("href", "/settings");
  });

  it("rejects a weight out of range", async () => {
    const app = await renderApp(
      "/coach",
      routeTable({ "GET /api/v1/coach/targets": TARGETS, "GET /api/v1/coach/summary/*": SUMMARY }),
      { accessToken: "a1", session: "signed-in" },
    );
    const user = userEvent.setup();
    const card = await screen.findByRole("region", { name: "Daily targets" });
    await within(card).findByText(TARGETS.rule);

    await user.type(within(card).getByLabelText("Weight (kg, optional)"), "900");
    await user.click(within(card).getByRole("button", { name: "Show targets" }));

    expect(
      await within(card).findByText(
        "Enter a weight between 25 and 400 kg, or leave the field empty.",
      ),
    ).toBeInTheDocument();
    const targetRequests = app.server.requests.filter((request) =>
      request.path.startsWith("/api/v1/coach/targets"),
    );
    expect(targetRequests).toHaveLength(1);
  });

  it("shows the summary of a chosen day", async () => {
    const app = await renderApp(
      "/coach",
      routeTable({ "GET /api/v1/coach/targets": TARGETS, "GET /api/v1/coach/summary/*": SUMMARY }),
      { accessToken: "a1", session: "signed-in" },
    );
    const card = await screen.findByRole("region", { name: "Daily summary" });
    const today = todayIn("Europe/Prague");
    await waitFor(() =>
      expect(app.server.requests.map((request) => request.path)).toContain(
        `/api/v1/coach/summary/${today}`,
      ),
    );

    // jsdom drops the partial values user.type produces in a date input, so the day is set at once.
    fireEvent.change(within(card).getByLabelText("Day"), { target: { value: "2026-03-28" } });

    const wentWell = await within(card).findByRole("region", { name: "What went well" });
    expect(within(wentWell).getByText("2600 ml").tagName).toBe("STRONG");
    expect(within(wentWell).getByText("Water: 2,600 ml (target 2,450 ml)")).toBeInTheDocument();
    const suggestions = within(card).getByRole("region", { name: "Three suggestions" });
    expect(within(suggestions).getAllByRole("listitem")).toHaveLength(3);
    expect(within(card).getByText("Nothing to report.")).toBeInTheDocument();
    expect(app.server.requests.map((request) => request.path)).toContain(
      "/api/v1/coach/summary/2026-03-28",
    );
  });
});
