import { afterEach, describe, expect, it } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { sendJson, sendProblem, tokenAnswer } from "@fitcoach/client/test-server";

import { renderApp, stopServers } from "../../test/render-app";
import { routeTable } from "../../test/route-table";

afterEach(stopServers);

const MFA_TOKEN = "m".repeat(32);

describe("login page", () => {
  it("labels every control", async () => {
    await renderApp("/login", (_request, response) => sendJson(response, 200, {}));

    expect(await screen.findByRole("heading", { name: "Log in" })).toBeInTheDocument();
    expect(screen.getByLabelText("Email")).toHaveAttribute("type", "email");
    expect(screen.getByLabelText("Password")).toHaveAttribute("autocomplete", "current-password");
    expect(screen.getByRole("button", { name: "Log in" })).toBeEnabled();
  });

  it("validates before sending", async () => {
    const app = await renderApp("/login", (_request, response) => sendJson(response, 200, {}));
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText("Email"), "not-an-email");
    await user.click(screen.getByRole("button", { name: "Log in" }));

    expect(await screen.findByText(/Enter a valid email address/)).toBeInTheDocument();
    expect(screen.getByText("This field is required.")).toBeInTheDocument();
    expect(screen.getByLabelText("Email")).toHaveAttribute("aria-invalid", "true");
    expect(app.server.requests).toHaveLength(0);
  });

  it("shows wrong credentials", async () => {
    await renderApp("/login", (_request, response) =>
      sendProblem(response, 401, "invalid-credentials", { detail: "Wrong email or password." }),
    );
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText("Email"), "ann@example.com");
    await user.type(screen.getByLabelText("Password"), "wrong password");
    await user.click(screen.getByRole("button", { name: "Log in" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("The email or password is wrong.");
  });

  it("completes the two-factor step", async () => {
    const app = await renderApp("/login?next=%2Fsettings", (request, response) => {
      if (request.path === "/api/v1/auth/login") {
        return sendJson(response, 200, { mfaRequired: true, mfaToken: MFA_TOKEN, expiresIn: 300 });
      }
      if (request.path === "/api/v1/auth/login/2fa")
        return sendJson(response, 200, tokenAnswer("a1"));
      sendProblem(response, 404, "not-found");
    });
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText("Email"), "ann@example.com");
    await user.type(screen.getByLabelText("Password"), "correct horse battery");
    await user.click(screen.getByRole("button", { name: "Log in" }));
    await user.type(await screen.findByLabelText("6-digit code"), "123456");
    await user.click(screen.getByRole("button", { name: "Verify" }));

    await waitFor(() => expect(app.location()).toBe("/settings"));
    expect(JSON.parse(app.server.requests[1]!.body)).toEqual({
      mfaToken: MFA_TOKEN,
      code: "123456",
    });
    expect(app.server.requests[0]?.headers["x-fitcoach-client"]).toBe("web");
  });

  it("accepts a recovery code instead", async () => {
    const app = await renderApp("/login", (request, response) => {
      if (request.path === "/api/v1/auth/login") {
        return sendJson(response, 200, { mfaRequired: true, mfaToken: MFA_TOKEN, expiresIn: 300 });
      }
      sendProblem(response, 401, "mfa-failed");
    });
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText("Email"), "ann@example.com");
    await user.type(screen.getByLabelText("Password"), "correct horse battery");
    await user.click(screen.getByRole("button", { name: "Log in" }));
    await user.click(await screen.findByRole("button", { name: "Use a recovery code instead" }));
    await user.type(screen.getByLabelText("Recovery code"), "abcd-efgh");
    await user.click(screen.getByRole("button", { name: "Verify" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("The code was not accepted.");
    expect(JSON.parse(app.server.requests[1]!.body)).toEqual({
      mfaToken: MFA_TOKEN,
      recoveryCode: "abcd-efgh",
    });
  });

  it.each(["%2F%09%2Fevil.example", "%2F%0A%2Fevil.example", "%2F%5Cevil.example"])(
    "opens Today for next=%s",
    async (next) => {
      const app = await renderApp(
        `/login?next=${next}`,
        routeTable({
          "POST /api/v1/auth/login": (_request, response) =>
            sendJson(response, 200, tokenAnswer("a1")),
        }),
      );
      const user = userEvent.setup();

      await user.type(await screen.findByLabelText("Email"), "ann@example.com");
      await user.type(screen.getByLabelText("Password"), "correct horse battery");
      await user.click(screen.getByRole("button", { name: "Log in" }));

      await waitFor(() => expect(app.location()).toBe("/today"));
      expect(await screen.findByRole("navigation", { name: "Main" })).toBeInTheDocument();
    },
  );

  it("redirects protected pages to login", async () => {
    const app = await renderApp("/settings", (_request, response) => sendJson(response, 200, {}));

    expect(await screen.findByRole("heading", { name: "Log in" })).toBeInTheDocument();
    expect(app.location()).toBe("/login?next=%2Fsettings");
  });
});
