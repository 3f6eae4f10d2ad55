import { fireEvent, screen, waitFor } from "expo-router/testing-library";

import { addDays, todayOnDevice } from "../../platform/local-date";
import { renderFreshApp } from "../../../test/render-app";
import { sendJson, signedInRoutes, startScriptedApi } from "../../../test/scripted-api";
import type { ScriptedApi } from "../../../test/scripted-api";
import { logInThroughScreen } from "../../../test/sign-in";

let api: ScriptedApi | null = null;

afterEach(async () => {
  await api?.close();
  api = null;
});

describe("sleep screen", () => {
  it("checks the times and queues the night", async () => {
    const nights: unknown[] = [];
    api = await startScriptedApi({
      ...signedInRoutes(),
      "POST /api/v1/sleep": (request, response) => {
        nights.push(JSON.parse(request.body));
        sendJson(response, 201, {});
      },
    });
    renderFreshApp();
    await logInThroughScreen(api);
    fireEvent.press(await screen.findByText("Log last night's sleep"));
    await screen.findByRole("button", { name: "Save night" });
    const today = todayOnDevice();

    fireEvent.changeText(screen.getByLabelText("Wake time"), "7:30");
    fireEvent.press(screen.getByRole("button", { name: "Save night" }));
    expect(await screen.findByText("This value is not valid.")).toBeTruthy();
    fireEvent.changeText(screen.getByLabelText("Wake time"), `${today}T07:30`);
    fireEvent.press(screen.getByRole("radio", { name: "4, good" }));
    fireEvent.press(screen.getByRole("button", { name: "Save night" }));

    await waitFor(() => expect(nights).toHaveLength(1));
    expect(nights[0]).toEqual({
      bedtime: `${addDays(today, -1)}T23:00`,
      wakeTime: `${today}T07:30`,
      quality: 4,
    });
  });
});
