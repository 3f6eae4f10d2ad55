import { afterEach, describe, expect, it } from "vitest";
import { act, screen, waitFor } from "@testing-library/react";
import { sendJson, sendProblem } from "@fitcoach/client/test-server";

import { createFakeDesktop } from "../test/fake-desktop";
import { makeMe } from "../test/make-me";
import { renderApp, stopServers } from "../test/render-app";

afterEach(stopServers);

/** Serves the profile that the Today screen reads; everything else is not found. */
function meOnly(): Parameters<typeof renderApp>[1] {
  return (request, response) => {
    if (request.path === "/api/v1/me") {
      return sendJson(response, 200, makeMe());
    }
    sendProblem(response, 404, "not-found");
  };
}

describe("desktop quick log", () => {
  it("opens today's quick log", async () => {
    const desktop = createFakeDesktop();
    const app = await renderApp("/settings", meOnly(), {
      accessToken: "a1",
      session: "signed-in",
      desktop: desktop.api,
    });
    await screen.findByRole("heading", { name: "Settings" });

    act(() => desktop.sendQuickLog({ action: "open-quick-log" }));

    await waitFor(() => expect(app.location()).toBe("/today#quick-log"));
    await waitFor(() => expect(screen.getByRole("group", { name: "Daily log" })).toHaveFocus());
    expect(desktop.notifications).toEqual([]);
  });

  it("tells how to log water from the tray", async () => {
    const desktop = createFakeDesktop();
    const app = await renderApp("/today", meOnly(), {
      accessToken: "a1",
      session: "signed-in",
      desktop: desktop.api,
    });
    await screen.findByRole("heading", { name: "Today" });

    act(() => desktop.sendQuickLog({ action: "add-water", amountMl: 250 }));

    await waitFor(() => expect(app.location()).toBe("/today#quick-log"));
    expect(desktop.notifications).toHaveLength(1);
    expect(desktop.notifications[0]?.title).toBe("FitCoach");
    expect(desktop.notifications[0]?.body).toContain("250 ml");
  });
});
