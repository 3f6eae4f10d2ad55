import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { createTestApp, type TestApp } from "../../../../test/helpers/app";
import {
  buildCoach,
  chatEvents,
  coachDay,
  coachUser,
  FixtureCoachData,
  type CoachTestUser,
} from "../../../../test/helpers/coach";
import {
  FakeModelServer,
  geminiCompletion,
  geminiStream,
  type RecordedRequest,
} from "../../../../test/helpers/fake-model-server";
import { addDays, todayIn } from "../../../platform/local-date";
import type { CoachFeature } from "../coach-feature";
import { CHAT_INSTRUCTIONS, SUMMARY_INSTRUCTIONS } from "./prompt";

const MODEL = "gemini-test-model";

type Content = { role: string; parts: { text?: string }[] };

function contentsOf(request: RecordedRequest): Content[] {
  return request.body.contents as Content[];
}

function systemTextOf(request: RecordedRequest): string {
  const instruction = request.body.systemInstruction as { parts: { text: string }[] };
  return instruction.parts.map((part) => part.text).join("");
}

describe("gemini provider", () => {
  const fake = new FakeModelServer();
  const data = new FixtureCoachData();
  let subject: TestApp;
  let coach: CoachFeature;
  let member: CoachTestUser;

  beforeAll(async () => {
    await fake.start();
    subject = await createTestApp({
      env: {
        COACH_PROVIDER: "gemini",
        COACH_MODEL: MODEL,
        GOOGLE_API_KEY: "gemini-test-key",
        GEMINI_BASE_URL: fake.url,
        COACH_PRICES: `${MODEL}=0.5/1.5`,
        COACH_TIMEOUT_SECONDS: "1",
      },
    });
    coach = buildCoach(subject, { data });
    member = await coachUser(subject);
    const today = todayIn(member.user.timeZone, subject.clock.now());
    data.days.set(member.user.userId, [
      coachDay(addDays(today, -1), {
        sleep: { durationMinutes: 420, quality: 3 },
        mood: { score: 4, tags: ["calm"], note: "private mood note" },
        weightKg: 72.45,
      }),
    ]);
    await coach.privacy.setConsent(
      member.user.userId,
      { meals: false, workouts: false, sleep: true, mood: true, weight: false, notes: false },
      { ip: "127.0.0.1", userAgent: null },
    );
  });
  afterAll(async () => {
    await subject.close();
    await fake.stop();
  });
  beforeEach(() => {
    fake.clear();
  });

  it("streams a chat reply through streamGenerateContent", async () => {
    fake.enqueue(geminiStream(["Sleep and ", "mood look steady."]));

    const events = await chatEvents(coach, member.user, { message: "How am I doing?" });

    const request = fake.requests[0]!;
    expect(request.path).toBe(`/v1beta/models/${MODEL}:streamGenerateContent?alt=sse`);
    expect(request.headers["x-goog-api-key"]).toBe("gemini-test-key");
    expect(systemTextOf(request)).toBe(CHAT_INSTRUCTIONS);
    const contents = contentsOf(request);
    expect(contents).toHaveLength(1);
    expect(contents[0]!.role).toBe("user");
    const text = contents[0]!.parts[0]!.text!;
    expect(text).toMatch(
      /^<coach-data>\n.*\n<\/coach-data>\n<user-message>\n"How am I doing\?"\n<\/user-message>$/s,
    );
    expect(text).toContain('"sleep":{"durationMinutes":420');
    expect(text).toContain('"mood":{"score":4,"tags":["calm"]}');
    expect(text).not.toContain("private mood note");
    expect(text).not.toContain("72.45");
    const done = events.at(-1) as Extract<(typeof events)[number], { type: "done" }>;
    expect(done.reply.reply).toBe("Sleep and mood look steady.");
    expect(done.reply.provider).toBe("gemini");
  });

  it("records the last chunk's usage", async () => {
    const user = await coachUser(subject);
    fake.enqueue(geminiStream(["One ", "two."], { prompt: 140, completion: 18 }));

    await chatEvents(coach, user.user, { message: "Hi" });
    const calls = await coach.privacy.listCalls(user.user.userId, { limit: 1 });

    expect(calls.items[0]).toMatchObject({
      provider: "gemini",
      model: MODEL,
      inputTokens: 140,
      outputTokens: 18,
      // 140 × $0.5 + 18 × $1.5 per million tokens = 97 micro-dollars.
      costUsd: 0.000097,
    });
  });

  it("asks generateContent for JSON in summaries", async () => {
    fake.enqueue(
      geminiCompletion(
        JSON.stringify({
          wentWell: [{ text: "You slept 7 hours.", facts: ["f1"] }],
          toChange: [],
          suggestions: [
            { text: "Keep your bedtime.", facts: ["f1"] },
            { text: "Note what lifts your mood.", facts: ["f2"] },
            { text: "Aim for 7 hours again.", facts: ["f1"] },
          ],
        }),
      ),
    );
    const yesterday = addDays(todayIn(member.user.timeZone, subject.clock.now()), -1);

    const summary = await coach.coach.summary(member.user, yesterday);

    const request = fake.requests[0]!;
    expect(request.path).toBe(`/v1beta/models/${MODEL}:generateContent`);
    expect(systemTextOf(request)).toBe(SUMMARY_INSTRUCTIONS);
    expect(request.body.generationConfig).toMatchObject({
      maxOutputTokens: 1024,
      responseMimeType: "application/json",
    });
    expect(summary.provider).toBe("gemini");
    expect(summary.wentWell[0]!.basis).toEqual([
      { label: "Sleep", value: 7, unit: "hours", target: 7 },
    ]);
    expect(summary.notes).toEqual([]);
  });

  it("falls back to the builtin coach on an error", async () => {
    fake.enqueue({ status: 503, json: { error: { code: 503, message: "overloaded" } } });

    const events = await chatEvents(coach, member.user, { message: "How did I sleep?" });

    const done = events.at(-1) as Extract<(typeof events)[number], { type: "done" }>;
    expect(fake.requests).toHaveLength(1);
    expect(done.reply.provider).toBe("builtin");
    expect(done.reply.reply).toContain("**Sleep:**");
  });
});
