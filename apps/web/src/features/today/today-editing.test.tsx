import { afterEach, describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { BodyEntry, Me } from "@fitcoach/contract";

import { FakeDayStore } from "../../test/fake-day-store";
import { makeMe } from "../../test/make-me";
import { renderApp, stopServers } from "../../test/render-app";
import { bodiesOf, routeTable } from "../../test/route-table";

afterEach(stopServers);

const DATE = "2026-03-29";

async function openDay(
  store: FakeDayStore,
  me: Me = makeMe(),
): Promise<Awaited<ReturnType<typeof renderApp>>> {
  const app = await renderApp(
    `/day/${DATE}`,
    routeTable({ "GET /api/v1/me": me, ...store.routes() }),
    { accessToken: "a1", session: "signed-in" },
  );
  await screen.findByRole("region", { name: "Water" });
  return app;
}

function requestsOf(
  app: Awaited<ReturnType<typeof renderApp>>,
  method: string,
): { path: string; ifMatch: unknown; body: unknown }[] {
  return app.server.requests
    .filter((request) => request.method === method)
    .map((request) => ({
      path: request.path,
      ifMatch: request.headers["if-match"],
      body: request.body ? JSON.parse(request.body) : null,
    }));
}

describe("editing day entries", () => {
  it("changes water amount and total", async () => {
    const store = new FakeDayStore(DATE);
    const entry = { ...store.meta(), ml: 250 };
    store.water.push(entry);
    const app = await openDay(store);
    const user = userEvent.setup();
    const water = screen.getByRole("region", { name: "Water" });

    await user.click(within(water).getByRole("button", { name: "Edit 250 ml" }));
    const form = within(water).getByRole("form", { name: "Edit 250 ml" });
    const amount = within(form).getByLabelText("Amount (ml)");
    expect(amount).toHaveFocus();
    await user.clear(amount);
    await user.type(amount, "400{Enter}");

    expect(await within(water).findByText("400 of 2,500 ml")).toBeInTheDocument();
    expect(requestsOf(app, "PATCH")).toEqual([
      { path: `/api/v1/water/${entry.id}`, ifMatch: '"v1"', body: { ml: 400 } },
    ]);
    expect(within(water).queryByRole("form", { name: "Edit 250 ml" })).toBeNull();
    expect(within(water).getByRole("button", { name: "Edit 400 ml" })).toHaveFocus();
  });

  it("reports water changed elsewhere", async () => {
    const store = new FakeDayStore(DATE);
    const entry = { ...store.meta(), ml: 250 };
    store.water.push(entry);
    const app = await openDay(store);
    const user = userEvent.setup();
    const water = screen.getByRole("region", { name: "Water" });
    await user.click(within(water).getByRole("button", { name: "Edit 250 ml" }));
    store.touch(entry);
    entry.ml = 300;
    const amount = within(water).getByLabelText("Amount (ml)");
    await user.clear(amount);
    await user.type(amount, "500");

    await user.click(within(water).getByRole("button", { name: "Save changes" }));

    expect(await within(water).findByRole("alert")).toHaveTextContent(
      "This entry was changed on another device.",
    );
    expect(await within(water).findByText("300 of 2,500 ml")).toBeInTheDocument();
    await user.click(within(water).getByRole("button", { name: "Save changes" }));
    expect(await within(water).findByText("500 of 2,500 ml")).toBeInTheDocument();
    expect(requestsOf(app, "PATCH").map((request) => request.ifMatch)).toEqual(['"v1"', '"v2"']);
    expect(entry.ml).toBe(500);
  });

  it("cancels an edit with Escape", async () => {
    const store = new FakeDayStore(DATE);
    store.water.push({ ...store.meta(), ml: 250 });
    const app = await openDay(store);
    const user = userEvent.setup();
    const water = screen.getByRole("region", { name: "Water" });

    await user.click(within(water).getByRole("button", { name: "Edit 250 ml" }));
    await user.type(within(water).getByLabelText("Amount (ml)"), "9");
    await user.keyboard("{Escape}");

    expect(within(water).queryByLabelText("Amount (ml)")).toBeNull();
    expect(within(water).getByRole("button", { name: "Edit 250 ml" })).toHaveFocus();
    expect(requestsOf(app, "PATCH")).toEqual([]);
  });

  it("edits sleep times and quality", async () => {
    const store = new FakeDayStore(DATE);
    const night = {
      ...store.meta(),
      bedtime: "2026-03-28T23:00:00",
      wakeTime: "2026-03-29T07:00:00",
      timeZone: "Europe/Prague",
      durationMin: 480,
      quality: 3,
      phases: null,
    };
    store.sleep.push(night);
    const app = await openDay(store);
    const user = userEvent.setup();
    const sleep = screen.getByRole("region", { name: "Sleep" });

    await user.click(within(sleep).getByRole("button", { name: "Edit 8 h 0 min, quality 3 of 5" }));
    const form = within(sleep).getByRole("form", { name: "Edit 8 h 0 min, quality 3 of 5" });
    expect(within(form).getByLabelText("Bedtime")).toHaveValue("2026-03-28T23:00");
    await user.selectOptions(within(form).getByLabelText("Quality"), "5");
    await user.click(within(form).getByRole("button", { name: "Save changes" }));

    expect(
      await within(sleep).findByText("8 h 0 min, quality 5 of 5", { selector: "p" }),
    ).toBeInTheDocument();
    expect(requestsOf(app, "PATCH")).toEqual([
      {
        path: `/api/v1/sleep/${night.id}`,
        ifMatch: '"v1"',
        body: { bedtime: "2026-03-28T23:00", wakeTime: "2026-03-29T07:00", quality: 5 },
      },
    ]);
  });

  it("edits mood energy and stress", async () => {
    const store = new FakeDayStore(DATE);
    const mood = { ...store.meta(), score: 4, energy: null, stress: 2, tags: [], note: "" };
    store.mood.push(mood);
    const app = await openDay(store);
    const user = userEvent.setup();
    const section = screen.getByRole("region", { name: "Mood" });

    await user.click(
      within(section).getByRole("button", { name: "Edit Mood 4 of 5 · stress 2 of 5" }),
    );
    await user.selectOptions(within(section).getAllByLabelText("Energy")[0]!, "3");
    await user.selectOptions(within(section).getAllByLabelText("Stress")[0]!, "");
    await user.click(within(section).getByRole("button", { name: "Save changes" }));

    expect(
      await within(section).findByText("Mood 4 of 5 · energy 3 of 5", { selector: "p" }),
    ).toBeInTheDocument();
    expect(bodiesOf(app.server.requests, `PATCH /api/v1/mood/${mood.id}`)).toEqual([
      { score: 4, energy: 3, stress: null },
    ]);
  });

  it("logs and edits steps", async () => {
    const store = new FakeDayStore(DATE);
    const app = await openDay(store);
    const user = userEvent.setup();
    const steps = screen.getByRole("region", { name: "Steps" });
    expect(within(steps).getByText("0 steps")).toBeInTheDocument();

    await user.type(within(steps).getByLabelText("Steps"), "8500");
    await user.click(within(steps).getByRole("button", { name: "Add steps" }));
    await within(steps).findByText("8,500 steps", { selector: ".day-total" });
    await user.click(within(steps).getByRole("button", { name: "Edit 8,500 steps" }));
    const form = within(steps).getByRole("form", { name: "Edit 8,500 steps" });
    await user.clear(within(form).getByLabelText("Steps"));
    await user.type(within(form).getByLabelText("Steps"), "9200{Enter}");

    expect(
      await within(steps).findByText("9,200 steps", { selector: ".day-total" }),
    ).toBeInTheDocument();
    expect(bodiesOf(app.server.requests, "POST /api/v1/steps")).toEqual([
      { date: DATE, count: 8500 },
    ]);
    expect(requestsOf(app, "PATCH")).toEqual([
      { path: `/api/v1/steps/${store.steps[0]!.id}`, ifMatch: '"v1"', body: { count: 9200 } },
    ]);
  });

  it("rejects a step count out of range", async () => {
    const store = new FakeDayStore(DATE);
    const app = await openDay(store);
    const user = userEvent.setup();
    const steps = screen.getByRole("region", { name: "Steps" });

    await user.type(within(steps).getByLabelText("Steps"), "300000");
    await user.click(within(steps).getByRole("button", { name: "Add steps" }));

    expect(within(steps).getByLabelText("Steps")).toHaveAttribute("aria-invalid", "true");
    expect(bodiesOf(app.server.requests, "POST /api/v1/steps")).toEqual([]);
  });
});

describe("body measurements", () => {
  it("logs inches and reads them back", async () => {
    const store = new FakeDayStore(DATE);
    const app = await openDay(store, makeMe({ units: "imperial" }));
    const user = userEvent.setup();
    const body = screen.getByRole("region", { name: "Body" });

    await user.type(within(body).getByLabelText("Weight (lb)"), "180.5");
    await user.type(within(body).getByLabelText("Waist (in)"), "33.3");
    await user.type(within(body).getByLabelText("Body fat (%)"), "18");
    await user.click(within(body).getByRole("button", { name: "Save measurements" }));

    const entry = await within(body).findByRole("listitem");
    expect(entry).toHaveTextContent("180.5 lb · waist 33.3 in · body fat 18 %");
    expect(bodiesOf(app.server.requests, "POST /api/v1/body")).toEqual([
      { date: DATE, weightLb: 180.5, waistIn: 33.3, bodyFatPercent: 18 },
    ]);
    expect(store.body[0]!.waistCm).toBe(84.58);
  });

  it("sends only the changed measurement", async () => {
    const store = new FakeDayStore(DATE);
    const entry = {
      ...store.meta(),
      weightKg: 80,
      weightLb: 176.37,
      weightUnit: "kg",
      waistCm: 84,
      waistIn: 33.07,
      waistUnit: "cm",
      hipsCm: null,
      hipsIn: null,
      hipsUnit: null,
      chestCm: null,
      chestIn: null,
      chestUnit: null,
      neckCm: null,
      neckIn: null,
      neckUnit: null,
      bodyFatPercent: null,
    } satisfies BodyEntry;
    store.body.push(entry);
    const app = await openDay(store, makeMe({ units: "imperial" }));
    const user = userEvent.setup();
    const body = screen.getByRole("region", { name: "Body" });

    await user.click(within(body).getByRole("button", { name: "Edit 176.37 lb · waist 33.07 in" }));
    const form = within(body).getByRole("form", { name: "Edit 176.37 lb · waist 33.07 in" });
    expect(within(form).getByLabelText("Weight (lb)")).toHaveValue("176.37");
    await user.clear(within(form).getByLabelText("Waist (in)"));
    await user.type(within(form).getByLabelText("Hips (in)"), "39");
    await user.click(within(form).getByRole("button", { name: "Save changes" }));

    expect(
      await within(body).findByText("176.37 lb · hips 39 in", { selector: "p" }),
    ).toBeInTheDocument();
    expect(bodiesOf(app.server.requests, `PATCH /api/v1/body/${entry.id}`)).toEqual([
      { waistIn: null, hipsIn: 39 },
    ]);
    expect(entry.weightKg).toBe(80);
    expect(entry.weightUnit).toBe("kg");
  });
});

describe("editing keyboard use", () => {
  it("opens the editor from the keyboard", async () => {
    const store = new FakeDayStore(DATE);
    store.water.push({ ...store.meta(), ml: 250 });
    await openDay(store);
    const user = userEvent.setup();
    const water = screen.getByRole("region", { name: "Water" });
    within(water).getByRole("button", { name: "Edit 250 ml" }).focus();

    await user.keyboard("{Enter}");

    await waitFor(() => expect(within(water).getByLabelText("Amount (ml)")).toHaveFocus());
  });
});
