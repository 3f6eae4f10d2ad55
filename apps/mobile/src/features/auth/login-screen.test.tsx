import type { ServerResponse } from "node:http";
import { fireEvent, screen, waitFor } from "expo-router/testing-library";

import { openExpoSqliteDatabase } from "../../storage/expo-sqlite-database";
import { listWrites } from "../../sync/write-queue";
import {
  WHEN_UNLOCKED_THIS_DEVICE_ONLY,
  storedItems,
} from "../../../test/expo-secure-store-stand-in";
import { filesInFolder } from "../../../test/local-stores";
import { renderAppOnDatabase, renderFreshApp } from "../../../test/render-app";
import {
  TEST_TOKENS,
  sendJson,
  sendProblem,
  signedInRoutes,
  startScriptedApi,
  testMe,
} from "../../../test/scripted-api";
import type { ScriptedApi } from "../../../test/scripted-api";

let api: ScriptedApi | null = null;
let otherApi: ScriptedApi | null = null;

afterEach(async () => {
  await api?.close();
  await otherApi?.close();
  api = null;
  otherApi = null;
});

function fillLogin(server: string, email: string, password: string): void {
  fireEvent.changeText(screen.getByLabelText("Server address"), server);
  fireEvent.changeText(screen.getByLabelText("Email"), email);
  fireEvent.changeText(screen.getByLabelText("Password"), password);
  fireEvent.press(screen.getByRole("button", { name: "Log in" }));
}

