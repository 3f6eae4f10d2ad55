import { fireEvent, screen, waitFor } from "expo-router/testing-library";

import { renderFreshApp } from "../../../test/render-app";
import { sendJson, startScriptedApi } from "../../../test/scripted-api";
import type { ScriptedApi } from "../../../test/scripted-api";

let api: ScriptedApi | null = null;

afterEach(async () => {
  await api?.close();
  api = null;
});

function fillRegistration(server: string, email: string, password: string): void {
  fireEvent.changeText(screen.getByLabelText("Server address"), server);
  fireEvent.changeText(screen.getByLabelText("Email"), email);
  fireEvent.changeText(screen.getByLabelText("Password"), password);
  fireEvent.press(screen.getByRole("button", { name: "Create account" }));
}

describe("register screen", () => {
  it("refuses a weak password without a request", async () => {
    api = await startScriptedApi({});
    renderFreshApp("/register");
    await screen.findByRole("header", { name: "Create your account" });

    fillRegistration(api.url, "anna@example.com", "password123");

    expect(
      await screen.findByText(
        "Strength: very weak. This password is too easy to guess. Make it longer or less predictable.",
      ),
    ).toBeTruthy();
    expect(
      await screen.findByText(
        "This password is too easy to guess. Make it longer or less predictable.",
      ),
    ).toBeTruthy();
    expect(api.requests).toEqual([]);
  });

  it("sends the device time zone and asks to check email", async () => {
    api = await startScriptedApi({
      "POST /api/v1/auth/register": (_request, response) =>
        sendJson(response, 202, { message: "Check your inbox." }),
    });
    renderFreshApp("/register");
    await screen.findByRole("header", { name: "Create your account" });

    fillRegistration(api.url, "anna@example.com", "correct horse battery staple");

    expect(await screen.findByRole("header", { name: "Check your email" })).toBeTruthy();
    await waitFor(() => expect(api?.answered).toHaveLength(1));
    expect(JSON.parse(api.answered[0]!.body)).toEqual({
      email: "anna@example.com",
      password: "correct horse battery staple",
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
  });
});
