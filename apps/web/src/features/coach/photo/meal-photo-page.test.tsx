import { afterEach, describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { sendJson, sendProblem } from "@fitcoach/client/test-server";

import { renderApp, stopServers } from "../../../test/render-app";
import { routeTable } from "../../../test/route-table";
import { todayIn } from "../../today/local-date";

afterEach(stopServers);

function photo(): File {
  return new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], "lunch.jpg", { type: "image/jpeg" });
}

const DRAFT = {
  items: [
    {
      label: "rice",
      foodId: "usda-20045",
      description: "Rice, white, cooked",
      grams: 200,
      confidence: 0.9,
      nutrients: { kcal: 260, protein: 5.4, carbs: 56, fat: 0.6, fiber: 0.8 },
    },
    {
      label: "mystery sauce",
      foodId: null,
      description: null,
      grams: 30,
      confidence: 0.4,
      nutrients: null,
    },
  ],
  totals: { kcal: 260, protein: 5.4, carbs: 56, fat: 0.6, fiber: 0.8 },
  provider: "openai",
  model: "vision-test",
  notes: [],
};

describe("meal photo", () => {
  it("explains the missing vision model", async () => {
    const app = await renderApp(
      "/coach/photo",
      routeTable({
        "POST /api/v1/coach/meal-photo": (_request, response) =>
          sendProblem(response, 503, "service-unavailable", { reason: "vision-model-required" }),
      }),
      { accessToken: "a1", session: "signed-in" },
    );
    const user = userEvent.setup();

    await user.upload(await screen.findByLabelText("Photo (JPEG, PNG or WebP)"), photo());
    await user.click(screen.getByRole("button", { name: "Recognize foods" }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Photo recognition needs a vision model");
    expect(alert).toHaveTextContent("COACH_VISION_MODEL");
    expect(
      within(alert).getByRole("link", { name: "Log the meal by hand on Today" }),
    ).toHaveAttribute("href", "/today");
    const upload = app.server.requests.find(
      (request) => request.path === "/api/v1/coach/meal-photo",
    );
    expect(upload?.body).toContain('name="file"; filename="lunch.jpg"');
  });

  it("asks for meal consent first", async () => {
    await renderApp(
      "/coach/photo",
      routeTable({
        "POST /api/v1/coach/meal-photo": (_request, response) =>
          sendProblem(response, 403, "forbidden", { reason: "consent-required" }),
      }),
      { accessToken: "a1", session: "signed-in" },
    );
    const user = userEvent.setup();

    await user.upload(await screen.findByLabelText("Photo (JPEG, PNG or WebP)"), photo());
    await user.click(screen.getByRole("button", { name: "Recognize foods" }));

    const alert = await screen.findByRole("alert");
    expect(within(alert).getByRole("link", { name: "Open the privacy settings" })).toHaveAttribute(
      "href",
      "/coach/privacy",
    );
  });

  it("rejects a file that is no image", async () => {
    const app = await renderApp("/coach/photo", routeTable({}), {
      accessToken: "a1",
      session: "signed-in",
    });
    const user = userEvent.setup({ applyAccept: false });

    await user.upload(
      await screen.findByLabelText("Photo (JPEG, PNG or WebP)"),
      new File(["%PDF"], "menu.pdf", { type: "application/pdf" }),
    );

    expect(screen.getByText("Choose a JPEG, PNG or WebP image.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Recognize foods" })).toBeDisabled();
    expect(app.server.requests.some((request) => request.method === "POST")).toBe(false);
  });

  it("edits the draft and opens the day", async () => {
    const app = await renderApp(
      "/coach/photo",
      routeTable({
        "POST /api/v1/coach/meal-photo": (_request, response) => sendJson(response, 200, DRAFT),
      }),
      { accessToken: "a1", session: "signed-in" },
    );
    const user = userEvent.setup();

    await user.upload(await screen.findByLabelText("Photo (JPEG, PNG or WebP)"), photo());
    await user.click(screen.getByRole("button", { name: "Recognize foods" }));
    const draft = await screen.findByRole("region", { name: "Check the foods" });
    expect(within(draft).getByText(/Total: 260 kcal/)).toBeInTheDocument();
    const grams = within(draft).getByLabelText("Grams of Rice, white, cooked");
    await user.clear(grams);
    await user.type(grams, "100");
    await user.click(within(draft).getByRole("button", { name: "Remove mystery sauce" }));

    expect(within(draft).getByText(/Total: 130 kcal, 2.7 g protein/)).toBeInTheDocument();
    expect(within(draft).queryByText(/mystery sauce/)).toBeNull();
    expect(screen.getByText("Written by the model vision-test.")).toBeInTheDocument();
    await user.click(within(draft).getByRole("button", { name: "Continue to the day's meals" }));
    await waitFor(() => expect(app.location()).toBe(`/day/${todayIn("Europe/Prague")}`));
  });
});
