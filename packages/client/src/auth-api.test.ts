import { afterEach, describe, expect, it } from "vitest";

import { createApiClient } from "./index";
import type { LogoutReason } from "./index";
import { createMemoryTokenStore } from "./token-store";
import { sendJson, sendProblem, startTestServer, tokenAnswer } from "./test-server";
import type { TestServer } from "./test-server";

let server: TestServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

describe("auth api", () => {
  it("completes login with second factor", async () => {
    server = await startTestServer((request, response) => {
      if (request.path === "/api/v1/auth/login") {
        return sendJson(response, 200, {
          mfaRequired: true,
          mfaToken: "m".repeat(32),
          expiresIn: 300,
        });
      }
      if (request.path === "/api/v1/auth/login/2fa")
        return sendJson(response, 200, tokenAnswer("a1"));
      sendJson(response, 200, { authorization: request.headers.authorization });
    });
    const client = createApiClient({ platform: "web", baseUrl: server.url });
    let loginEvents = 0;
    client.onLoggedIn(() => (loginEvents += 1));

    const outcome = await client.auth.login({ email: "ann@example.com", password: "pw" });
    if (outcome.status !== "mfa-required") throw new Error("expected the second-factor step");
    await client.auth.loginSecondFactor(outcome.mfa.mfaToken, { code: "123456" });
    const echo = await client.request({ path: "/me" });

    expect(JSON.parse(server.requests[1]!.body)).toEqual({
      mfaToken: "m".repeat(32),
      code: "123456",
    });
    expect(loginEvents).toBe(1);
    expect(echo).toEqual({ authorization: "Bearer a1" });
  });

  it("sends the native device token at login", async () => {
    server = await startTestServer((_request, response) =>
      sendJson(response, 200, tokenAnswer("a1", { refreshToken: "r1", deviceToken: "d2" })),
    );
    const store = createMemoryTokenStore({ deviceToken: "d1" });
    const client = createApiClient({ platform: "native", baseUrl: server.url, tokenStore: store });

    await client.auth.login({ email: "ann@example.com", password: "pw", deviceName: "Pixel 8" });

    expect(JSON.parse(server.requests[0]!.body)).toEqual({
      email: "ann@example.com",
      password: "pw",
      deviceName: "Pixel 8",
      deviceToken: "d1",
    });
    expect(await store.load()).toEqual({
      accessToken: "a1",
      refreshToken: "r1",
      deviceToken: "d2",
    });
  });

  it("ends the session even when logout fails", async () => {
    server = await startTestServer((_request, response) =>
      sendProblem(response, 503, "service-unavailable"),
    );
    const store = createMemoryTokenStore({
      accessToken: "a1",
      refreshToken: "r1",
      deviceToken: "d1",
    });
    const client = createApiClient({ platform: "native", baseUrl: server.url, tokenStore: store });
    const reasons: LogoutReason[] = [];
    const endedTokens: (string | null)[] = [];
    client.onLoggedOut((reason, endedAccessToken) => {
      reasons.push(reason);
      endedTokens.push(endedAccessToken);
    });

    const error = await client.auth.logout().catch((caught: unknown) => caught);

    expect((error as { status: number }).status).toBe(503);
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ refreshToken: "r1" });
    expect(reasons).toEqual(["logout"]);
    expect(endedTokens).toEqual(["a1"]);
    expect(await store.load()).toEqual({
      accessToken: null,
      refreshToken: null,
      deviceToken: "d1",
    });
  });

  it("posts mailed tokens without authorization", async () => {
    server = await startTestServer((_request, response) =>
      sendJson(response, 200, { emailVerified: true }),
    );
    const client = createApiClient({ platform: "web", baseUrl: server.url });

    await client.auth.verifyEmail("t".repeat(43));

    expect(server.requests[0]?.path).toBe("/api/v1/auth/verify-email");
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ token: "t".repeat(43) });
  });
});

describe("me api", () => {
  it("downloads the export with its file name", async () => {
    server = await startTestServer((_request, response) => {
      response.writeHead(200, {
        "content-type": "application/json",
        "content-disposition": 'attachment; filename="fitcoach-export-2026-03-29.json"',
      });
      response.end('{"version":1}');
    });
    const client = createApiClient({
      platform: "web",
      baseUrl: server.url,
      tokenStore: createMemoryTokenStore({ accessToken: "a1" }),
    });

    const file = await client.me.exportData();

    expect(file.fileName).toBe("fitcoach-export-2026-03-29.json");
    expect(await file.blob.text()).toBe('{"version":1}');
  });

  it("passes the audit cursor as query", async () => {
    server = await startTestServer((_request, response) =>
      sendJson(response, 200, { items: [], nextCursor: null }),
    );
    const client = createApiClient({
      platform: "web",
      baseUrl: server.url,
      tokenStore: createMemoryTokenStore({ accessToken: "a1" }),
    });

    await client.me.listAudit("abc/123");

    expect(server.requests[0]?.path).toBe("/api/v1/me/audit?cursor=abc%2F123");
  });
});
