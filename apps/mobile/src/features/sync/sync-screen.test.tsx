import { fireEvent, screen, waitFor, within } from "expo-router/testing-library";

import { renderFreshApp } from "../../../test/render-app";
import {
  bedtimeRule,
  sendJson,
  sendProblem,
  signedInRoutes,
  startScriptedApi,
} from "../../../test/scripted-api";
import type { ScriptedApi } from "../../../test/scripted-api";
import { logInThroughScreen, openTab } from "../../../test/sign-in";

let api: ScriptedApi | null = null;

afterEach(async () => {
  await api?.close();
  api = null;
});

/**
 * A rule that another device moved to 23:00 (version 2) after this device loaded version 1.
 * PATCH honours If-Match as the server does.
 */
async function startServerWithNewerRule(): Promise<{
  api: ScriptedApi;
  rule: ReturnType<typeof bedtimeRule>;
}> {
  const rule = bedtimeRule();
  const server = await startScriptedApi({
    ...signedInRoutes(),
    "GET /api/v1/reminders/rules": (_request, response) =>
      sendJson(response, 200, { items: [rule] }),
    [`GET /api/v1/reminders/rules/${rule.id}`]: (_request, response) =>
      sendJson(response, 200, rule, { etag: `"v${rule.version}"` }),
    [`PATCH /api/v1/reminders/rules/${rule.id}`]: (request, response) => {
      if (request.headers["if-match"] !== `"v${rule.version}"`) {
        return sendProblem(response, 412, "precondition-failed");
      }
      Object.assign(rule, JSON.parse(request.body), { version: rule.version + 1 });
      sendJson(response, 200, rule, { etag: `"v${rule.version}"` });
    },
  });
  return { api: server, rule };
}

describe("sync screen", () => {
  it("shows both versions and keeps mine", async () => {
    const started = await startServerWithNewerRule();
    api = started.api;
    const { rule } = started;
    renderFreshApp();
    await logInThroughScreen(api);
    await openTab("Settings");
    await screen.findByText("Time to get ready for bed at 22:30");

    Object.assign(rule, { time: "23:00", version: 2 });
    fireEvent(screen.getByLabelText("Time to get ready for bed at 22:30"), "valueChange", false);
    expect(
      await screen.findByText("1 change conflicts with a newer version on the server."),
    ).toBeTruthy();
    fireEvent.press(screen.getByText("Review changes"));

    await screen.findByRole("header", { name: "Changes on this device" });
    expect(within(screen.getByLabelText("Your change")).getByText("On: No")).toBeTruthy();
    expect(within(screen.getByLabelText("On the server")).getByText("On: Yes")).toBeTruthy();
    fireEvent.press(screen.getByRole("button", { name: "Keep my change" }));

    expect(await screen.findByText("Every change is on the server.")).toBeTruthy();
    expect(rule).toMatchObject({ enabled: false, time: "23:00", version: 3 });
    const patches = api.answered.filter((request) => request.method === "PATCH");
    expect(patches.map((request) => request.headers["if-match"])).toEqual(['"v1"', '"v2"']);
    expect(patches[0]?.headers["idempotency-key"]).not.toBe(patches[1]?.headers["idempotency-key"]);
  });

  it("keeps the server's version", async () => {
    const started = await startServerWithNewerRule();
    api = started.api;
    const { rule } = started;
    renderFreshApp();
    await logInThroughScreen(api);
    await openTab("Settings");
    await screen.findByText("Time to get ready for bed at 22:30");

    Object.assign(rule, { time: "23:00", version: 2 });
    fireEvent(screen.getByLabelText("Time to get ready for bed at 22:30"), "valueChange", false);
    fireEvent.press(await screen.findByText("Review changes"));
    fireEvent.press(await screen.findByRole("button", { name: "Keep the server's version" }));

    expect(await screen.findByText("Every change is on the server.")).toBeTruthy();
    await waitFor(() =>
      expect(api?.answered.filter((request) => request.method === "PATCH")).toHaveLength(1),
    );
    expect(rule).toMatchObject({ enabled: true, time: "23:00", version: 2 });
  });
});
