import { afterEach, describe, expect, it } from "vitest";

import { createApiClient } from "./index";
import type { ApiClient, LogoutReason } from "./index";
import { NetworkError, ProblemError, WriteQueuedError } from "./problem-error";
import { createMemoryTokenStore } from "./token-store";
import { sendJson, sendProblem, startTestServer, tokenAnswer } from "./test-server";
import type { TestHandler, TestServer } from "./test-server";

let server: TestServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

async function serve(handler: TestHandler): Promise<TestServer> {
  server = await startTestServer(handler);
  return server;
}

function webClient(url: string, accessToken: string | null = "old-token"): ApiClient {
  return createApiClient({
    platform: "web",
    baseUrl: url,
    tokenStore: createMemoryTokenStore({ accessToken }),
  });
}

function recordLogouts(client: ApiClient): LogoutReason[] {
  const reasons: LogoutReason[] = [];
  client.onLoggedOut((reason) => reasons.push(reason));
  return reasons;
}

/** Accepts only "new-token" on /api/v1/me and rotates to it on refresh. */
const rotatingServer: TestHandler = (request, response) => {
  if (request.path === "/api/v1/auth/refresh")
    return sendJson(response, 200, tokenAnswer("new-token"));
  if (request.headers.authorization !== "Bearer new-token") {
    return sendProblem(response, 401, "authentication-required");
  }
  sendJson(response, 200, { path: request.path });
};

