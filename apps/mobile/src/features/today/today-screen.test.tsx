import { fireEvent, screen, waitFor } from "expo-router/testing-library";
import type { WaterEntry } from "@fitcoach/contract";

import { formatLocalDate } from "../../i18n/format";
import { addDays, todayOnDevice } from "../../platform/local-date";
import { setNetworkState } from "../../../test/expo-network-stand-in";
import { renderFreshApp } from "../../../test/render-app";
import { signedInRoutes, startScriptedApi, waterRoutes } from "../../../test/scripted-api";
import type { ScriptedApi } from "../../../test/scripted-api";
import { logInThroughScreen } from "../../../test/sign-in";

let api: ScriptedApi | null = null;

afterEach(async () => {
  await api?.close();
  api = null;
});

describe("today screen", () => {
  it("moves between days but not past today", async () => {
    api = await startScriptedApi({ ...signedInRoutes(), ...waterRoutes([]) });
    renderFreshApp();
    await logInThroughScreen(api);
    const today = todayOnDevice();
    expect(screen.getByText(formatLocalDate(today, "en"))).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Next day" })).toBeNull();

    fireEvent.press(screen.getByRole("button", { name: "Previous day" }));

    const yesterday = formatLocalDate(addDays(today, -1), "en");
    expect(await screen.findByRole("header", { name: yesterday })).toBeTruthy();
    fireEvent.press(screen.getByRole("button", { name: "Next day" }));
    expect(await screen.findByRole("header", { name: "Today" })).toBeTruthy();
    for (const section of ["Wellness and goals", "Meals", "Workouts", "Sleep", "Mood"]) {
      expect(await screen.findByRole("header", { name: section })).toBeTruthy();
    }
  });

  it("adds water offline and sends it once", async () => {
    const entries: WaterEntry[] = [];
    api = await startScriptedApi({ ...signedInRoutes(), ...waterRoutes(entries) });
    renderFreshApp();
    await logInThroughScreen(api);
    await screen.findByText("Water: 0 ml of 2,500 ml");

    api.setDown(true);
    fireEvent.press(screen.getByRole("button", { name: "Add a glass (250 ml)" }));
    fireEvent.press(screen.getByRole("button", { name: "Add a glass (250 ml)" }));

    expect(await screen.findByText("Water: 500 ml of 2,500 ml")).toBeTruthy();
    expect(screen.getAllByText("250 ml, not sent yet")).toHaveLength(2);
    expect(entries).toEqual([]);

    api.setDown(false);
    setNetworkState({ isConnected: true, isInternetReachable: true });

    await waitFor(() => expect(entries).toHaveLength(2));
    await waitFor(() => expect(screen.queryByText("250 ml, not sent yet")).toBeNull());
    expect(screen.getByText("Water: 500 ml of 2,500 ml")).toBeTruthy();
    const posts = api.answered.filter((request) => request.path === "/api/v1/water");
    expect(new Set(posts.map((request) => request.headers["idempotency-key"])).size).toBe(2);
  });
});
