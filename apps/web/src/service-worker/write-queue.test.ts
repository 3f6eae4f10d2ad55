import { afterEach, describe, expect, it } from "vitest";
import { sendJson, sendProblem, startTestServer } from "@fitcoach/client/test-server";
import type { TestServer } from "@fitcoach/client/test-server";

import { unsignedJwt } from "../test/unsigned-jwt";
import { readTokenSubject } from "./token-subject";
import {
  createMemoryQueueStore,
  dropQueuedWrites,
  isQueueableWrite,
  replayQueue,
  toQueuedWrite,
} from "./write-queue";

let server: TestServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

const USER_A = "0b0f8f7e-1111-4111-8111-aaaaaaaaaaaa";
const USER_B = "0b0f8f7e-2222-4222-8222-bbbbbbbbbbbb";

function waterRequest(url: string, key: string | null, owner = USER_A): Request {
  const headers = new Headers({
    "content-type": "application/json",
    authorization: `Bearer ${unsignedJwt(owner, "old")}`,
  });
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

  it("records the token's account", async () => {
    const write = await toQueuedWrite(waterRequest("http://127.0.0.1:9", "k1"), "w1", new Date(0));

    expect(write.owner).toBe(USER_A);
  });

  it("records no account without a token", async () => {
    const request = new Request("http://127.0.0.1:9/api/v1/water", {
      method: "POST",
      headers: { "idempotency-key": "k1" },
      body: "{}",
    });

    const write = await toQueuedWrite(request, "w1", new Date(0));

    expect(write.owner).toBeNull();
  });

  it("never sends A's write with B's token", async () => {
    server = await startTestServer((_request, response) => sendJson(response, 201, {}));
    const store = createMemoryQueueStore();
    await store.add(await toQueuedWrite(waterRequest(server.url, "a1", USER_A), "w1", new Date(1)));
    await store.add(await toQueuedWrite(waterRequest(server.url, "b1", USER_B), "w2", new Date(2)));

    const result = await replayQueue(store, unsignedJwt(USER_B, "fresh"));

    expect(result).toEqual({ sent: 1, rejected: 0, dropped: 1, remaining: 0, needsToken: false });
    expect(server.requests.map((request) => request.headers["idempotency-key"])).toEqual(["b1"]);
    expect(server.requests[0]?.headers.authorization).toBe(
      `Bearer ${unsignedJwt(USER_B, "fresh")}`,
    );
    expect(await store.list()).toEqual([]);
  });

  it("drops writes stored without an owner", async () => {
    server = await startTestServer((_request, response) => sendJson(response, 201, {}));
    const store = createMemoryQueueStore();
    const legacy = await toQueuedWrite(waterRequest(server.url, "k1"), "w1", new Date(1));
    delete legacy.owner;
    await store.add(legacy);

    const result = await replayQueue(store, unsignedJwt(USER_A));

    expect(result.dropped).toBe(1);
    expect(result.sent).toBe(0);
    expect(server.requests).toEqual([]);
  });

  it("sends nothing for a token without a user id", async () => {
    server = await startTestServer((_request, response) => sendJson(response, 201, {}));
    const store = createMemoryQueueStore();
    await store.add(await toQueuedWrite(waterRequest(server.url, "k1"), "w1", new Date(1)));

    const result = await replayQueue(store, "opaque-token");

    expect(result).toEqual({ sent: 0, rejected: 0, dropped: 0, remaining: 1, needsToken: false });
    expect(server.requests).toEqual([]);
  });

  it("logout removes only the ended account's writes", async () => {
    const store = createMemoryQueueStore();
    const origin = "http://127.0.0.1:9";
    await store.add(await toQueuedWrite(waterRequest(origin, "a1", USER_A), "w1", new Date(1)));
    await store.add(await toQueuedWrite(waterRequest(origin, "b1", USER_B), "w2", new Date(2)));
    await store.add(await toQueuedWrite(waterRequest(origin, "a2", USER_A), "w3", new Date(3)));

    const dropped = await dropQueuedWrites(store, USER_A);

    expect(dropped).toBe(2);
    expect((await store.list()).map((write) => write.id)).toEqual(["w2"]);
  });

  it("logout of an unknown account empties the queue", async () => {
    const store = createMemoryQueueStore();
    const origin = "http://127.0.0.1:9";
    await store.add(await toQueuedWrite(waterRequest(origin, "a1", USER_A), "w1", new Date(1)));
    await store.add(await toQueuedWrite(waterRequest(origin, "b1", USER_B), "w2", new Date(2)));

    const dropped = await dropQueuedWrites(store, null);

    expect(dropped).toBe(2);
    expect(await store.count()).toBe(0);
  });

  it("replays in order with a fresh token", async () => {
    server = await startTestServer((_request, response) => sendJson(response, 201, {}));
    const store = createMemoryQueueStore();
    await store.add(await toQueuedWrite(waterRequest(server.url, "k1"), "w1", new Date(1)));
    await store.add(await toQueuedWrite(waterRequest(server.url, "k2"), "w2", new Date(2)));

    const result = await replayQueue(store, unsignedJwt(USER_A, "fresh"));

    expect(result).toEqual({ sent: 2, rejected: 0, dropped: 0, remaining: 0, needsToken: false });
    expect(server.requests.map((request) => request.headers["idempotency-key"])).toEqual([
      "k1",
      "k2",
    ]);
    expect(server.requests[0]?.headers.authorization).toBe(
      `Bearer ${unsignedJwt(USER_A, "fresh")}`,
    );
  });

  it("stops at 401 and keeps the rest", async () => {
    server = await startTestServer((_request, response) =>
      sendProblem(response, 401, "authentication-required"),
    );
    const store = createMemoryQueueStore();
    await store.add(await toQueuedWrite(waterRequest(server.url, "k1"), "w1", new Date(1)));
    await store.add(await toQueuedWrite(waterRequest(server.url, "k2"), "w2", new Date(2)));

    const result = await replayQueue(store, unsignedJwt(USER_A, "expired"));

    expect(result).toEqual({ sent: 0, rejected: 0, dropped: 0, remaining: 2, needsToken: true });
    expect(server.requests).toHaveLength(1);
  });

  it("drops a write the server rejects", async () => {
    server = await startTestServer((_request, response) =>
      sendProblem(response, 400, "validation-failed"),
    );
    const store = createMemoryQueueStore();
    await store.add(await toQueuedWrite(waterRequest(server.url, "k1"), "w1", new Date(1)));

    const result = await replayQueue(store, unsignedJwt(USER_A, "fresh"));

    expect(result).toEqual({ sent: 0, rejected: 1, dropped: 0, remaining: 0, needsToken: false });
  });

  it("keeps writes on server errors", async () => {
    server = await startTestServer((_request, response) =>
      sendProblem(response, 503, "service-unavailable"),
    );
    const store = createMemoryQueueStore();
    await store.add(await toQueuedWrite(waterRequest(server.url, "k1"), "w1", new Date(1)));

    const result = await replayQueue(store, unsignedJwt(USER_A, "fresh"));

    expect(result.remaining).toBe(1);
  });
});

describe("readTokenSubject", () => {
  it("reads sub from a JWT", () => {
    expect(readTokenSubject(unsignedJwt(USER_A))).toBe(USER_A);
  });

  it.each([null, "", "opaque", "a.!!!.c", `x.${Buffer.from("[1]").toString("base64url")}.y`])(
    "returns null for %j",
    (token) => {
      expect(readTokenSubject(token)).toBeNull();
    },
  );
});
