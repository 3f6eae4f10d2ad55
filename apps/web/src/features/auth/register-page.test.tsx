import { afterEach, describe, expect, it } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { sendJson, sendProblem } from "@fitcoach/client/test-server";

import { renderApp, stopServers } from "../../test/render-app";

afterEach(stopServers);

const STRONG_PASSWORD = "violet tractor merges quietly";

describe("register page", () => {
  it("rejects a common password locally", async () => {
    const app = await renderApp("/register", (_request, response) =>
      sendJson(response, 202, { message: "ok" }),
    );
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText("Email"), "ann@example.com");
    await user.type(screen.getByLabelText("Password"), "password123");
    await user.click(screen.getByRole("button", { name: "Create account" }));

    await waitFor(() =>
      expect(screen.getByLabelText("Password")).toHaveAttribute("aria-invalid", "true"),
    );
    expect(screen.getByLabelText("Password")).toHaveAccessibleDescription(/too easy to guess/);
    expect(app.server.requests).toHaveLength(0);
  });

  it("shows server field errors", async () => {
    await renderApp("/register", (_request, response) =>
      sendProblem(response, 400, "validation-failed", {
        errors: [{ field: "email", message: "uses a domain that does not accept mail" }],
      }),
    );
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText("Email"), "ann@example.com");
    await user.type(screen.getByLabelText("Password"), STRONG_PASSWORD);
    await user.click(screen.getByRole("button", { name: "Create account" }));

    expect(await screen.findByText("uses a domain that does not accept mail")).toBeInTheDocument();
    expect(screen.getByLabelText("Email")).toHaveAttribute("aria-invalid", "true");
  });

  it("sends the browser time zone", async () => {
    const app = await renderApp("/register", (_request, response) =>
      sendJson(response, 202, { message: "ok" }),
    );
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText("Name (optional)"), "Ann");
    await user.type(screen.getByLabelText("Email"), "ann@example.com");
    await user.type(screen.getByLabelText("Password"), STRONG_PASSWORD);
    await user.click(screen.getByRole("button", { name: "Create account" }));

    expect(await screen.findByRole("heading", { name: "Check your email" })).toBeInTheDocument();
    const body = JSON.parse(app.server.requests[0]!.body);
    expect(app.server.requests[0]?.path).toBe("/api/v1/auth/register");
    expect(body).toEqual({
      email: "ann@example.com",
      password: STRONG_PASSWORD,
      name: "Ann",
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
  });
});
