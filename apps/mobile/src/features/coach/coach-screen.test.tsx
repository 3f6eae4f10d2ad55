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

const insight = (text: string): unknown => ({ text, basis: [] });

describe("coach screen", () => {
  it("shows the summary and streams a reply", async () => {
    api = await startScriptedApi({
      ...signedInRoutes(),
      "GET /api/v1/coach/summary/*": (_request, response) =>
        sendJson(response, 200, {
          date: "2026-03-29",
          wentWell: [insight("You drank **2.5 l** of water.")],
          toChange: [],
          suggestions: [
            insight("Walk after lunch."),
            insight("Sleep by 23:00."),
            insight("Eat fish."),
          ],
          provider: "builtin",
          model: "rules",
          notes: [],
        }),
      "POST /api/v1/coach/chat": (request, response) => {
        response.writeHead(200, { "content-type": "text/event-stream" });
        response.write('event: delta\ndata: {"text":"Drink "}\n\n');
        response.write('event: delta\ndata: {"text":"<b>more</b>"}\n\n');
        const done = {
          reply: "Drink more water.",
          conversationId: "1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
          provider: "builtin",
          model: "rules",
          notes: [],
        };
        response.end(`event: done\ndata: ${JSON.stringify(done)}\n\n`);
        expect(request.headers.accept).toBe("text/event-stream, application/problem+json");
      },
    });
    renderFreshApp();
    await logInThroughScreen(api);
    await openTab("Coach");

    expect(await screen.findByText("• You drank **2.5 l** of water.")).toBeTruthy();
    expect(screen.getByText("• Walk after lunch.")).toBeTruthy();
    fireEvent.press(screen.getByRole("button", { name: "Send" }));
    expect(await screen.findByText("This field is required.")).toBeTruthy();
    fireEvent.changeText(screen.getByLabelText("Your question"), "How much water?");
    fireEvent.press(screen.getByRole("button", { name: "Send" }));

    expect(await screen.findByText("Drink more water.")).toBeTruthy();
    expect(screen.getByText("How much water?")).toBeTruthy();
    expect(screen.queryByText("Drink <b>more</b>")).toBeNull();
    await waitFor(() =>
      expect(api?.answered.filter((request) => request.path === "/api/v1/coach/chat")).toHaveLength(
        1,
      ),
    );
  });
});
