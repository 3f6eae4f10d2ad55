import { afterEach, describe, expect, it } from "vitest";
import { sendJson, sendProblem, startTestServer } from "@fitcoach/client/test-server";
import type { TestServer } from "@fitcoach/client/test-server";

import {
  createMemoryQueueStore,
  isQueueableWrite,
  replayQueue,
  toQueuedWrite,
} from "./write-queue";

let server: TestServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

function waterRequest(url: string, key: string | null): Request {
  const headers = new Headers({ "content-type": "application/json", authorization: "Bearer old" });
  if (key) headers.set("idempotency-key", key);
  return new Request(`${url}/api/v1/water`, { method: "POST", headers, body: '{"ml":250}' });
}

describe("write queue", () => {
  it("accepts only keyed API writes", () => {
    const origin = "http://127.0.0.1:9";

    expect(isQueueableWrite(waterRequest(origin, "k1"), origin)).toBe(true);
    expect(isQueueableWrite(waterRequest(origin, null), origin)).toBe(false);
    expect(isQueueableWrite(waterRequest(origin, "k1"), "http://other.example")).toBe(false);
    expect(isQueueableWrite(new Request(`${origin}/api/v1/days/2026-03-29`), origin)).toBe(false);
  });

  it("stores writes without the token", async () => {
    const write = await toQueuedWrite(waterRequest("http://127.0.0.1:9", "k1"), "w1", new Date(0));

    expect(write.headers.some(([name]) => name === "authorization")).toBe(false);
    expect(write.headers).toContainEqual(["idempotency-key", "k1"]);
    expect(write.body).toBe('{"ml":250}');
  });

  it("replays in order with a fresh token", async () => {
    server = await startTestServer((_request, response) => sendJson(response, 201, {}));
    const store = createMemoryQueueStore();
    await store.add(await toQueuedWrite(waterRequest(server.url, "k1"), "w1", new Date(1)));
    await store.add(await toQueuedWrite(waterRequest(server.url, "k2"), "w2", new Date(2)));

    const result = await replayQueue(store, "fresh");

    expect(result).toEqual({ sent: 2, rejected: 0, remaining: 0, needsToken: false });
    expect(server.requests.map((request) => request.headers["idempotency-key"])).toEqual([
      "k1",
      "k2",
    ]);
    expect(server.requests[0]?.headers.authorization).toBe("Bearer fresh");
  });

  it("stops at 401 and keeps the rest", async () => {
    server = await startTestServer((_request, response) =>
      sendProblem(response, 401, "authentication-required"),
    );
    const store = createMemoryQueueStore();
    await store.add(await toQueuedWrite(waterRequest(server.url, "k1"), "w1", new Date(1)));
    await store.add(await toQueuedWrite(waterRequest(server.url, "k2"), "w2", new Date(2)));

    const result = await replayQueue(store, "expired");

    expect(result).toEqual({ sent: 0, rejected: 0, remaining: 2, needsToken: true });
    expect(server.requests).toHaveLength(1);
  });

  it("drops a write the server rejects", async () => {
    server = await startTestServer((_request, response) =>
      sendProblem(response, 400, "validation-failed"),
    );
    const store = createMemoryQueueStore();
    await store.add(await toQueuedWrite(waterRequest(server.url, "k1"), "w1", new Date(1)));

    const result = await replayQueue(store, "fresh");

    expect(result).toEqual({ sent: 0, rejected: 1, remaining: 0, needsToken: false });
  });

  it("keeps writes on server errors", async () => {
    server = await startTestServer((_request, response) =>
      sendProblem(response, 503, "service-unavailable"),
    );
    const store = createMemoryQueueStore();
    await store.add(await toQueuedWrite(waterRequest(server.url, "k1"), "w1", new Date(1)));

    const result = await replayQueue(store, "fresh");

    expect(result.remaining).toBe(1);
  });
});