describe("api client", () => {
  it("hands over an unread streamed response", async () => {
    const { url, requests } = await serve((_request, response) => {
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.end('event: done\ndata: {"reply":"hi"}\n\n');
    });
    const client = webClient(url);

    const answer = await client.request<Response>({
      method: "POST",
      path: "/coach/chat",
      body: { message: "hello" },
      accept: "text/event-stream",
      responseType: "response",
    });

    // Problem documents stay acceptable, so an error before the stream still parses.
    expect(requests[0]?.headers.accept).toBe("text/event-stream, application/problem+json");
    expect(answer.bodyUsed).toBe(false);
    expect(await answer.text()).toBe('event: done\ndata: {"reply":"hi"}\n\n');
  });

  it("sends bearer token and client header", async () => {
    const { url, requests } = await serve((_request, response) =>
      sendJson(response, 200, { ok: true }),
    );
    const client = webClient(url, "token-1");

    const data = await client.request({ path: "/me" });

    expect(data).toEqual({ ok: true });
    expect(requests[0]?.path).toBe("/api/v1/me");
    expect(requests[0]?.headers.authorization).toBe("Bearer token-1");
    expect(requests[0]?.headers["x-fitcoach-client"]).toBe("web");
  });

  it("refreshes once and retries on 401", async () => {
    const { url, requests } = await serve(rotatingServer);
    const client = webClient(url);

    const data = await client.request({ path: "/me" });

    expect(data).toEqual({ path: "/api/v1/me" });
    expect(requests.map((request) => request.path)).toEqual([
      "/api/v1/me",
      "/api/v1/auth/refresh",
      "/api/v1/me",
    ]);
    expect(requests[2]?.headers.authorization).toBe("Bearer new-token");
  });

  it("sends web refresh without body", async () => {
    const { url, requests } = await serve(rotatingServer);
    const client = webClient(url);

    await client.request({ path: "/me" });

    const refresh = requests[1]!;
    expect(refresh.method).toBe("POST");
    expect(refresh.headers["x-fitcoach-client"]).toBe("web");
    expect(refresh.headers.authorization).toBeUndefined();
    expect(refresh.body).toBe("");
  });

  it("shares one refresh among parallel calls", async () => {
    const { url, requests } = await serve(async (request, response) => {
      if (request.path === "/api/v1/auth/refresh") {
        // Slow enough that every parallel 401 arrives while this refresh is still running.
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      rotatingServer(request, response);
    });
    const client = webClient(url);

    const results = await Promise.all([1, 2, 3, 4].map(() => client.request({ path: "/me" })));

    expect(results).toHaveLength(4);
    expect(requests.filter((request) => request.path === "/api/v1/auth/refresh")).toHaveLength(1);
  });

  it("retries a 401 only once", async () => {
    const { url, requests } = await serve((request, response) => {
      if (request.path === "/api/v1/auth/refresh")
        return sendJson(response, 200, tokenAnswer("t2"));
      sendProblem(response, 401, "authentication-required");
    });
    const client = webClient(url);

    const error = await client.request({ path: "/me" }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).status).toBe(401);
    expect(requests.map((request) => request.path)).toEqual([
      "/api/v1/me",
      "/api/v1/auth/refresh",
      "/api/v1/me",
    ]);
  });

  it("emits logged out when refresh answers 401", async () => {
    const { url, requests } = await serve((request, response) => {
      sendProblem(
        response,
        401,
        request.path.endsWith("/refresh") ? "session-expired" : "authentication-required",
      );
    });
    const client = webClient(url);
    const logouts = recordLogouts(client);

    const error = await client.request({ path: "/me" }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ProblemError);
    expect(logouts).toEqual(["session-ended"]);
    expect(requests).toHaveLength(2);
    expect((await client.readTokens()).accessToken).toBeNull();
  });

  it("refreshes first when no access token is held", async () => {
    const { url, requests } = await serve(rotatingServer);
    const client = webClient(url, null);

    await client.request({ path: "/me" });

    expect(requests.map((request) => request.path)).toEqual(["/api/v1/auth/refresh", "/api/v1/me"]);
  });

  it("waits Retry-After on refresh-in-progress", async () => {
    let refreshCount = 0;
    const { url, requests } = await serve((request, response) => {
      if (request.path === "/api/v1/auth/refresh") {
        refreshCount += 1;
        if (refreshCount === 1) {
          return sendProblem(response, 409, "refresh-in-progress", {}, { "retry-after": "1" });
        }
        return sendJson(response, 200, tokenAnswer("new-token"));
      }
      rotatingServer(request, response);
    });
    const client = webClient(url, null);
    const started = Date.now();

    await client.request({ path: "/me" });

    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(requests.map((request) => request.path)).toEqual([
      "/api/v1/auth/refresh",
      "/api/v1/auth/refresh",
      "/api/v1/me",
    ]);
  });

  it("gives up after a second refresh-in-progress", async () => {
    const { url, requests } = await serve((_request, response) =>
      sendProblem(response, 409, "refresh-in-progress", {}, { "retry-after": "0" }),
    );
    const client = webClient(url, null);
    const logouts = recordLogouts(client);

    const error = await client.refreshSession().catch((caught: unknown) => caught);

    expect((error as ProblemError).code).toBe("refresh-in-progress");
    expect(requests).toHaveLength(2);
    expect(logouts).toEqual([]);
  });

  it("does not refresh on reauthentication 401", async () => {
    const { url, requests } = await serve((_request, response) =>
      sendProblem(response, 401, "reauthentication-required", { reason: "reauthentication" }),
    );
    const client = webClient(url);

    const error = await client.request({ path: "/me/export" }).catch((caught: unknown) => caught);

    expect((error as ProblemError).reason).toBe("reauthentication");
    expect(requests).toHaveLength(1);
  });

  it("carries problem field errors", async () => {
    const { url } = await serve((_request, response) =>
      sendProblem(response, 400, "validation-failed", {
        detail: "The request body has 1 invalid field.",
        errors: [{ field: "name", message: "must not be empty" }],
      }),
    );
    const client = webClient(url);

    const error = (await client
      .request({ method: "PATCH", path: "/me", body: { name: "" } })
      .catch((caught: unknown) => caught)) as ProblemError;

    expect(error).toBeInstanceOf(ProblemError);
    expect(error.code).toBe("validation-failed");
    expect(error.type).toBe("/problems/validation-failed");
    expect(error.message).toBe("The request body has 1 invalid field.");
    expect(error.fieldErrors).toEqual([{ field: "name", message: "must not be empty" }]);
  });

  it("builds a problem from a non-problem error", async () => {
    const { url } = await serve((_request, response) => {
      response.writeHead(502, { "content-type": "text/html" });
      response.end("<h1>Bad gateway</h1>");
    });
    const client = webClient(url);

    const error = (await client
      .request({ path: "/me" })
      .catch((caught: unknown) => caught)) as ProblemError;

    expect(error.status).toBe(502);
    expect(error.type).toBe("about:blank");
    expect(error.code).toBeNull();
  });

  it("keeps idempotency key and If-Match on retry", async () => {
    const { url, requests } = await serve(rotatingServer);
    const client = webClient(url);

    await client.request({
      method: "PATCH",
      path: "/me",
      body: { units: "metric" },
      idempotencyKey: "key-1",
      ifMatch: '"v3"',
    });

    expect(requests[0]?.headers["idempotency-key"]).toBe("key-1");
    expect(requests[2]?.headers["idempotency-key"]).toBe("key-1");
    expect(requests[2]?.headers["if-match"]).toBe('"v3"');
    expect(requests[2]?.headers["content-type"]).toBe("application/json");
    expect(requests[2]?.body).toBe('{"units":"metric"}');
  });

  it("reports a write queued offline", async () => {
    const { url } = await serve((_request, response) =>
      sendJson(response, 202, { queued: true }, { "x-fitcoach-queued": "1" }),
    );
    const client = webClient(url);

    const error = await client
      .request({ method: "POST", path: "/water", body: {}, idempotencyKey: "k1" })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(WriteQueuedError);
  });

  it("rejects a body that breaks the schema", async () => {
    const { url } = await serve((_request, response) => sendJson(response, 200, { id: 1 }));
    const client = webClient(url);

    const error = await client.me.get().catch((caught: unknown) => caught);

    expect((error as Error).name).toBe("UnexpectedResponseError");
  });

  it("reports an unreachable server as NetworkError", async () => {
    const { url } = await serve((_request, response) => sendJson(response, 200, {}));
    await server!.close();
    server = null;
    const client = webClient(url);

    const error = await client.request({ path: "/me" }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(NetworkError);
  });

  it("times out a silent server", async () => {
    const { url } = await serve(() => undefined);
    const client = createApiClient({
      platform: "web",
      baseUrl: url,
      requestTimeoutMs: 200,
      tokenStore: createMemoryTokenStore({ accessToken: "t" }),
    });

    const error = await client.request({ path: "/me" }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toContain("timed out after 200 ms");
  });
});

describe("native refresh", () => {
  it("sends and rotates the refresh token", async () => {
    const { url, requests } = await serve((request, response) => {
      if (request.path === "/api/v1/auth/refresh") {
        return sendJson(response, 200, tokenAnswer("new-token", { refreshToken: "refresh-2" }));
      }
      rotatingServer(request, response);
    });
    const store = createMemoryTokenStore({ accessToken: "old", refreshToken: "refresh-1" });
    const client = createApiClient({ platform: "native", baseUrl: url, tokenStore: store });

    await client.request({ path: "/me" });

    expect(JSON.parse(requests[1]!.body)).toEqual({ refreshToken: "refresh-1" });
    expect(requests[1]?.headers["x-client-type"]).toBe("native");
    expect((await store.load()).refreshToken).toBe("refresh-2");
  });

  it("retries with the successor another process stored", async () => {
    const store = createMemoryTokenStore({ refreshToken: "refresh-1", deviceToken: "device-1" });
    const { url, requests } = await serve(async (request, response) => {
      if (JSON.parse(request.body).refreshToken === "refresh-1") {
        // Another window of the app rotated the token and stored the successor.
        await store.save({ accessToken: null, refreshToken: "refresh-2", deviceToken: "device-1" });
        return sendProblem(response, 409, "refresh-in-progress", {}, { "retry-after": "0" });
      }
      sendJson(response, 200, tokenAnswer("new-token", { refreshToken: "refresh-3" }));
    });
    const client = createApiClient({ platform: "native", baseUrl: url, tokenStore: store });

    const refreshed = await client.refreshSession();

    expect(refreshed).toBe(true);
    expect(requests.map((request) => JSON.parse(request.body).refreshToken)).toEqual([
      "refresh-1",
      "refresh-2",
    ]);
    expect(await store.load()).toEqual({
      accessToken: "new-token",
      refreshToken: "refresh-3",
      deviceToken: "device-1",
    });
  });

  it("never resends a token that was rotated elsewhere", async () => {
    const { url, requests } = await serve((_request, response) =>
      sendProblem(response, 409, "refresh-in-progress", {}, { "retry-after": "0" }),
    );
    const store = createMemoryTokenStore({ refreshToken: "refresh-1", deviceToken: "device-1" });
    const client = createApiClient({ platform: "native", baseUrl: url, tokenStore: store });
    const logouts = recordLogouts(client);

    const refreshed = await client.refreshSession();

    expect(refreshed).toBe(false);
    expect(requests).toHaveLength(1);
    expect(logouts).toEqual(["session-ended"]);
    expect(await store.load()).toEqual({
      accessToken: null,
      refreshToken: null,
      deviceToken: "device-1",
    });
  });

  it("logs out without a refresh token", async () => {
    const { url, requests } = await serve((_request, response) => sendJson(response, 200, {}));
    const client = createApiClient({ platform: "native", baseUrl: url });
    const logouts = recordLogouts(client);

    const refreshed = await client.refreshSession();

    expect(refreshed).toBe(false);
    expect(logouts).toEqual(["session-ended"]);
    expect(requests).toHaveLength(0);
  });
});
