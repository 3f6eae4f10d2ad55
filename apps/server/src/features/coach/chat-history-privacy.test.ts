import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { createTestApp, type TestApp } from "../../../test/helpers/app";
import {
  buildCoach,
  chatEvents,
  coachDay,
  coachUser,
  FixtureCoachData,
  type CoachTestUser,
} from "../../../test/helpers/coach";
import {
  FakeModelServer,
  openAICompletion,
  openAIStream,
} from "../../../test/helpers/fake-model-server";
import { ManualClock } from "../../platform/clock";
import { addDays, todayIn } from "../../platform/local-date";
import type { CoachFeature } from "./coach-feature";
import type { ChatStreamEvent } from "./chat.service";
import { createBuiltinProvider } from "./providers/builtin-provider";

const CONTEXT = { ip: "127.0.0.1", userAgent: null };
const NO_AREAS = {
  meals: false,
  workouts: false,
  sleep: false,
  mood: false,
  weight: false,
  notes: false,
};
// A logged weight; no area is shared with the model, so it must never reach it.
const PRIVATE_WEIGHT_KG = 81.37;

type Done = Extract<ChatStreamEvent, { type: "done" }>;

function doneOf(events: ChatStreamEvent[]): Done {
  return events.at(-1) as Done;
}

function sentMessages(fake: FakeModelServer): { role: string; content: string }[] {
  return fake.requests[0]!.body.messages as { role: string; content: string }[];
}

describe("chat history sent to an external model", () => {
  const fake = new FakeModelServer();
  const data = new FixtureCoachData();
  const clock = new ManualClock();
  let subject: TestApp;
  let external: CoachFeature;
  let offline: CoachFeature;
  let person: CoachTestUser;

  beforeAll(async () => {
    await fake.start();
    fake.answerByDefault((request) =>
      request.body.stream ? openAIStream(["Model reply."]) : openAICompletion("{}"),
    );
    subject = await createTestApp({
      clock,
      env: {
        COACH_PROVIDER: "openai",
        COACH_MODEL: "history-test-model",
        OPENAI_BASE_URL: `${fake.url}/v1`,
        OPENAI_API_KEY: "sk-test-key",
        COACH_PRICES: "history-test-model=0/0",
        COACH_RATE_LIMITS: "100/minute",
      },
    });
    external = buildCoach(subject, { data });
    offline = buildCoach(subject, { data, provider: createBuiltinProvider() });
    person = await coachUser(subject);
    const today = todayIn(person.user.timeZone, subject.clock.now());
    data.days.set(person.user.userId, [
      coachDay(addDays(today, -1), { weightKg: PRIVATE_WEIGHT_KG }),
    ]);
    await external.privacy.setConsent(person.user.userId, NO_AREAS, CONTEXT);
  });
  afterAll(async () => {
    await subject.close();
    await fake.stop();
  });
  beforeEach(() => fake.clear());

  it("leaves out replies of the offline coach", async () => {
    const first = doneOf(await chatEvents(offline, person.user, { message: "My weight?" }));
    expect(first.reply.provider).toBe("builtin");
    // The offline coach read every logged area, which none of this user shares with the model.
    expect(first.reply.reply).toContain("1 days logged");

    const next = await chatEvents(external, person.user, {
      message: "Continue",
      conversationId: first.reply.conversationId,
    });

    const messages = sentMessages(fake);
    expect(messages.map((message) => message.role)).toEqual(["system", "user"]);
    const sent = JSON.stringify(fake.requests[0]!.body);
    expect(sent).not.toContain("days logged");
    expect(sent).not.toContain(String(PRIVATE_WEIGHT_KG));
    expect(doneOf(next).reply.notes.join(" ")).toContain("stay on this server");
  });

  it("keeps model replies written under the current consent", async () => {
    const first = doneOf(await chatEvents(external, person.user, { message: "Hello" }));
    fake.clear();

    await chatEvents(external, person.user, {
      message: "And then?",
      conversationId: first.reply.conversationId,
    });

    expect(sentMessages(fake).map((message) => message.role)).toEqual([
      "system",
      "user",
      "assistant",
      "user",
    ]);
    expect(sentMessages(fake)[2]!.content).toBe("Model reply.");
  });

  it("leaves out model replies from before a consent change", async () => {
    const first = doneOf(await chatEvents(external, person.user, { message: "Hi again" }));
    clock.advance(1000);
    await external.privacy.setConsent(person.user.userId, { ...NO_AREAS, sleep: true }, CONTEXT);
    clock.advance(1000);
    fake.clear();

    await chatEvents(external, person.user, {
      message: "Go on",
      conversationId: first.reply.conversationId,
    });

    expect(sentMessages(fake).map((message) => message.role)).toEqual(["system", "user"]);
  });
});
