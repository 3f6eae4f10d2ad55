import { fireEvent, screen, waitFor } from "expo-router/testing-library";
import type { Me } from "@fitcoach/contract";

import { storedItems } from "../../../test/expo-secure-store-stand-in";
import { setNetworkState } from "../../../test/expo-network-stand-in";
import { scheduledNotifications } from "../../../test/expo-notifications-stand-in";
import { renderFreshApp } from "../../../test/render-app";
import {
  bedtimeRule,
  sendJson,
  signedInRoutes,
  startScriptedApi,
  testMe,
} from "../../../test/scripted-api";
import type { ScriptedApi } from "../../../test/scripted-api";
import { logInThroughScreen, openTab } from "../../../test/sign-in";

let api: ScriptedApi | null = null;

afterEach(async () => {
  await api?.close();
  api = null;
  scheduledNotifications.length = 0;
});

/** Scripts PATCH /me to apply the patch to `me` and respond with the result. */
function editableProfile(me: Me): ReturnType<typeof signedInRoutes> {
  return {
    ...signedInRoutes(me),
    "GET /api/v1/me": (_request, response) => sendJson(response, 200, me),
    "PATCH /api/v1/me": (request, response) => {
      Object.assign(me, JSON.parse(request.body));
      sendJson(response, 200, me);
    },
  };
}

describe("settings screen", () => {
  it("switches the language and saves it", async () => {
    const me = testMe();
    api = await startScriptedApi(editableProfile(me));
    renderFreshApp();
    await logInThroughScreen(api);
    await openTab("Settings");

    fireEvent.press(screen.getByRole("radio", { name: "Русский" }));

    expect(await screen.findByRole("header", { name: "Настройки" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Сегодня" })).toBeTruthy();
    await waitFor(() => expect(me.locale).toBe("ru"));
    fireEvent.press(screen.getByRole("radio", { name: "Как на устройстве" }));
    expect(await screen.findByRole("header", { name: "Settings" })).toBeTruthy();
  });

  it("queues a unit change while offline", async () => {
    const me = testMe();
    api = await startScriptedApi(editableProfile(me));
    renderFreshApp();
    await logInThroughScreen(api);
    await openTab("Settings");
    await screen.findByText("Water goal: 2,500 ml. Height: 170 cm.");

    api.setDown(true);
    fireEvent.press(screen.getByRole("radio", { name: "Imperial (lb, in, fl oz)" }));

    expect(await screen.findByText("Water goal: 84.5 fl oz. Height: 66.9 in.")).toBeTruthy();
    expect(
      await screen.findByText(
        "You are offline. 1 change is saved on this device and will be sent when you are back online.",
      ),
    ).toBeTruthy();
    expect(me.units).toBe("metric");

    api.setDown(false);
    setNetworkState({ isConnected: true, isInternetReachable: true });

    await waitFor(() => expect(me.units).toBe("imperial"));
    const patches = api.answered.filter((request) => request.method === "PATCH");
    expect(patches).toHaveLength(1);
    expect(patches[0]?.headers["idempotency-key"]).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor(() => expect(screen.queryByText(/You are offline/)).toBeNull());
  });

  it("warns before logging out with unsent changes", async () => {
    const me = testMe();
    api = await startScriptedApi({
      ...editableProfile(me),
      "POST /api/v1/auth/logout": (_request, response) => {
        response.writeHead(204);
        response.end();
      },
    });
    renderFreshApp();
    await logInThroughScreen(api);
    await openTab("Settings");
    api.setDown(true);
    fireEvent.press(screen.getByRole("radio", { name: "Sunday" }));
    await screen.findByText(/You are offline/);

    fireEvent.press(screen.getByRole("button", { name: "Log out" }));
    expect(
      await screen.findByText(
        "1 change has not reached the server yet. Logging out deletes it from this device.",
      ),
    ).toBeTruthy();
    // The server stays unreachable: the device logs out locally and the change is never sent.
    fireEvent.press(screen.getByRole("button", { name: "Log out anyway" }));

    expect(await screen.findByRole("header", { name: "Log in" })).toBeTruthy();
    const tokens = JSON.parse(storedItems.get("fitcoach.tokens")?.value ?? "{}") as Record<
      string,
      string | null
    >;
    expect(tokens.accessToken ?? null).toBeNull();
    expect(tokens.refreshToken ?? null).toBeNull();
    expect(me.weekStartsOn).toBe("monday");
  });

  it("schedules reminders on this phone", async () => {
    const rule = bedtimeRule();
    api = await startScriptedApi({
      ...editableProfile(testMe()),
      "GET /api/v1/reminders/rules": (_request, response) =>
        sendJson(response, 200, { items: [rule] }),
      [`PATCH /api/v1/reminders/rules/${rule.id}`]: (request, response) => {
        Object.assign(rule, JSON.parse(request.body), { version: rule.version + 1 });
        sendJson(response, 200, rule, { etag: `"v${rule.version}"` });
      },
    });
    renderFreshApp();
    await logInThroughScreen(api);
    await openTab("Settings");
    await screen.findByText("Time to get ready for bed at 22:30");

    fireEvent(screen.getByLabelText("Show reminders on this phone"), "valueChange", true);

    await waitFor(() => expect(scheduledNotifications).toHaveLength(2));
    expect(scheduledNotifications.map((request) => request.content.title)).toEqual([
      "Time to get ready for bed",
      "Time to get ready for bed",
    ]);
    expect(scheduledNotifications.every((request) => request.trigger.date.getHours() === 22)).toBe(
      true,
    );

    fireEvent(screen.getByLabelText("Time to get ready for bed at 22:30"), "valueChange", false);

    await waitFor(() => expect(rule.enabled).toBe(false));
    const patch = api.answered.find((request) => request.method === "PATCH");
    expect(patch?.headers["if-match"]).toBe('"v1"');
    await waitFor(() => expect(scheduledNotifications).toHaveLength(0));
  });
});
