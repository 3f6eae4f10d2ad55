import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ManualClock } from "../../platform/clock";
import { createTestApp } from "../../../test/helpers/app";
import type { TestApp } from "../../../test/helpers/app";
import { call, signIn } from "../../../test/helpers/tracking";
import { ENTRIES_PER_DAY_MAX } from "../entries/entry-service";
import type { SignedInUser } from "../../../test/helpers/tracking";

describe("water entries", () => {
  let subject: TestApp;
  let user: SignedInUser;
  let other: SignedInUser;

  beforeAll(async () => {
    subject = await createTestApp({ clock: new ManualClock("2026-03-10T12:00:00Z") });
    user = await signIn(subject, { timeZone: "Europe/Berlin" });
    other = await signIn(subject);
  });
  afterAll(async () => {
    await subject.close();
  });

  it("logs, lists, edits and deletes", async () => {
    const created = await call(subject, user, "POST", "/api/v1/water", {
      date: "2026-03-10",
      ml: 300,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ date: "2026-03-10", ml: 300, version: 1 });
    expect(created.headers.etag).toBe('"v1"');
    expect(created.headers.location).toBe(`/api/v1/water/${created.body.id}`);

    const list = await call(subject, user, "GET", "/api/v1/water?from=2026-03-01&to=2026-03-31");
    expect(list.body.items.map((item: { ml: number }) => item.ml)).toEqual([300]);

    const edited = await call(
      subject,
      user,
      "PATCH",
      `/api/v1/water/${created.body.id}`,
      { ml: 450 },
      { "if-match": '"v1"' },
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ ml: 450, version: 2 });
    expect(edited.headers.etag).toBe('"v2"');

    const removed = await call(
      subject,
      user,
      "DELETE",
      `/api/v1/water/${created.body.id}`,
      undefined,
      { "if-match": '"v2"' },
    );
    expect(removed.status).toBe(204);
    const afterDelete = await call(subject, user, "GET", `/api/v1/water/${created.body.id}`);
    expect(afterDelete.status).toBe(404);
  });

  it("rejects a stale If-Match with 412", async () => {
    const created = await call(subject, user, "POST", "/api/v1/water", {
      date: "2026-03-10",
      ml: 200,
    });
    await call(
      subject,
      user,
      "PATCH",
      `/api/v1/water/${created.body.id}`,
      { ml: 250 },
      { "if-match": '"v1"' },
    );

    const stale = await call(
      subject,
      user,
      "PATCH",
      `/api/v1/water/${created.body.id}`,
      { ml: 999 },
      { "if-match": '"v1"' },
    );
    const staleDelete = await call(
      subject,
      user,
      "DELETE",
      `/api/v1/water/${created.body.id}`,
      undefined,
      { "if-match": '"v1"' },
    );

    expect(stale.status).toBe(412);
    expect(stale.body.type).toBe("/problems/precondition-failed");
    expect(staleDelete.status).toBe(412);
    const current = await call(subject, user, "GET", `/api/v1/water/${created.body.id}`);
    expect(current.body.ml).toBe(250);
  });

  it("answers 404 for another user's entry", async () => {
    const created = await call(subject, user, "POST", "/api/v1/water", {
      date: "2026-03-09",
      ml: 100,
    });

    const read = await call(subject, other, "GET", `/api/v1/water/${created.body.id}`);
    const edit = await call(subject, other, "PATCH", `/api/v1/water/${created.body.id}`, { ml: 1 });
    const remove = await call(subject, other, "DELETE", `/api/v1/water/${created.body.id}`);

    expect(read.status).toBe(404);
    expect(edit.status).toBe(404);
    expect(remove.status).toBe(404);
    const mine = await call(subject, user, "GET", `/api/v1/water/${created.body.id}`);
    expect(mine.body.ml).toBe(100);
  });

  it("rejects amounts and dates out of bounds", async () => {
    const cases = [
      { payload: { date: "2026-03-10", ml: 0 }, field: "ml" },
      { payload: { date: "2026-03-10", ml: 5001 }, field: "ml" },
      { payload: { date: "2026-03-10", ml: 2.5 }, field: "ml" },
      { payload: { date: "1899-12-31", ml: 200 }, field: "date" },
      { payload: { date: "2026-03-12", ml: 200 }, field: "date" },
      { payload: { date: "2026-02-30", ml: 200 }, field: "date" },
    ];
    for (const { payload, field } of cases) {
      const response = await call(subject, user, "POST", "/api/v1/water", payload);
      expect(response.status, JSON.stringify(payload)).toBe(400);
      expect(response.body.type).toBe("/problems/validation-failed");
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    }
    const list = await call(subject, user, "GET", "/api/v1/water?from=2026-01-01&to=2026-12-31");
    expect(list.body.items.some((item: { ml: number }) => item.ml > 5000 || item.ml < 1)).toBe(
      false,
    );
  });

  it("accepts tomorrow in the user's zone", async () => {
    const response = await call(subject, user, "POST", "/api/v1/water", {
      date: "2026-03-11",
      ml: 250,
    });

    expect(response.status).toBe(201);
  });

  it("replays a write with the same Idempotency-Key", async () => {
    const headers = { "idempotency-key": "water-retry-1" };
    const first = await call(
      subject,
      user,
      "POST",
      "/api/v1/water",
      { date: "2026-03-08", ml: 330 },
      headers,
    );
    const second = await call(
      subject,
      user,
      "POST",
      "/api/v1/water",
      { date: "2026-03-08", ml: 330 },
      headers,
    );

    expect(second.status).toBe(201);
    expect(second.headers["idempotent-replayed"]).toBe("true");
    expect(second.body.id).toBe(first.body.id);
    const list = await call(subject, user, "GET", "/api/v1/water?from=2026-03-08&to=2026-03-08");
    expect(list.body.items).toHaveLength(1);
  });

  it("runs a retry again once its If-Match is fixed", async () => {
    const created = await call(subject, user, "POST", "/api/v1/water", {
      date: "2026-03-06",
      ml: 200,
    });
    const headers = { "idempotency-key": "water-retry-412" };
    const stale = await call(
      subject,
      user,
      "PATCH",
      `/api/v1/water/${created.body.id}`,
      { ml: 321 },
      { ...headers, "if-match": '"v999"' },
    );

    const fixed = await call(
      subject,
      user,
      "PATCH",
      `/api/v1/water/${created.body.id}`,
      { ml: 321 },
      { ...headers, "if-match": String(created.headers.etag) },
    );

    expect(stale.status).toBe(412);
    expect(fixed.status).toBe(200);
    expect(fixed.headers["idempotent-replayed"]).toBeUndefined();
    expect(fixed.body.ml).toBe(321);
  });

  it("refuses a key reused with another If-Match", async () => {
    const created = await call(subject, user, "POST", "/api/v1/water", {
      date: "2026-03-06",
      ml: 210,
    });
    const headers = { "idempotency-key": "water-retry-etag" };
    const first = await call(
      subject,
      user,
      "PATCH",
      `/api/v1/water/${created.body.id}`,
      { ml: 220 },
      { ...headers, "if-match": String(created.headers.etag) },
    );

    const other = await call(
      subject,
      user,
      "PATCH",
      `/api/v1/water/${created.body.id}`,
      { ml: 220 },
      { ...headers, "if-match": String(first.headers.etag) },
    );

    expect(first.status).toBe(200);
    expect(other.status).toBe(422);
    expect(other.body.type).toBe("/problems/idempotency-key-reused");
  });

  it("refuses an empty edit and a weak If-Match without a new version", async () => {
    const created = await call(subject, user, "POST", "/api/v1/water", {
      date: "2026-03-06",
      ml: 230,
    });

    const empty = await call(subject, user, "PATCH", `/api/v1/water/${created.body.id}`, {});
    const weak = await call(
      subject,
      user,
      "PATCH",
      `/api/v1/water/${created.body.id}`,
      { ml: 240 },
      { "if-match": `W/${String(created.headers.etag)}` },
    );

    expect(empty.status).toBe(400);
    expect(empty.body.detail ?? empty.body.errors[0].message).toBeTruthy();
    expect(weak.status).toBe(412);
    const stored = await call(subject, user, "GET", `/api/v1/water/${created.body.id}`);
    expect(stored.body).toMatchObject({ ml: 230, version: created.body.version });
  });

  it("refuses the entry past the daily maximum", async () => {
    const date = "2026-02-01";
    for (let index = 0; index < ENTRIES_PER_DAY_MAX; index += 1) {
      const created = await call(subject, user, "POST", "/api/v1/water", { date, ml: 10 });
      expect(created.status).toBe(201);
    }

    const over = await call(subject, user, "POST", "/api/v1/water", { date, ml: 10 });
    const card = await call(subject, user, "GET", `/api/v1/days/${date}`);

    expect(over.status).toBe(409);
    expect(over.body.detail).toContain("100 water entries");
    expect(card.body.water.totalMl).toBe(10 * ENTRIES_PER_DAY_MAX);
  });

  it("reports more entries past the limit", async () => {
    for (const ml of [101, 102, 103]) {
      await call(subject, user, "POST", "/api/v1/water", { date: "2026-03-07", ml });
      (subject.clock as ManualClock).advance(1_000);
    }

    const first = await call(
      subject,
      user,
      "GET",
      "/api/v1/water?from=2026-03-07&to=2026-03-07&limit=2",
    );
    const all = await call(
      subject,
      user,
      "GET",
      "/api/v1/water?from=2026-03-07&to=2026-03-07&limit=3",
    );

    expect(first.body.items.map((item: { ml: number }) => item.ml)).toEqual([101, 102]);
    expect(first.body.hasMore).toBe(true);
    expect(all.body.hasMore).toBe(false);
  });

  it("rejects a range longer than the limit", async () => {
    const response = await call(
      subject,
      user,
      "GET",
      "/api/v1/water?from=1900-01-01&to=2026-01-01",
    );

    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe("query.to");
  });
});
