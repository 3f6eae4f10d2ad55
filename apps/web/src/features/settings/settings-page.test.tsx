import { afterEach, describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { sendJson, sendProblem } from "@fitcoach/client/test-server";
import type { RecordedRequest } from "@fitcoach/client/test-server";
import type { ServerResponse } from "node:http";
import type { Me } from "@fitcoach/contract";

import { makeMe } from "../../test/make-me";
import { renderApp, stopServers } from "../../test/render-app";
import { downloads } from "../../test/setup";

afterEach(stopServers);

const SESSIONS = {
  items: [
    {
      id: "11111111-1111-4111-8111-111111111111",
      deviceLabel: "Firefox on Linux",
      clientType: "web",
      ip: "127.0.0.1",
      createdAt: "2026-03-01T10:00:00Z",
      lastUsedAt: "2026-03-02T10:00:00Z",
      current: true,
    },
    {
      id: "22222222-2222-4222-8222-222222222222",
      deviceLabel: "Pixel 8",
      clientType: "native",
      ip: null,
      createdAt: "2026-03-01T10:00:00Z",
      lastUsedAt: "2026-03-02T11:00:00Z",
      current: false,
    },
  ],
};

const TWO_FACTOR_SETUP = {
  secret: "JBSWY3DPEHPK3PXP",
  otpauthUri: "otpauth://totp/FitCoach:ann@example.com?secret=JBSWY3DPEHPK3PXP",
  qrCode: "data:image/png;base64,iVBORw0KGgo=",
};

/** Serves the reads every settings render makes; `extra` handles the other requests. */
function settingsServer(
  extra: (request: RecordedRequest, response: ServerResponse) => boolean,
  me: Me = makeMe(),
): (request: RecordedRequest, response: ServerResponse) => void {
  return (request, response) => {
    if (extra(request, response)) return;
    if (request.path === "/api/v1/me") return sendJson(response, 200, me);
    if (request.path === "/api/v1/me/sessions") return sendJson(response, 200, SESSIONS);
    if (request.path === "/api/v1/me/imports") return sendJson(response, 200, { items: [] });
    if (request.path.startsWith("/api/v1/me/audit"))
      return sendJson(response, 200, { items: [], nextCursor: null });
    sendProblem(response, 404, "not-found");
  };
}

describe("settings page", () => {
  it("revokes another session", async () => {
    const app = await renderApp(
      "/settings",
      settingsServer((request, response) => {
        if (request.method !== "DELETE") return false;
        response.writeHead(204);
        response.end();
        return true;
      }),
      { accessToken: "a1", session: "signed-in" },
    );
    const user = userEvent.setup();

    await user.click(await screen.findByRole("button", { name: "End session on Pixel 8" }));

    await waitFor(() =>
      expect(app.server.requests.some((request) => request.method === "DELETE")).toBe(true),
    );
    const revoke = app.server.requests.find((request) => request.method === "DELETE");
    expect(revoke?.path).toBe("/api/v1/me/sessions/22222222-2222-4222-8222-222222222222");
    expect(
      screen.queryByRole("button", { name: "End session on Firefox on Linux" }),
    ).not.toBeInTheDocument();
  });

  it("asks for the password before export", async () => {
    let isReauthenticated = false;
    const app = await renderApp(
      "/settings",
      settingsServer((request, response) => {
        if (request.path === "/api/v1/auth/reauthenticate") {
          isReauthenticated = true;
          response.writeHead(204);
          response.end();
          return true;
        }
        if (request.path !== "/api/v1/me/export?format=json") return false;
        if (!isReauthenticated) {
          sendProblem(response, 401, "reauthentication-required", { reason: "reauthentication" });
        } else {
          response.writeHead(200, {
            "content-type": "application/json",
            "content-disposition": 'attachment; filename="export.json"',
          });
          response.end("{}");
        }
        return true;
      }),
      { accessToken: "a1", session: "signed-in" },
    );
    const user = userEvent.setup();

    await user.click(await screen.findByRole("button", { name: "Download export" }));
    const prompt = await screen.findByRole("form", { name: "Confirm it is you" });
    await user.type(within(prompt).getByLabelText("Current password"), "my password");
    await user.click(within(prompt).getByRole("button", { name: "Confirm" }));

    expect(await screen.findByText("Your export was downloaded.")).toBeInTheDocument();
    expect(downloads).toEqual(["export.json"]);
    const paths = app.server.requests.map((request) => request.path);
    expect(paths.filter((path) => path === "/api/v1/me/export?format=json")).toHaveLength(2);
    expect(paths).not.toContain("/api/v1/auth/refresh");
    const reauthenticate = app.server.requests.find(
      (request) => request.path === "/api/v1/auth/reauthenticate",
    );
    expect(JSON.parse(reauthenticate!.body)).toEqual({ password: "my password" });
  });

  it("confirms the password before 2FA setup", async () => {
    let isReauthenticated = false;
    const app = await renderApp(
      "/settings",
      settingsServer((request, response) => {
        if (request.path === "/api/v1/auth/reauthenticate") {
          isReauthenticated = true;
          response.writeHead(204);
          response.end();
          return true;
        }
        if (request.path !== "/api/v1/me/2fa/setup") return false;
        if (!isReauthenticated) {
          sendProblem(response, 401, "reauthentication-required", { reason: "reauthentication" });
        } else {
          sendJson(response, 200, TWO_FACTOR_SETUP);
        }
        return true;
      }),
      { accessToken: "a1", session: "signed-in" },
    );
    const user = userEvent.setup();

    await user.click(await screen.findByRole("button", { name: "Set up two-factor login" }));
    const prompt = await screen.findByRole("form", { name: "Confirm it is you" });
    expect(within(prompt).getByLabelText("Current password")).toHaveFocus();
    await user.type(within(prompt).getByLabelText("Current password"), "my password");
    await user.click(within(prompt).getByRole("button", { name: "Confirm" }));

    expect(await screen.findByText(TWO_FACTOR_SETUP.secret)).toBeInTheDocument();
    const paths = app.server.requests.map((request) => request.path);
    expect(paths.filter((path) => path === "/api/v1/me/2fa/setup")).toHaveLength(2);
    expect(paths).not.toContain("/api/v1/auth/refresh");
    const reauthenticate = app.server.requests.find(
      (request) => request.path === "/api/v1/auth/reauthenticate",
    );
    expect(JSON.parse(reauthenticate!.body)).toEqual({ password: "my password" });
  });

  it("reauthenticates with a code when 2FA is on", async () => {
    const app = await renderApp(
      "/settings",
      settingsServer(
        (request, response) => {
          if (request.path === "/api/v1/auth/reauthenticate") {
            sendProblem(response, 403, "forbidden", { detail: "The code is wrong." });
            return true;
          }
          if (request.path !== "/api/v1/me/export?format=json") return false;
          sendProblem(response, 401, "reauthentication-required", { reason: "reauthentication" });
          return true;
        },
        makeMe({ twoFactorEnabled: true }),
      ),
      { accessToken: "a1", session: "signed-in" },
    );
    const user = userEvent.setup();

    await user.click(await screen.findByRole("button", { name: "Download export" }));
    const prompt = await screen.findByRole("form", { name: "Confirm it is you" });
    await user.click(
      within(prompt).getByRole("button", { name: "Use a code from the app instead" }),
    );
    await user.type(within(prompt).getByLabelText("6-digit code"), "123456");
    await user.click(within(prompt).getByRole("button", { name: "Confirm" }));

    expect(await within(prompt).findByRole("alert")).toHaveTextContent(
      "The code is wrong or was already used.",
    );
    const reauthenticate = app.server.requests.find(
      (request) => request.path === "/api/v1/auth/reauthenticate",
    );
    expect(JSON.parse(reauthenticate!.body)).toEqual({ code: "123456" });
  });

  it("names a wrong current password", async () => {
    await renderApp(
      "/settings",
      settingsServer((request, response) => {
        if (request.path !== "/api/v1/auth/password/change") return false;
        sendProblem(response, 403, "forbidden", { detail: "The password is incorrect." });
        return true;
      }),
      { accessToken: "a1", session: "signed-in" },
    );
    const user = userEvent.setup();
    const section = await screen.findByRole("region", { name: "Password" });

    await user.type(within(section).getByLabelText("Current password"), "not my password");
    await user.type(within(section).getByLabelText("New password"), "copper meadow quietly 19");
    await user.click(within(section).getByRole("button", { name: "Change password" }));

    expect(await within(section).findByRole("alert")).toHaveTextContent("The password is wrong.");
  });

  it("asks for a verified email before 2FA", async () => {
    const app = await renderApp(
      "/settings",
      settingsServer(() => false, makeMe({ emailVerified: false, restrictions: ["two-factor"] })),
      { accessToken: "a1", session: "signed-in" },
    );

    const section = await screen.findByRole("region", { name: "Two-factor login" });

    expect(
      await within(section).findByText("Verify your email address first to use this."),
    ).toBeInTheDocument();
    expect(within(section).queryByRole("button")).not.toBeInTheDocument();
    expect(app.server.requests.some((request) => request.path.includes("/2fa/"))).toBe(false);
  });

  it("shows the QR code and recovery codes", async () => {
    await renderApp(
      "/settings",
      settingsServer((request, response) => {
        if (request.path === "/api/v1/me/2fa/setup") {
          sendJson(response, 200, TWO_FACTOR_SETUP);
          return true;
        }
        if (request.path === "/api/v1/me/2fa/enable") {
          sendJson(response, 200, { recoveryCodes: ["aaaa-bbbb", "cccc-dddd"] });
          return true;
        }
        return false;
      }),
      { accessToken: "a1", session: "signed-in" },
    );
    const user = userEvent.setup();

    await user.click(await screen.findByRole("button", { name: "Set up two-factor login" }));
    const qr = await screen.findByRole("img", {
      name: "QR code to add FitCoach to your authenticator app",
    });
    await user.type(screen.getAllByLabelText("6-digit code")[0]!, "123456");
    await user.click(screen.getByRole("button", { name: "Turn on" }));

    expect(qr).toHaveAttribute("src", "data:image/png;base64,iVBORw0KGgo=");
    expect(await screen.findByText("aaaa-bbbb")).toBeInTheDocument();
    expect(screen.getByText("cccc-dddd")).toBeInTheDocument();
  });

  it("saves the profile with contract names", async () => {
    const app = await renderApp(
      "/settings",
      settingsServer((request, response) => {
        if (request.method !== "PATCH") return false;
        sendJson(response, 200, makeMe({ name: "Anna", waterGoalMl: 3000 }));
        return true;
      }),
      { accessToken: "a1", session: "signed-in" },
    );
    const user = userEvent.setup();

    const water = await screen.findByLabelText("Daily water goal (ml)");
    await user.clear(screen.getByLabelText("Name"));
    await user.type(screen.getByLabelText("Name"), "Anna");
    await user.clear(water);
    await user.type(water, "3000");
    await user.click(screen.getByRole("button", { name: "Save" }));

    expect(await screen.findByText("Saved.")).toBeInTheDocument();
    const patch = app.server.requests.find((request) => request.method === "PATCH");
    expect(JSON.parse(patch!.body)).toEqual({
      name: "Anna",
      birthDate: null,
      sex: null,
      activityLevel: null,
      waterGoalMl: 3000,
    });
  });

  it("rejects a water goal out of range", async () => {
    const app = await renderApp(
      "/settings",
      settingsServer(() => false),
      {
        accessToken: "a1",
        session: "signed-in",
      },
    );
    const user = userEvent.setup();

    const water = await screen.findByLabelText("Daily water goal (ml)");
    await user.clear(water);
    await user.type(water, "20000");
    await user.click(screen.getByRole("button", { name: "Save" }));

    expect(await screen.findByText("Enter at most 10000.")).toBeInTheDocument();
    expect(app.server.requests.some((request) => request.method === "PATCH")).toBe(false);
  });
});
