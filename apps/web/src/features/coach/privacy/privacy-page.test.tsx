import { afterEach, describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { sendJson } from "@fitcoach/client/test-server";

import { renderApp, stopServers } from "../../../test/render-app";
import { bodiesOf, routeTable } from "../../../test/route-table";

afterEach(stopServers);

const NONE = {
  meals: false,
  workouts: false,
  sleep: false,
  mood: false,
  weight: false,
  notes: false,
};

const CALL = {
  id: "3c4d5e6f-3333-4333-8333-333333333333",
  createdAt: "2026-03-29T10:00:00.000Z",
  agent: "chat",
  provider: "openai",
  model: "llama3.1",
  areas: ["sleep", "mood"],
  inputTokens: 1200,
  outputTokens: 300,
  costUsd: 0.000415,
  outcome: "ok",
  durationMs: 2400,
};

describe("coach privacy", () => {
  it("starts with every area off", async () => {
    const app = await renderApp(
      "/coach/privacy",
      routeTable({
        "GET /api/v1/coach/consent": {
          areas: NONE,
          updatedAt: null,
          provider: "openai",
          model: "llama3.1",
          isExternal: true,
        },
        "PUT /api/v1/coach/consent": (request, response) =>
          sendJson(response, 200, {
            areas: (JSON.parse(request.body) as { areas: typeof NONE }).areas,
            updatedAt: "2026-03-29T10:05:00.000Z",
            provider: "openai",
            model: "llama3.1",
            isExternal: true,
          }),
        "GET /api/v1/coach/calls": { items: [CALL], nextCursor: null },
      }),
      { accessToken: "a1", session: "signed-in" },
    );
    const user = userEvent.setup();
    const section = await screen.findByRole("region", { name: "What the coach may share" });

    const boxes = within(section).getAllByRole("checkbox");
    expect(boxes).toHaveLength(6);
    for (const box of boxes) expect(box).not.toBeChecked();
    expect(section).toHaveTextContent(
      "This server sends coach requests to openai (model llama3.1).",
    );
    await user.click(within(section).getByRole("checkbox", { name: "Sleep" }));
    await user.click(within(section).getByRole("checkbox", { name: "Mood" }));
    await user.click(within(section).getByRole("button", { name: "Save" }));

    expect(await screen.findByText("Saved.")).toBeInTheDocument();
    expect(bodiesOf(app.server.requests, "PUT /api/v1/coach/consent")).toEqual([
      { areas: { ...NONE, sleep: true, mood: true } },
    ]);
    const ledger = screen.getByRole("region", { name: "Calls to the external model" });
    const row = within(ledger).getAllByRole("row")[1]!;
    expect(row).toHaveTextContent("Chat");
    expect(row).toHaveTextContent("openai · llama3.1");
    expect(row).toHaveTextContent("Sleep, Mood");
    expect(row).toHaveTextContent("1,200 in, 300 out");
    expect(row).toHaveTextContent("$0.000415");
    expect(row).toHaveTextContent("Answered");
  });

  it("says the builtin coach sends nothing", async () => {
    await renderApp(
      "/coach/privacy",
      routeTable({
        "GET /api/v1/coach/consent": {
          areas: NONE,
          updatedAt: null,
          provider: "builtin",
          model: "builtin",
          isExternal: false,
        },
        "GET /api/v1/coach/calls": { items: [], nextCursor: null },
      }),
      { accessToken: "a1", session: "signed-in" },
    );

    expect(
      await screen.findByText(/nothing is sent to an external model whatever you choose here/),
    ).toBeInTheDocument();
    expect(screen.getByText("No calls to an external model yet.")).toBeInTheDocument();
  });
});
