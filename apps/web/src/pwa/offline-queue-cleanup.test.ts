import { afterEach, describe, expect, it } from "vitest";
import { createApiClient, createMemoryTokenStore } from "@fitcoach/client";
import { sendProblem, startTestServer } from "@fitcoach/client/test-server";
import type { TestServer } from "@fitcoach/client/test-server";
import { waitFor } from "@testing-library/react";

import { createMemoryQueueStore, toQueuedWrite } from "../service-worker/write-queue";
import { noContent } from "../test/route-table";
import { unsignedJwt } from "../test/unsigned-jwt";
import { dropQueueOnLogout, OFFLINE_WRITES_DROPPED_EVENT } from "./offline-queue-cleanup";

const USER_A = "0b0f8f7e-1111-4111-8111-aaaaaaaaaaaa";
const USER_B = "0b0f8f7e-2222-4222-8222-bbbbbbbbbbbb";

let server: TestServer | null = null;
let stopCleanup: (() => void) | null = null;

afterEach(async () => {
  stopCleanup?.();
  stopCleanup = null;
  await server?.close();
  server = null;
});

function offlineWrite(owner: string, key: string): Request {
  return new Request("http://127.0.0.1:9/api/v1/water", {
    method: "POST",
    headers: { authorization: `Bearer ${unsignedJwt(owner)}`, "idempotency-key": key },
    body: '{"ml":750}',
  });
}

/** Records the counts of every "offline writes dropped" event sent to `target`. */
function recordDropped(target: EventTarget): number[] {
  const counts: number[] = [];
  target.addEventListener(OFFLINE_WRITES_DROPPED_EVENT, (event) =>
    counts.push((event as CustomEvent<{ count: number }>).detail.count),
  );
  return counts;
}

describe("offline queue cleanup", () => {
  it("logout clears A's writes", async () => {
    server = await startTestServer(noContent);
    const api = createApiClient({
      platform: "web",
      baseUrl: server.url,
      tokenStore: createMemoryTokenStore({ accessToken: unsignedJwt(USER_A) }),
    });
    const store = createMemoryQueueStore();
    await store.add(await toQueuedWrite(offlineWrite(USER_A, "a1"), "w1", new Date(1)));
    await store.add(await toQueuedWrite(offlineWrite(USER_B, "b1"), "w2", new Date(2)));
    const target = new EventTarget();
    const dropped = recordDropped(target);
    stopCleanup = dropQueueOnLogout(api, store, target);

    await api.auth.logout();

    await waitFor(() => expect(dropped).toEqual([1]));
    expect((await store.list()).map((write) => write.owner)).toEqual([USER_B]);
    expect(server.requests.map((request) => request.path)).toEqual(["/api/v1/auth/logout"]);
  });

  it("failed refresh empties the queue", async () => {
    server = await startTestServer((_request, response) =>
      sendProblem(response, 401, "authentication-required"),
    );
    const api = createApiClient({ platform: "web", baseUrl: server.url });
    const store = createMemoryQueueStore();
    await store.add(await toQueuedWrite(offlineWrite(USER_A, "a1"), "w1", new Date(1)));
    const target = new EventTarget();
    const dropped = recordDropped(target);
    stopCleanup = dropQueueOnLogout(api, store, target);

    // A page that starts after the server ended the session never held a token, so the owner of
    // the queued writes is unknown and all of them go.
    const isRefreshed = await api.refreshSession();

    expect(isRefreshed).toBe(false);
    await waitFor(() => expect(dropped).toEqual([1]));
    expect(await store.count()).toBe(0);
  });

  it("stays quiet when nothing was queued", async () => {
    server = await startTestServer(noContent);
    const api = createApiClient({
      platform: "web",
      baseUrl: server.url,
      tokenStore: createMemoryTokenStore({ accessToken: unsignedJwt(USER_A) }),
    });
    const store = createMemoryQueueStore();
    const target = new EventTarget();
    const dropped = recordDropped(target);
    stopCleanup = dropQueueOnLogout(api, store, target);

    await api.auth.logout();
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(dropped).toEqual([]);
  });
});
