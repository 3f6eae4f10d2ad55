import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestApp } from "../../test/helpers/app";
import type { TestApp } from "../../test/helpers/app";
import { STRONG_PASSWORD, uniqueEmail } from "../../test/helpers/auth";
import { call, signIn } from "../../test/helpers/tracking";
import type { SignedInUser } from "../../test/helpers/tracking";

const RIGHT_TO_LEFT_OVERRIDE = "\u202e";
const FIRST_STRONG_ISOLATE = "\u2068";

describe("text input checks", () => {
  let subject: TestApp;
  let user: SignedInUser;

  beforeAll(async () => {
    subject = await createTestApp();
    user = await signIn(subject);
  });
  afterAll(async () => {
    await subject.close();
  });

  it("rejects bidi override in register name", async () => {
    const response = await subject.app.inject({
      method: "POST",
      url: "/api/v1/auth/register",
      payload: {
        email: uniqueEmail("bidi"),
        password: STRONG_PASSWORD,
        name: `Eve${RIGHT_TO_LEFT_OVERRIDE}gpj.exe`,
      },
    });

    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json().errors).toEqual([
      {
        field: "name",
        message: "must not contain control characters or bidirectional override characters",
      },
    ]);
  });

  it("rejects lone surrogates anywhere instead of storing U+FFFD", async () => {
    // JSON.stringify writes a lone surrogate as the escape \ud800, as a hostile client would.
    const note = await subject.app.inject({
      method: "PATCH",
      url: "/api/v1/days/2026-04-02",
      headers: { ...user.headers, "content-type": "application/json" },
      payload: JSON.stringify({ note: "lone \ud800 half" }),
    });
    const tag = await call(subject, user, "POST", "/api/v1/mood", {
      date: "2026-04-02",
      score: 3,
      tags: ["\ud83d"],
    });
    const pair = await call(subject, user, "PATCH", "/api/v1/days/2026-04-02", {
      note: "a full pair \ud83d\ude00 is fine",
    });

    expect(note.statusCode).toBe(400);
    expect(note.json().errors).toEqual([{ field: "note", message: "must be valid Unicode text" }]);
    expect(tag.status).toBe(400);
    expect(tag.body.errors[0].field).toBe("tags.0");
    expect(pair.status).toBe(200);
    expect(pair.body.note).toBe("a full pair \u{1f600} is fine");
  });

  it("rejects invisible tags and merges tags that differ only in normalisation", async () => {
    const invisible = await call(subject, user, "PATCH", "/api/v1/days/2026-04-03", {
      tags: ["\u200b", "\u00ad"],
    });
    const spelled = await call(subject, user, "PATCH", "/api/v1/days/2026-04-03", {
      tags: ["Caf\u00e9", "Cafe\u0301", "CAF\u00c9"],
    });

    expect(invisible.status).toBe(400);
    expect(invisible.body.errors[0]).toEqual({
      field: "tags.0",
      message: "must contain a visible character",
    });
    expect(spelled.status).toBe(200);
    expect(spelled.body.tags).toEqual(["Caf\u00e9"]);
  });

  it("rejects line breaks in profile name", async () => {
    const response = await call(subject, user, "PATCH", "/api/v1/me", { name: "Jana\nAdmin" });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: "name", message: "must be a single line" }]);
  });

  it("rejects control characters in tags", async () => {
    const response = await call(subject, user, "POST", "/api/v1/mood", {
      date: "2026-04-01",
      score: 3,
      tags: ["ok", "bell\u0007"],
    });

    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe("tags.1");
    expect(response.body.errors[0].message).toContain("control characters");
  });

  it("rejects isolate in meal item name", async () => {
    const response = await call(subject, user, "POST", "/api/v1/meals", {
      date: "2026-04-01",
      type: "lunch",
      items: [{ name: `Soup${FIRST_STRONG_ISOLATE}`, grams: 200, kcal: 120 }],
    });

    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe("items.0.name");
  });

  it("rejects line breaks in workout title", async () => {
    const response = await call(subject, user, "POST", "/api/v1/workouts", {
      date: "2026-04-01",
      durationMin: 30,
      intensity: 3,
      title: "Legs\r\nDay",
    });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: "title", message: "must be a single line" }]);
  });

  it("keeps line breaks in notes", async () => {
    const response = await call(subject, user, "POST", "/api/v1/mood", {
      date: "2026-04-01",
      score: 3,
      note: "line one\n\tline two",
    });

    expect(response.status).toBe(201);
    expect(response.body.note).toBe("line one\n\tline two");
  });

  it("stores text in NFC form", async () => {
    const decomposed = "Cafe\u0301";

    const response = await call(subject, user, "PATCH", "/api/v1/days/2026-04-01", {
      tags: [decomposed],
    });

    expect(response.status).toBe(200);
    expect(response.body.tags).toEqual(["Caf\u00e9"]);
  });
});
