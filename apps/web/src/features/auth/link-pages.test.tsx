import { afterEach, describe, expect, it } from "vitest";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { sendJson, sendProblem } from "@fitcoach/client/test-server";

import { renderApp, stopServers } from "../../test/render-app";

afterEach(stopServers);

const TOKEN = "Tk_".padEnd(43, "x");

describe("mailed link pages", () => {
  it("verifies email once on open", async () => {
    const app = await renderApp(`/verify-email?token=${TOKEN}`, (_request, response) =>
      sendJson(response, 200, { emailVerified: true }),
    );

    expect(await screen.findByText("Your email address is verified.")).toBeInTheDocument();
    expect(app.server.requests).toHaveLength(1);
    expect(JSON.parse(app.server.requests[0]!.body)).toEqual({ token: TOKEN });
  });

  it("offers a new link on failure", async () => {
    await renderApp(`/verify-email?token=${TOKEN}`, (_request, response) =>
      sendProblem(response, 400, "invalid-token"),
    );

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "This link is invalid or has expired.",
    );
    expect(
      screen.getByRole("button", { name: "Send a new verification link" }),
    ).toBeInTheDocument();
  });

  it("rejects a missing token without a request", async () => {
    const app = await renderApp("/reset-password", (_request, response) =>
      sendJson(response, 200, {}),
    );

    expect(await screen.findByRole("alert")).toHaveTextContent("This link is incomplete.");
    expect(screen.queryByLabelText("New password")).not.toBeInTheDocument();
    expect(app.server.requests).toHaveLength(0);
  });

  it("unlocks only after a click", async () => {
    const app = await renderApp(`/unlock?token=${TOKEN}`, (_request, response) => {
      response.writeHead(204);
      response.end();
    });
    const user = userEvent.setup();

    await user.click(await screen.findByRole("button", { name: "Unlock account" }));

    expect(
      await screen.findByText("Your account is unlocked. You can log in now."),
    ).toBeInTheDocument();
    expect(app.server.requests.map((request) => request.path)).toEqual(["/api/v1/auth/unlock"]);
  });

  it("checks the repeated password", async () => {
    const app = await renderApp(`/reset-password?token=${TOKEN}`, (_request, response) =>
      sendJson(response, 200, {}),
    );
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText("New password"), "violet tractor merges quietly");
    await user.type(
      screen.getByLabelText("Repeat the new password"),
      "violet tractor merges quiet",
    );
    await user.click(screen.getByRole("button", { name: "Set password" }));

    expect(await screen.findByText("The two passwords are different.")).toBeInTheDocument();
    expect(app.server.requests).toHaveLength(0);
  });
});
