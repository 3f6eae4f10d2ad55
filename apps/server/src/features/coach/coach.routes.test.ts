import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestApp, type TestApp } from "../../../test/helpers/app";
import { bearer } from "../../../test/helpers/auth";
import { coachUser, multipartBody, parseEventStream } from "../../../test/helpers/coach";
import { todayIn } from "../../platform/local-date";
import { ageOn } from "./targets";

describe("coach routes with the builtin coach", () => {
  let subject: TestApp;

  beforeAll(async () => {
    subject = await createTestApp();
  });
  afterAll(async () => {
    await subject.close();
  });

  function inject(
    token: string,
    options: {
      method: "GET" | "POST" | "PUT" | "DELETE";
      url: string;
      payload?: unknown;
      headers?: Record<string, string>;
    },
  ) {
    return subject.app.inject({
      method: options.method,
      url: `/api/v1/coach${options.url}`,
      headers: { ...bearer(token), ...options.headers },
      payload: options.payload as never,
    });
  }

  describe("targets", () => {
    it("lists the missing profile fields", async () => {
      const { accessToken } = await coachUser(subject, { profile: false });

      const response = await inject(accessToken, { method: "GET", url: "/targets" });

      expect(response.statusCode).toBe(422);
      expect(response.json().type).toBe("/problems/unprocessable-content");
      expect(response.json().errors.map((item: { field: string }) => item.field)).toEqual([
        "birthDate",
        "sex",
        "heightCm",
        "activityLevel",
        "weightKg",
      ]);
    });

    it("computes Mifflin-St Jeor from the profile", async () => {
      const { accessToken, user } = await coachUser(subject);
      const age = ageOn("1990-01-01", todayIn(user.timeZone, subject.clock.now()));

      const response = await inject(accessToken, { method: "GET", url: "/targets?weightKg=80" });

      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body.bmrKcal).toBe(Math.round(10 * 80 + 6.25 * 180 - 5 * age + 5));
      expect(body.tdeeKcal).toBe(Math.round((10 * 80 + 6.25 * 180 - 5 * age + 5) * 1.55));
      expect(body.protein).toBe(128);
      expect(body.goal).toBe("keep");
      expect(body.rule).toContain("Mifflin-St Jeor");
    });

    it("rejects an out-of-range weight", async () => {
      const { accessToken } = await coachUser(subject);

      const response = await inject(accessToken, { method: "GET", url: "/targets?weightKg=5" });

      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].field).toBe("query.weightKg");
    });

    it("requires authentication", async () => {
      const response = await subject.app.inject({ method: "GET", url: "/api/v1/coach/targets" });

      expect(response.statusCode).toBe(401);
    });
  });

  describe("summary", () => {
    it("gives three suggestions that cite numbers", async () => {
      const { accessToken, user } = await coachUser(subject);
      const today = todayIn(user.timeZone, subject.clock.now());

      const response = await inject(accessToken, { method: "GET", url: `/summary/${today}` });

      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body.provider).toBe("builtin");
      expect(body.suggestions).toHaveLength(3);
      for (const suggestion of body.suggestions) expect(suggestion.basis.length).toBeGreaterThan(0);
      expect(body.toChange[0].text).toContain("Nothing was logged");
    });

    it("rejects a malformed date", async () => {
      const { accessToken } = await coachUser(subject);

      const response = await inject(accessToken, { method: "GET", url: "/summary/yesterday" });

      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].field).toBe("params.date");
    });
  });

  describe("chat", () => {
    it("answers and remembers the conversation", async () => {
      const { accessToken } = await coachUser(subject);

      const first = await inject(accessToken, {
        method: "POST",
        url: "/chat",
        payload: { message: "How is my sleep?" },
      });
      const conversationId = first.json().conversationId;
      const second = await inject(accessToken, {
        method: "POST",
        url: "/chat",
        payload: { message: "And my water?", conversationId },
      });
      const stored = await inject(accessToken, {
        method: "GET",
        url: `/conversations/${conversationId}`,
      });

      expect(first.statusCode).toBe(200);
      expect(first.json().provider).toBe("builtin");
      expect(first.json().reply).toContain("**Sleep:**");
      expect(second.json().conversationId).toBe(conversationId);
      expect(stored.json().messageCount).toBe(4);
      expect(stored.json().messages.map((message: { role: string }) => message.role)).toEqual([
        "user",
        "assistant",
        "user",
        "assistant",
      ]);
      expect(stored.json().messages[2].content).toBe("And my water?");
    });

    it("clears the conversation memory", async () => {
      const { accessToken } = await coachUser(subject);
      await inject(accessToken, { method: "POST", url: "/chat", payload: { message: "Hello" } });

      const cleared = await inject(accessToken, { method: "DELETE", url: "/conversations" });
      const list = await inject(accessToken, { method: "GET", url: "/conversations" });

      expect(cleared.statusCode).toBe(204);
      expect(list.json().items).toEqual([]);
    });

    it("hides another user's conversation", async () => {
      const owner = await coachUser(subject);
      const other = await coachUser(subject);
      const created = await inject(owner.accessToken, {
        method: "POST",
        url: "/chat",
        payload: { message: "Private question" },
      });
      const conversationId = created.json().conversationId;

      const read = await inject(other.accessToken, {
        method: "GET",
        url: `/conversations/${conversationId}`,
      });
      const reply = await inject(other.accessToken, {
        method: "POST",
        url: "/chat",
        payload: { message: "Continue", conversationId },
      });
      const removed = await inject(other.accessToken, {
        method: "DELETE",
        url: `/conversations/${conversationId}`,
      });
      const still = await inject(owner.accessToken, {
        method: "GET",
        url: `/conversations/${conversationId}`,
      });

      expect(read.statusCode).toBe(404);
      expect(reply.statusCode).toBe(404);
      expect(removed.statusCode).toBe(404);
      expect(still.json().messageCount).toBe(2);
    });

    it("streams server-sent events when asked", async () => {
      const { accessToken } = await coachUser(subject);

      const response = await inject(accessToken, {
        method: "POST",
        url: "/chat",
        headers: { accept: "text/event-stream" },
        payload: { message: "What about my weight?" },
      });

      expect(response.statusCode).toBe(200);
      expect(response.headers["content-type"]).toBe("text/event-stream; charset=utf-8");
      const events = parseEventStream(response.body);
      expect(events.map((event) => event.event)).toEqual(["delta", "done"]);
      expect((events[0]!.data as { text: string }).text).toContain("**Weight:**");
      expect((events[1]!.data as { provider: string }).provider).toBe("builtin");
    });

    it("rejects an empty message", async () => {
      const { accessToken } = await coachUser(subject);

      const response = await inject(accessToken, {
        method: "POST",
        url: "/chat",
        payload: { message: "  " },
      });

      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].field).toBe("message");
    });

    it("answers the 11th request in a minute with 429", async () => {
      const { accessToken } = await coachUser(subject);
      const send = () =>
        inject(accessToken, { method: "POST", url: "/chat", payload: { message: "Hi" } });

      const statuses = [];
      for (let index = 0; index < 10; index += 1) statuses.push((await send()).statusCode);
      const eleventh = await send();

      expect(statuses).toEqual(Array(10).fill(200));
      expect(eleventh.statusCode).toBe(429);
      expect(eleventh.json().type).toBe("/problems/rate-limited");
      const retryAfter = Number(eleventh.headers["retry-after"]);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
    });
  });

  describe("privacy", () => {
    it("starts with every area off", async () => {
      const { accessToken } = await coachUser(subject);

      const response = await inject(accessToken, { method: "GET", url: "/consent" });

      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        areas: {
          meals: false,
          workouts: false,
          sleep: false,
          mood: false,
          weight: false,
          notes: false,
        },
        updatedAt: null,
        provider: "builtin",
        model: "builtin",
        isExternal: false,
      });
    });

    it("stores chosen areas and audits the change", async () => {
      const { accessToken } = await coachUser(subject);
      const areas = {
        meals: true,
        workouts: false,
        sleep: true,
        mood: false,
        weight: false,
        notes: false,
      };

      const updated = await inject(accessToken, {
        method: "PUT",
        url: "/consent",
        payload: { areas },
      });
      const read = await inject(accessToken, { method: "GET", url: "/consent" });
      const audit = await subject.app.inject({
        method: "GET",
        url: "/api/v1/me/audit",
        headers: bearer(accessToken),
      });

      expect(updated.statusCode).toBe(200);
      expect(read.json().areas).toEqual(areas);
      const event = audit
        .json()
        .items.find((item: { event: string }) => item.event === "coach.consent.changed");
      expect(event.metadata).toEqual({ areas: ["meals", "sleep"] });
    });

    it("rejects a partial consent", async () => {
      const { accessToken } = await coachUser(subject);

      const response = await inject(accessToken, {
        method: "PUT",
        url: "/consent",
        payload: { areas: { meals: true } },
      });

      expect(response.statusCode).toBe(400);
      expect(response.json().errors.map((item: { field: string }) => item.field)).toContain(
        "areas.sleep",
      );
    });

    it("lists no calls for the builtin coach", async () => {
      const { accessToken } = await coachUser(subject);
      await inject(accessToken, { method: "POST", url: "/chat", payload: { message: "Hi" } });

      const response = await inject(accessToken, { method: "GET", url: "/calls" });

      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ items: [], nextCursor: null });
    });
  });

  describe("meal photo", () => {
    it("says the builtin coach needs a vision model", async () => {
      const { accessToken } = await coachUser(subject);
      const upload = multipartBody("file", Buffer.from([0xff, 0xd8, 0xff, 0xe0]), "image/jpeg");

      const response = await inject(accessToken, {
        method: "POST",
        url: "/meal-photo",
        headers: upload.headers,
        payload: upload.payload,
      });

      expect(response.statusCode).toBe(503);
      expect(response.json().type).toBe("/problems/service-unavailable");
      expect(response.json().reason).toBe("vision-model-required");
      expect(response.json().detail).toContain("vision model");
    });
  });

  describe("meal plans", () => {
    it("builds seven days and accepts once", async () => {
      const { accessToken, user } = await coachUser(subject);
      const today = todayIn(user.timeZone, subject.clock.now());

      const created = await inject(accessToken, {
        method: "POST",
        url: "/meal-plans",
        payload: { weightKg: 80, exclude: ["fish"] },
      });
      const planId = created.json().id;
      const accepted = await inject(accessToken, {
        method: "POST",
        url: `/meal-plans/${planId}/accept`,
        payload: { startDate: today },
      });
      const again = await inject(accessToken, {
        method: "POST",
        url: `/meal-plans/${planId}/accept`,
        payload: { startDate: today },
      });

      expect(created.statusCode).toBe(201);
      expect(created.json().days).toHaveLength(7);
      expect(created.json().status).toBe("proposed");
      expect(accepted.statusCode).toBe(200);
      expect(accepted.json().plan.status).toBe("accepted");
      expect(accepted.json().plan.startDate).toBe(today);
      expect(accepted.json().days).toHaveLength(7);
      expect(again.statusCode).toBe(409);
    });

    it("needs a weight for the targets", async () => {
      const { accessToken } = await coachUser(subject);

      const response = await inject(accessToken, {
        method: "POST",
        url: "/meal-plans",
        payload: {},
      });

      expect(response.statusCode).toBe(422);
      expect(response.json().errors.map((item: { field: string }) => item.field)).toEqual([
        "weightKg",
      ]);
    });

    it("hides another user's plan", async () => {
      const owner = await coachUser(subject);
      const other = await coachUser(subject);
      const created = await inject(owner.accessToken, {
        method: "POST",
        url: "/meal-plans",
        payload: { weightKg: 70 },
      });

      const read = await inject(other.accessToken, {
        method: "GET",
        url: `/meal-plans/${created.json().id}`,
      });

      expect(read.statusCode).toBe(404);
    });
  });

  describe("programs", () => {
    it("follows a program and logs a session", async () => {
      const { accessToken, user } = await coachUser(subject);
      const today = todayIn(user.timeZone, subject.clock.now());
      const created = await inject(accessToken, {
        method: "POST",
        url: "/programs",
        payload: { goal: "strength", equipment: ["barbell"], daysPerWeek: 3, weeks: 8 },
      });
      const program = created.json();
      const first = program.weeks[0].sessions[0].exercises[0];

      const early = await inject(accessToken, {
        method: "POST",
        url: `/programs/${program.id}/logs`,
        payload: {
          week: 1,
          session: 1,
          date: today,
          exercises: [
            {
              exerciseId: first.exerciseId,
              sets: [{ reps: 5, weightKg: 60, durationSeconds: null }],
            },
          ],
        },
      });
      const followed = await inject(accessToken, {
        method: "POST",
        url: `/programs/${program.id}/follow`,
        payload: { startDate: today },
      });
      const logged = await inject(accessToken, {
        method: "POST",
        url: `/programs/${program.id}/logs`,
        payload: {
          week: 1,
          session: 1,
          date: today,
          exercises: [
            {
              exerciseId: first.exerciseId,
              sets: [
                { reps: 5, weightKg: 60, durationSeconds: null },
                { reps: 4, weightKg: 60, durationSeconds: null },
              ],
            },
          ],
        },
      });

      expect(created.statusCode).toBe(201);
      expect(program.weeks).toHaveLength(8);
      expect(program.weeks[3].isDeload).toBe(true);
      expect(early.statusCode).toBe(409);
      expect(followed.json().status).toBe("active");
      expect(logged.statusCode).toBe(200);
      expect(logged.json().progress).toEqual({ loggedSessions: 1, totalSessions: 24 });
      expect(logged.json().weeks[0].sessions[0].exercises[0].logged).toEqual([
        { reps: 5, weightKg: 60, durationSeconds: null },
        { reps: 4, weightKg: 60, durationSeconds: null },
      ]);
    });

    it("stops the previous program when following another", async () => {
      const { accessToken, user } = await coachUser(subject);
      const today = todayIn(user.timeZone, subject.clock.now());
      const create = () =>
        inject(accessToken, {
          method: "POST",
          url: "/programs",
          payload: { goal: "general", equipment: [], daysPerWeek: 2, weeks: 4 },
        });
      const first = (await create()).json();
      const second = (await create()).json();

      await inject(accessToken, {
        method: "POST",
        url: `/programs/${first.id}/follow`,
        payload: { startDate: today },
      });
      await inject(accessToken, {
        method: "POST",
        url: `/programs/${second.id}/follow`,
        payload: { startDate: today },
      });
      const list = await inject(accessToken, { method: "GET", url: "/programs" });

      const statuses = Object.fromEntries(
        list.json().items.map((item: { id: string; status: string }) => [item.id, item.status]),
      );
      expect(statuses).toEqual({ [first.id]: "stopped", [second.id]: "active" });
    });

    it("rejects sets for an exercise outside the session", async () => {
      const { accessToken, user } = await coachUser(subject);
      const today = todayIn(user.timeZone, subject.clock.now());
      const program = (
        await inject(accessToken, {
          method: "POST",
          url: "/programs",
          payload: { goal: "general", equipment: [], daysPerWeek: 2, weeks: 4 },
        })
      ).json();
      await inject(accessToken, {
        method: "POST",
        url: `/programs/${program.id}/follow`,
        payload: { startDate: today },
      });

      const response = await inject(accessToken, {
        method: "POST",
        url: `/programs/${program.id}/logs`,
        payload: {
          week: 1,
          session: 1,
          date: today,
          exercises: [
            {
              exerciseId: "Not_An_Exercise",
              sets: [{ reps: 5, weightKg: null, durationSeconds: null }],
            },
          ],
        },
      });

      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].field).toBe("exercises.0.exerciseId");
    });

    it("rejects more than twelve weeks", async () => {
      const { accessToken } = await coachUser(subject);

      const response = await inject(accessToken, {
        method: "POST",
        url: "/programs",
        payload: { goal: "general", equipment: [], daysPerWeek: 3, weeks: 13 },
      });

      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].field).toBe("weeks");
    });
  });
});
