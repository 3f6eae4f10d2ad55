import { fireEvent, screen } from "expo-router/testing-library";

import type { ScriptedApi } from "./scripted-api";

/** Logs in through the login screen of a freshly rendered app and waits for Today. */
export async function logInThroughScreen(api: ScriptedApi): Promise<void> {
  await screen.findByRole("header", { name: "Log in" });
  fireEvent.changeText(screen.getByLabelText("Server address"), api.url);
  fireEvent.changeText(screen.getByLabelText("Email"), "anna@example.com");
  fireEvent.changeText(screen.getByLabelText("Password"), "correct horse battery staple");
  fireEvent.press(screen.getByRole("button", { name: "Log in" }));
  await screen.findByRole("header", { name: "Today" });
}

/** Opens a tab of the signed-in app by its label; native tab bars expose tabs as buttons. */
export async function openTab(label: string): Promise<void> {
  fireEvent.press(screen.getByRole("button", { name: label }));
  await screen.findByRole("header", { name: label });
}
