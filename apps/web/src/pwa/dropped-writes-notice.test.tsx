import { afterEach, describe, expect, it } from "vitest";
import { act, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { sendJson } from "@fitcoach/client/test-server";

import { renderApp, stopServers } from "../test/render-app";
import { announceDroppedWrites } from "./offline-queue-cleanup";

afterEach(stopServers);

describe("dropped offline writes notice", () => {
  it("tells the user and can be dismissed", async () => {
    await renderApp("/login", (_request, response) => sendJson(response, 200, {}));
    await screen.findByRole("heading", { name: "Log in" });

    act(() => announceDroppedWrites(2));

    const notice = await screen.findByRole("alert");
    expect(notice).toHaveTextContent(
      "Changes made offline in an ended session were not sent and have been removed from this device: 2.",
    );
    await userEvent.setup().click(screen.getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("stays hidden when nothing was dropped", async () => {
    await renderApp("/login", (_request, response) => sendJson(response, 200, {}));
    await screen.findByRole("heading", { name: "Log in" });

    act(() => announceDroppedWrites(0));

    expect(screen.queryByRole("alert")).toBeNull();
  });
});
