import { afterEach, describe, expect, it } from "vitest";

import { createCoachApi } from "./coach-api";
import type { ChatStreamEvent, CoachApi } from "./coach-api";
import { createApiClient } from "./index";
import { ProblemError, UnexpectedResponseError } from "./problem-error";
import { createMemoryTokenStore } from "./token-store";
import { sendJson, sendProblem, startTestServer } from "./test-server";
import type { TestHandler, TestServer } from "./test-server";

let server: TestServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

async function clientFor(handler: TestHandler): Promise<{ client: CoachApi; server: TestServer }> {
  server = await startTestServer(handler);
  const client = createApiClient({
    platform: "web",
    baseUrl: server.url,
    tokenStore: createMemoryTokenStore({ accessToken: "token-1" }),
  });
  return { client: createCoachApi(client), server };
}

const REPLY = {
  reply: "You slept **7 hours**.",
  conversationId: "7d0f7c4e-8a4c-4f6e-9d7a-2b8f3c1e5a90",
  provider: "builtin",
  model: "builtin",
  notes: [],
};

function wait(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

async function collect(events: AsyncIterable<ChatStreamEvent>): Promise<ChatStreamEvent[]> {
  const seen: ChatStreamEvent[] = [];
  for await (const event of events) seen.push(event);
  return seen;
}

describe("coach chat stream", () => {
  it("yields deltas, notes and the reply", async () => {
    const { client, server: api } = await clientFor(async (_request, response) => {
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.write('event: note\ndata: {"text":"Builtin coach."}\n\n');
      response.write('event: delta\ndata: {"text":"You slept "}\n\n');
      await wait(20);
      response.write('event: delta\ndata: {"text":"7 hours."}\n\nevent: do');
      await wait(20);
      response.end(`ne\ndata: ${JSON.stringify(REPLY)}\n\n`);
    });

    const events = await collect(client.chatStream({ message: "How did I sleep?" }));

    expect(events).toEqual([
      { type: "note", text: "Builtin coach." },
      { type: "delta", text: "You slept " },
      { type: "delta", text: "7 hours." },
      { type: "done", reply: REPLY },
    ]);
    const request = api.requests[0]!;
    expect(request.path).toBe("/api/v1/coach/chat");
    expect(request.headers.accept).toBe("text/event-stream, application/problem+json");
    expect(request.headers.authorization).toBe("Bearer token-1");
    expect(JSON.parse(request.body)).toEqual({ message: "How did I sleep?" });
  });

  it("rejects a problem before streaming", async () => {
    const { client } = await clientFor((_request, response) =>
      sendProblem(response, 429, "rate-limited", {}, { "retry-after": "30" }),
    );

    const error = await collect(client.chatStream({ message: "Hi" })).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).code).toBe("rate-limited");
    expect((error as ProblemError).headers.get("retry-after")).toBe("30");
  });

  it("throws the problem of an error event", async () => {
    const { client } = await clientFor((_request, response) => {
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.write('event: delta\ndata: {"text":"Part"}\n\n');
      response.end(
        'event: error\ndata: {"type":"/problems/internal-error","title":"Internal server error","status":500,"detail":"The reply could not be finished."}\n\n',
      );
    });
    const seen: ChatStreamEvent[] = [];

    const error = await (async () => {
      for await (const event of client.chatStream({ message: "Hi" })) seen.push(event);
    })().catch((caught: unknown) => caught);

    expect(seen).toEqual([{ type: "delta", text: "Part" }]);
    expect((error as ProblemError).code).toBe("internal-error");
    expect((error as ProblemError).message).toBe("The reply could not be finished.");
  });

  it("rejects a stream without done", async () => {
    const { client } = await clientFor((_request, response) => {
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.end('event: delta\ndata: {"text":"Part"}\n\n');
    });

    const error = await collect(client.chatStream({ message: "Hi" })).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(UnexpectedResponseError);
  });

  it("stops reading when aborted", async () => {
    let isClosed = false;
    const { client } = await clientFor((_request, response) => {
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.write('event: delta\ndata: {"text":"First"}\n\n');
      response.on("close", () => {
        isClosed = true;
      });
    });
    const controller = new AbortController();
    const seen: string[] = [];

    const error = await (async () => {
      for await (const event of client.chatStream({ message: "Hi" }, controller.signal)) {
        if (event.type === "delta") seen.push(event.text);
        controller.abort();
      }
    })().catch((caught: unknown) => caught);

    expect(seen).toEqual(["First"]);
    expect((error as Error).name).toBe("AbortError");
    await expect.poll(() => isClosed).toBe(true);
  });
});

describe("coach api", () => {
  it("sends targets query values", async () => {
    const targets = {
      bmrKcal: 1500,
      tdeeKcal: 2000,
      kcal: 1600,
      protein: 140,
      carbs: 150,
      fat: 53,
      fiber: 22,
      waterMl: 2450,
      goal: "lose",
      weightKg: 70,
      rule: "Mifflin-St Jeor",
    };
    const { client, server: api } = await clientFor((_request, response) =>
      sendJson(response, 200, targets),
    );

    const answer = await client.targets({ weightKg: 70, goal: "lose" });

    expect(answer).toEqual(targets);
    expect(api.requests[0]?.path).toBe("/api/v1/coach/targets?weightKg=70&goal=lose");
  });

  it("uploads a meal photo as multipart", async () => {
    const { client, server: api } = await clientFor((_request, response) =>
      sendProblem(response, 503, "service-unavailable", { reason: "vision-model-required" }),
    );

    const error = await client
      .recognizeMealPhoto(
        new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: "image/jpeg" }),
        "lunch.jpg",
      )
      .catch((caught: unknown) => caught);

    expect((error as ProblemError).reason).toBe("vision-model-required");
    const request = api.requests[0]!;
    expect(request.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(request.body).toContain('name="file"; filename="lunch.jpg"');
  });
});
