import { afterEach, describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { sendJson, sendProblem } from "@fitcoach/client/test-server";
import type { ReminderRule } from "@fitcoach/contract";

import { makeMe } from "../../test/make-me";
import { renderApp, stopServers } from "../../test/render-app";
import { bodiesOf, routeTable } from "../../test/route-table";

afterEach(stopServers);

const RULE_ID = "4d5e6f70-4444-4444-8444-444444444444";
const SETTINGS = {
  quietHours: { enabled: true, start: "22:00", end: "07:00" },
  weeklySummary: false,
  version: 1,
};

function makeRule(overrides: Partial<ReminderRule> = {}): ReminderRule {
  return {
    id: RULE_ID,
    kind: "daily-log",
    enabled: true,
    channel: "in-app",
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    time: "21:00",
    startTime: null,
    endTime: null,
    intervalMinutes: null,
    mealType: null,
    nextAt: "2026-03-29T19:00:00.000Z",
    version: 1,
    createdAt: "2026-03-29T10:00:00.000Z",
    updatedAt: "2026-03-29T10:00:00.000Z",
    ...overrides,
  };
}

function baseRoutes(rules: ReminderRule[]): Parameters<typeof routeTable>[0] {
  return {
    "GET /api/v1/reminders/rules": { items: rules },
    "GET /api/v1/reminders/settings": SETTINGS,
    "GET /api/v1/push/subscriptions": { items: [] },
  };
}

describe("reminders page", () => {
  it("adds the daily log reminder", async () => {
    const app = await renderApp(
      "/settings/reminders",
      routeTable({
        ...baseRoutes([]),
        "POST /api/v1/reminders/rules": (request, response) =>
          sendJson(response, 201, makeRule(JSON.parse(request.body) as Partial<ReminderRule>)),
      }),
      { accessToken: "a1", session: "signed-in" },
    );
    const user = userEvent.setup();
    const form = await screen.findByRole("form", { name: "Add a reminder" });

    expect(within(form).getByLabelText("Kind")).toHaveValue("daily-log");
    expect(within(form).getByLabelText("Time")).toHaveValue("21:00");
    await user.click(within(form).getByRole("button", { name: "Add reminder" }));

    const list = await screen.findByRole("region", { name: "Your reminders" });
    expect(await within(list).findByText("Log your day")).toBeInTheDocument();
    expect(within(list).getByText("21:00 · Every day · In the app")).toBeInTheDocument();
    expect(within(list).getByText("Next: Sun, Mar 29, 9:00 PM")).toBeInTheDocument();
    expect(within(list).getByRole("checkbox", { name: "On (Log your day)" })).toBeChecked();
    expect(bodiesOf(app.server.requests, "POST /api/v1/reminders/rules")).toEqual([
      {
        kind: "daily-log",
        enabled: true,
        channel: "in-app",
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        time: "21:00",
      },
    ]);
  });

  it("builds a water rule with its interval", async () => {
    const app = await renderApp(
      "/settings/reminders",
      routeTable({
        ...baseRoutes([]),
        "POST /api/v1/reminders/rules": (request, response) =>
          sendJson(response, 201, makeRule(JSON.parse(request.body) as Partial<ReminderRule>)),
      }),
      { accessToken: "a1", session: "signed-in" },
    );
    const user = userEvent.setup();
    const form = await screen.findByRole("form", { name: "Add a reminder" });

    await user.selectOptions(within(form).getByLabelText("Kind"), "water");
    const interval = within(form).getByLabelText("Every (minutes)");
    await user.clear(interval);
    await user.type(interval, "90");
    await user.click(within(form).getByRole("checkbox", { name: "Saturday" }));
    await user.click(within(form).getByRole("checkbox", { name: "Sunday" }));
    await user.selectOptions(within(form).getByLabelText("Send by"), "push");
    await user.click(within(form).getByRole("button", { name: "Add reminder" }));

    await waitFor(() =>
      expect(bodiesOf(app.server.requests, "POST /api/v1/reminders/rules")).toEqual([
        {
          kind: "water",
          enabled: true,
          channel: "push",
          weekdays: [1, 2, 3, 4, 5],
          startTime: "09:00",
          endTime: "21:00",
          intervalMinutes: 90,
        },
      ]),
    );
  });

  it("rejects water ending before it starts", async () => {
    const app = await renderApp("/settings/reminders", routeTable(baseRoutes([])), {
      accessToken: "a1",
      session: "signed-in",
    });
    const user = userEvent.setup();
    const form = await screen.findByRole("form", { name: "Add a reminder" });

    await user.selectOptions(within(form).getByLabelText("Kind"), "water");
    const until = within(form).getByLabelText("Until");
    await user.clear(until);
    await user.type(until, "08:00");
    await user.click(within(form).getByRole("button", { name: "Add reminder" }));

    expect(within(form).getByText("The end must be later than the start.")).toBeInTheDocument();
    expect(app.server.requests.some((request) => request.method === "POST")).toBe(false);
  });

  it("turns a rule off with If-Match", async () => {
    const app = await renderApp(
      "/settings/reminders",
      routeTable({
        ...baseRoutes([makeRule({ version: 2 })]),
        [`PATCH /api/v1/reminders/rules/${RULE_ID}`]: (_request, response) =>
          sendJson(response, 200, makeRule({ enabled: false, nextAt: null, version: 3 })),
      }),
      { accessToken: "a1", session: "signed-in" },
    );
    const user = userEvent.setup();

    const toggle = await screen.findByRole("checkbox", { name: "On (Log your day)" });
    await user.click(toggle);

    await waitFor(() => expect(toggle).not.toBeChecked());
    expect(screen.getByText("Off")).toBeInTheDocument();
    const patch = app.server.requests.find((request) => request.method === "PATCH");
    expect(patch?.headers["if-match"]).toBe('"v2"');
    expect(JSON.parse(patch!.body)).toEqual({ enabled: false });
  });

  it("explains the verified email rule", async () => {
    await renderApp(
      "/settings/reminders",
      routeTable({
        ...baseRoutes([makeRule()]),
        [`PATCH /api/v1/reminders/rules/${RULE_ID}`]: (_request, response) =>
          sendProblem(response, 403, "email-not-verified"),
        "GET /api/v1/me": makeMe({ emailVerified: false }),
      }),
      { accessToken: "a1", session: "signed-in" },
    );
    const user = userEvent.setup();

    await user.click(await screen.findByRole("button", { name: "Edit (Log your day)" }));
    const form = screen.getByRole("form", { name: "Edit reminder: Log your day" });
    await user.selectOptions(within(form).getByLabelText("Send by"), "email");
    expect(within(form).getByText(/need a verified email address/)).toBeInTheDocument();
    await user.click(within(form).getByRole("button", { name: "Save" }));

    expect(await within(form).findByRole("alert")).toHaveTextContent(
      "Email reminders need a verified email address.",
    );
  });

  it("saves quiet hours and the weekly summary", async () => {
    const app = await renderApp(
      "/settings/reminders",
      routeTable({
        ...baseRoutes([]),
        "PATCH /api/v1/reminders/settings": (request, response) =>
          sendJson(response, 200, { ...SETTINGS, ...JSON.parse(request.body), version: 2 }),
      }),
      { accessToken: "a1", session: "signed-in" },
    );
    const user = userEvent.setup();
    const form = await screen.findByRole("form", { name: "Quiet hours and weekly summary" });

    const end = within(form).getByLabelText("Quiet until");
    await user.clear(end);
    await user.type(end, "06:30");
    await user.click(within(form).getByLabelText("Weekly summary email"));
    await user.click(within(form).getByRole("button", { name: "Save" }));

    expect(await within(form).findByText("Saved.")).toBeInTheDocument();
    const patch = app.server.requests.find((request) => request.method === "PATCH");
    expect(patch?.headers["if-match"]).toBe('"v1"');
    expect(JSON.parse(patch!.body)).toEqual({
      quietHours: { enabled: true, start: "22:00", end: "06:30" },
      weeklySummary: true,
    });
  });

  it("lists push devices and sends a test", async () => {
    const app = await renderApp(
      "/settings/reminders",
      routeTable({
        ...baseRoutes([]),
        "GET /api/v1/push/subscriptions": {
          items: [
            {
              id: "5e6f7081-5555-4555-8555-555555555555",
              deviceLabel: "Firefox on Android",
              createdAt: "2026-03-20T10:00:00.000Z",
              lastSuccessAt: null,
            },
          ],
        },
        "POST /api/v1/push/test": { sent: 1, removed: 0, failed: 0 },
      }),
      { accessToken: "a1", session: "signed-in" },
    );
    const user = userEvent.setup();
    const section = await screen.findByRole("region", { name: "Web push" });

    expect(
      await within(section).findByText("This browser does not support web push."),
    ).toBeInTheDocument();
    expect(await within(section).findByText("Firefox on Android")).toBeInTheDocument();
    await user.click(within(section).getByRole("button", { name: "Send a test push" }));

    expect(
      await within(section).findByText(
        "Sent to 1 devices. Removed 0 that are no longer subscribed. Failed: 0.",
      ),
    ).toBeInTheDocument();
    expect(app.server.requests.some((request) => request.path === "/api/v1/push/test")).toBe(true);
  });
});
