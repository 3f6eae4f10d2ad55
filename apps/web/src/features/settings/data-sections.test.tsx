import { afterEach, describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { sendJson, sendProblem } from "@fitcoach/client/test-server";
import type { ImportJob } from "@fitcoach/contract";

import { renderApp, stopServers } from "../../test/render-app";
import { routeTable } from "../../test/route-table";
import { downloads } from "../../test/setup";

afterEach(stopServers);

const JOB_ID = "0d1e2f30-aaaa-4aaa-8aaa-aaaaaaaaaaaa";

function makeJob(overrides: Partial<ImportJob> = {}): ImportJob {
  return {
    id: JOB_ID,
    format: "strong-csv",
    status: "queued",
    progressPercent: 0,
    added: {},
    duplicateOf: null,
    error: null,
    createdAt: "2026-03-29T10:00:00.000Z",
    finishedAt: null,
    ...overrides,
  };
}

const SETTINGS_READS = {
  "GET /api/v1/me/sessions": { items: [] },
  "GET /api/v1/me/audit": { items: [], nextCursor: null },
  "GET /api/v1/me/imports": { items: [] },
};

describe("settings data sections", () => {
  it("downloads the CSV export", async () => {
    const app = await renderApp(
      "/settings",
      routeTable({
        ...SETTINGS_READS,
        "GET /api/v1/me/export": (_request, response) => {
          response.writeHead(200, {
            "content-type": "application/zip",
            "content-disposition": 'attachment; filename="fitcoach-export-2026-03-29.zip"',
          });
          response.end("PK");
        },
      }),
      { accessToken: "a1", session: "signed-in" },
    );
    const user = userEvent.setup();
    const section = await screen.findByRole("region", { name: "Export your data" });

    await user.click(within(section).getByLabelText("CSV files in a zip"));
    await user.click(within(section).getByRole("button", { name: "Download export" }));

    expect(await within(section).findByText("Your export was downloaded.")).toBeInTheDocument();
    expect(downloads).toEqual(["fitcoach-export-2026-03-29.zip"]);
    expect(app.server.requests.map((request) => request.path)).toContain(
      "/api/v1/me/export?format=csv",
    );
  });

  it("imports a Strong file with progress", async () => {
    let polls = 0;
    const app = await renderApp(
      "/settings",
      routeTable({
        ...SETTINGS_READS,
        "POST /api/v1/me/import": (_request, response) =>
          sendJson(response, 202, makeJob(), { location: `/api/v1/me/imports/${JOB_ID}` }),
        [`GET /api/v1/me/imports/${JOB_ID}`]: (_request, response) => {
          polls += 1;
          const job =
            polls < 2
              ? makeJob({ status: "running", progressPercent: 40 })
              : makeJob({
                  status: "completed",
                  progressPercent: 100,
                  added: { workouts: 3, water: 0 },
                  finishedAt: "2026-03-29T10:00:05.000Z",
                });
          sendJson(response, 200, job);
        },
      }),
      { accessToken: "a1", session: "signed-in" },
    );
    const user = userEvent.setup();
    const section = await screen.findByRole("region", { name: "Import data" });

    await user.selectOptions(within(section).getByLabelText("File format"), "strong-csv");
    await user.upload(
      within(section).getByLabelText("File"),
      new File(["Date,Exercise Name,Reps\n2024-03-05 18:30,Squat (Barbell),5\n"], "strong.csv", {
        type: "text/csv",
      }),
    );
    await user.selectOptions(within(section).getByLabelText("Unit of weights in the file"), "lb");
    await user.selectOptions(within(section).getByLabelText("Dates such as 03/04/2024"), "dmy");
    await user.click(within(section).getByRole("button", { name: "Import" }));

    expect(await within(section).findByText("Importing: 40 %")).toBeInTheDocument();
    expect(within(section).getByRole("progressbar", { name: "Importing: 40 %" })).toHaveAttribute(
      "value",
      "40",
    );
    expect(
      await within(section).findByText("Workouts: 3 added", {}, { timeout: 4000 }),
    ).toBeInTheDocument();
    expect(within(section).queryByText(/Water/)).toBeNull();
    const upload = app.server.requests.find((request) => request.path === "/api/v1/me/import")!;
    expect(upload.headers["content-type"]).toMatch(/^multipart\/form-data/);
    expect(upload.body).toMatch(/name="format"\r\n\r\nstrong-csv\r\n/);
    expect(upload.body).toMatch(/name="unit"\r\n\r\nlb\r\n/);
    expect(upload.body).toMatch(/name="timeZone"\r\n\r\nEurope\/Prague\r\n/);
    expect(upload.body).toMatch(/name="dateOrder"\r\n\r\ndmy\r\n/);
    expect(upload.body).toContain('name="file"; filename="strong.csv"');
  });

  it("shows why an import failed", async () => {
    await renderApp(
      "/settings",
      routeTable({
        ...SETTINGS_READS,
        "GET /api/v1/me/imports": {
          items: [makeJob({ status: "running", progressPercent: 10 })],
        },
        [`GET /api/v1/me/imports/${JOB_ID}`]: makeJob({
          status: "failed",
          error: 'Line 2: the date "2024-13-45 10:00" cannot be read.',
        }),
      }),
      { accessToken: "a1", session: "signed-in" },
    );
    const section = await screen.findByRole("region", { name: "Import data" });

    const alert = await within(section).findByRole("alert");

    expect(alert).toHaveTextContent("The import failed and added nothing");
    expect(alert).toHaveTextContent('Line 2: the date "2024-13-45 10:00" cannot be read.');
  });

  it("asks for a file before importing", async () => {
    const app = await renderApp("/settings", routeTable(SETTINGS_READS), {
      accessToken: "a1",
      session: "signed-in",
    });
    const user = userEvent.setup();
    const section = await screen.findByRole("region", { name: "Import data" });

    await user.click(within(section).getByRole("button", { name: "Import" }));

    expect(within(section).getByText("Choose a file to import.")).toBeInTheDocument();
    expect(app.server.requests.some((request) => request.method === "POST")).toBe(false);
  });

  it("reports too many pending imports", async () => {
    await renderApp(
      "/settings",
      routeTable({
        ...SETTINGS_READS,
        "POST /api/v1/me/import": (_request, response) =>
          sendProblem(response, 429, "rate-limited", {}, { "retry-after": "60" }),
      }),
      { accessToken: "a1", session: "signed-in" },
    );
    const user = userEvent.setup();
    const section = await screen.findByRole("region", { name: "Import data" });

    await user.upload(
      within(section).getByLabelText("File"),
      new File(["{}"], "export.json", { type: "application/json" }),
    );
    await user.click(within(section).getByRole("button", { name: "Import" }));

    expect(await within(section).findByRole("alert")).toHaveTextContent(
      "Three imports are already waiting or running.",
    );
  });

  it("schedules the account deletion", async () => {
    const app = await renderApp(
      "/settings",
      routeTable({
        ...SETTINGS_READS,
        "DELETE /api/v1/me": (_request, response) =>
          sendJson(response, 202, { deletionDueAt: "2026-04-05T10:00:00.000Z" }),
      }),
      { accessToken: "a1", session: "signed-in" },
    );
    const user = userEvent.setup();
    const section = await screen.findByRole("region", { name: "Delete account" });

    expect(section).toHaveTextContent("deleted for good after a grace period");
    await user.type(within(section).getByLabelText("Current password"), "my password");
    await user.click(within(section).getByLabelText("I understand that my data will be deleted."));
    await user.click(within(section).getByRole("button", { name: "Delete my account" }));

    expect(
      await screen.findByText(
        /Your account is disabled and will be deleted on Apr 5, 2026.*Log in again before then/,
      ),
    ).toBeInTheDocument();
    expect(app.location()).toMatch(/^\/login/);
    const deletion = app.server.requests.find((request) => request.method === "DELETE");
    expect(JSON.parse(deletion!.body)).toEqual({ password: "my password" });
    expect(window.sessionStorage.length).toBe(0);
  });
});
