import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { buildApp } from "../../src/app";
import { prepareDatabase } from "../../src/database-setup";
import { ManualClock } from "../../src/platform/clock";
import { openRuntime } from "../../src/runtime";
import type { TestApp } from "../helpers/app";
import { LogCapture, testConfig } from "../helpers/app";
import { call, multipartBody, signIn } from "../helpers/tracking";

// Embedded mode runs the same SQL on PGlite. This smoke test drives the card, stats, export and a
// CSV import through it, because those use the most PostgreSQL-specific queries.
describe("tracking on PGlite", () => {
  let subject: TestApp;
  const dataDir = mkdtempSync(path.join(tmpdir(), "fitcoach-pglite-"));

  beforeAll(async () => {
    const config = testConfig({ DATA_DIR: dataDir });
    const logs = new LogCapture("info");
    const clock = new ManualClock("2026-03-30T10:00:00Z");
    const runtime = await openRuntime(config, logs.logger, { clock, webRoot: null });
    await prepareDatabase(runtime);
    const app = await buildApp(runtime);
    await app.ready();
    // NOTE: main.ts does the same. With a cold key cache, the first login loads the signing keys
    // outside its own transaction, which waits forever on PGlite's single connection.
    await app.services.signingKeys.rotateIfDue();
    subject = {
      app,
      deps: runtime,
      clock,
      logs,
      databaseUrl: "",
      async close() {
        await app.close();
        await runtime.close();
      },
    };
  }, 120_000);
  afterAll(async () => {
    await subject.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("logs a day and reads card, stats and export", async () => {
    const user = await signIn(subject, { timeZone: "Europe/Berlin" });
    await call(subject, user, "POST", "/api/v1/water", { date: "2026-03-29", ml: 2600 });
    await call(subject, user, "POST", "/api/v1/workouts", {
      date: "2026-03-29",
      durationMin: 40,
      intensity: 3,
      exercises: [{ exerciseId: "Barbell_Squat", sets: [{ reps: 5, weightKg: 100 }] }],
    });

    const card = await call(subject, user, "GET", "/api/v1/days/2026-03-29");
    const stats = await call(
      subject,
      user,
      "GET",
      "/api/v1/stats/water?period=week&from=2026-03-23&to=2026-03-29",
    );
    const records = await call(subject, user, "GET", "/api/v1/exercises/Barbell_Squat/records");
    const exported = await call(subject, user, "GET", "/api/v1/me/export");

    expect(card.body.water.totalMl).toBe(2600);
    expect(card.body.workouts[0].volumeKg).toBe(500);
    expect(stats.body.points).toEqual([
      { start: "2026-03-23", end: "2026-03-29", value: 2600, total: 2600, days: 1 },
    ]);
    expect(stats.body.streaks.current).toBe(1);
    expect(records.body.bestEstimatedOneRepMaxKg.value).toBe(116.67);
    expect(exported.body.sections.water).toHaveLength(1);
  });

  it("imports a Strong file", async () => {
    const user = await signIn(subject);
    const body = multipartBody(
      { format: "strong-csv", unit: "kg" },
      {
        name: "strong.csv",
        content:
          "Date,Workout Name,Exercise Name,Set Order,Weight,Reps\n2026-03-20 08:00:00,A,Squat (Barbell),1,80,5\n",
      },
    );

    const started = await subject.app.inject({
      method: "POST",
      url: "/api/v1/me/import",
      headers: { ...user.headers, ...body.headers },
      payload: body.payload,
    });
    await subject.deps.jobs.runOnce();
    const job = await call(subject, user, "GET", `/api/v1/me/imports/${started.json().id}`);

    expect(job.body).toMatchObject({ status: "completed", added: { workouts: 1 } });
  });
});