describe("login screen", () => {
  it("validates before sending anything", async () => {
    api = await startScriptedApi(signedInRoutes());
    renderFreshApp();
    await screen.findByRole("header", { name: "Log in" });

    fillLogin(api.url, "not-an-email", "");

    expect(
      await screen.findByText("Enter a valid email address, such as name@example.com."),
    ).toBeTruthy();
    expect(screen.getByText("This field is required.")).toBeTruthy();
    expect(api.requests).toEqual([]);
  });

  it("requires https outside this machine", async () => {
    api = await startScriptedApi(signedInRoutes());
    renderFreshApp();
    await screen.findByRole("header", { name: "Log in" });

    fillLogin("http://fit.example.com", "anna@example.com", "a password");

    expect(
      await screen.findByText(
        "The server address must start with https://, so your data is encrypted on the way.",
      ),
    ).toBeTruthy();
    expect(api.requests).toEqual([]);
  });

  it("shows a wrong password", async () => {
    api = await startScriptedApi({
      "POST /api/v1/auth/login": (_request, response) =>
        sendProblem(response, 401, "invalid-credentials"),
    });
    renderFreshApp();
    await screen.findByRole("header", { name: "Log in" });

    fillLogin(api.url, "anna@example.com", "wrong password");

    expect(await screen.findByText("The email or password is wrong.")).toBeTruthy();
    expect(storedItems.size).toBe(0);
  });

  it("logs in and keeps tokens only in the secure store", async () => {
    api = await startScriptedApi(signedInRoutes());
    const app = renderFreshApp();
    await screen.findByRole("header", { name: "Log in" });

    fillLogin(api.url, "anna@example.com", "correct horse battery staple");

    expect(await screen.findByRole("header", { name: "Today" })).toBeTruthy();
    const login = api.requests.find((request) => request.path === "/api/v1/auth/login");
    expect(login?.headers["x-client-type"]).toBe("native");
    expect(JSON.parse(login?.body ?? "{}")).toMatchObject({ email: "anna@example.com" });
    const item = storedItems.get("fitcoach.tokens");
    expect(JSON.parse(item?.value ?? "{}")).toEqual(TEST_TOKENS);
    expect(item?.options.keychainAccessible).toBe(WHEN_UNLOCKED_THIS_DEVICE_ONLY);
    expect([...storedItems.keys()]).toEqual(["fitcoach.tokens"]);
    // Wait until the signed-in screens cached something, so the database file has content.
    await waitFor(() =>
      expect(api?.requests.some((request) => request.path === "/api/v1/reminders/rules")).toBe(
        true,
      ),
    );
    for (const file of filesInFolder(app.databaseFolder)) {
      for (const token of Object.values(TEST_TOKENS)) expect(file.text).not.toContain(token);
    }
  });

  it("asks for the second factor", async () => {
    api = await startScriptedApi({
      ...signedInRoutes(),
      "POST /api/v1/auth/login": (_request, response) =>
        sendJson(response, 200, {
          mfaRequired: true,
          mfaToken: "mfa-token-for-screen-tests",
          expiresIn: 300,
        }),
      "POST /api/v1/auth/login/2fa": (request, response) => {
        const body = JSON.parse(request.body) as { code?: string };
        if (body.code !== "123456") return sendProblem(response, 401, "mfa-failed");
        sendJson(response, 200, { ...TEST_TOKENS, tokenType: "Bearer", expiresIn: 900 });
      },
    });
    renderFreshApp();
    await screen.findByRole("header", { name: "Log in" });

    fillLogin(api.url, "anna@example.com", "correct horse battery staple");
    await screen.findByRole("header", { name: "Two-factor login" });
    fireEvent.changeText(screen.getByLabelText("6-digit code"), "12345");
    fireEvent.press(screen.getByRole("button", { name: "Verify" }));
    // The rule shows under the field, next to the same sentence as the step's help text.
    expect(
      await screen.findAllByText("Enter the 6-digit code from your authenticator app."),
    ).toHaveLength(2);
    fireEvent.changeText(screen.getByLabelText("6-digit code"), "123456");
    fireEvent.press(screen.getByRole("button", { name: "Verify" }));

    expect(await screen.findByRole("header", { name: "Today" })).toBeTruthy();
    const secondStep = api.requests.filter((request) => request.path === "/api/v1/auth/login/2fa");
    expect(secondStep).toHaveLength(1);
    expect(JSON.parse(secondStep[0]!.body)).toEqual({
      mfaToken: "mfa-token-for-screen-tests",
      code: "123456",
    });
  });

  it("sends no device token to another server", async () => {
    const logout = {
      "POST /api/v1/auth/logout": (_request: unknown, response: ServerResponse) => {
        response.writeHead(204);
        response.end();
      },
    };
    api = await startScriptedApi({ ...signedInRoutes(), ...logout });
    otherApi = await startScriptedApi(signedInRoutes());
    renderFreshApp();
    await screen.findByRole("header", { name: "Log in" });
    fillLogin(api.url, "anna@example.com", "correct horse battery staple");
    await screen.findByRole("header", { name: "Today" });
    fireEvent.press(screen.getByRole("button", { name: "Settings" }));
    fireEvent.press(await screen.findByRole("button", { name: "Log out" }));
    await screen.findByRole("header", { name: "Log in" });

    fillLogin(otherApi.url, "anna@example.com", "correct horse battery staple");

    await screen.findByRole("header", { name: "Today" });
    const login = otherApi.answered.find((request) => request.path === "/api/v1/auth/login");
    expect(JSON.parse(login?.body ?? "{}")).not.toHaveProperty("deviceToken");
    const tokens = JSON.parse(storedItems.get("fitcoach.tokens")?.value ?? "{}") as unknown;
    expect(tokens).toEqual(TEST_TOKENS);
  });

  it("sends the device token back to its server", async () => {
    const logout = {
      "POST /api/v1/auth/logout": (_request: unknown, response: ServerResponse) => {
        response.writeHead(204);
        response.end();
      },
    };
    api = await startScriptedApi({ ...signedInRoutes(), ...logout });
    renderFreshApp();
    await screen.findByRole("header", { name: "Log in" });
    fillLogin(api.url, "anna@example.com", "correct horse battery staple");
    await screen.findByRole("header", { name: "Today" });
    fireEvent.press(screen.getByRole("button", { name: "Settings" }));
    fireEvent.press(await screen.findByRole("button", { name: "Log out" }));
    await screen.findByRole("header", { name: "Log in" });

    fillLogin(api.url, "anna@example.com", "correct horse battery staple");

    await screen.findByRole("header", { name: "Today" });
    const logins = api.answered.filter((request) => request.path === "/api/v1/auth/login");
    expect(logins).toHaveLength(2);
    expect(JSON.parse(logins[1]!.body)).toMatchObject({ deviceToken: TEST_TOKENS.deviceToken });
  });

  it("wipes another account's data at login", async () => {
    const me = testMe();
    api = await startScriptedApi({
      ...signedInRoutes(),
      "GET /api/v1/me": (_request, response) => sendJson(response, 200, me),
      "PATCH /api/v1/me": (_request, response) => sendJson(response, 200, me),
    });
    const first = renderFreshApp();
    await screen.findByRole("header", { name: "Log in" });
    fillLogin(api.url, "anna@example.com", "correct horse battery staple");
    await screen.findByRole("header", { name: "Today" });
    fireEvent.press(screen.getByRole("button", { name: "Settings" }));
    api.setDown(true);
    fireEvent.press(await screen.findByRole("radio", { name: "Sunday" }));
    await screen.findByText(/You are offline/);

    // A browser tab closed without logging out keeps its database but not its tokens.
    first.unmount();
    storedItems.clear();
    me.id = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    api.setDown(false);
    renderAppOnDatabase(first.databaseFolder);
    await screen.findByRole("header", { name: "Log in" });
    fillLogin(api.url, "boris@example.com", "correct horse battery staple");
    await screen.findByRole("header", { name: "Today" });

    const database = await openExpoSqliteDatabase();
    expect(await listWrites(database)).toEqual([]);
    await database.close();
    expect(api.answered.some((request) => request.method === "PATCH")).toBe(false);
  });
});
