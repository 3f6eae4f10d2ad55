import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { afterEach, describe, expect, test } from "vitest";

import { checkServerIsReachable } from "./server-check";

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

const servers: Server[] = [];

async function startServer(handler: Handler): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe("checkServerIsReachable", () => {
  test("accepts a live FitCoach server", async () => {
    const requested: string[] = [];
    const serverUrl = await startServer((request, response) => {
      requested.push(request.url ?? "");
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ status: "ok" }));
    });

    const result = await checkServerIsReachable(serverUrl, fetch);

    expect(result).toEqual({ ok: true, serverUrl });
    expect(requested).toEqual(["/health/live"]);
  });

  test("probes below a path prefix", async () => {
    const requested: string[] = [];
    const serverUrl = await startServer((request, response) => {
      requested.push(request.url ?? "");
      response.end(JSON.stringify({ status: "ok" }));
    });

    await checkServerIsReachable(`${serverUrl}/fitcoach`, fetch);

    expect(requested).toEqual(["/fitcoach/health/live"]);
  });

  test("rejects a server returning 404", async () => {
    const serverUrl = await startServer((_request, response) => {
      response.statusCode = 404;
      response.end();
    });

    const result = await checkServerIsReachable(serverUrl, fetch);

    expect(result).toEqual({
      ok: false,
      reason: `${serverUrl} is not a FitCoach server: /health/live returned HTTP 404.`,
    });
  });

  test("rejects a body without status ok", async () => {
    const serverUrl = await startServer((_request, response) => {
      response.end("<html>router login</html>");
    });

    const result = await checkServerIsReachable(serverUrl, fetch);

    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.reason).toContain('did not return {"status":"ok"}');
  });

  test("rejects redirects", async () => {
    const target = await startServer((_request, response) => {
      response.end(JSON.stringify({ status: "ok" }));
    });
    const serverUrl = await startServer((_request, response) => {
      response.statusCode = 302;
      response.setHeader("location", `${target}/health/live`);
      response.end();
    });

    const result = await checkServerIsReachable(serverUrl, fetch);

    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.reason).toContain(`Connecting to ${serverUrl} failed`);
  });

  test("times out on a silent server", async () => {
    const serverUrl = await startServer(() => {
      // Never responds.
    });

    const result = await checkServerIsReachable(serverUrl, fetch, 200);

    expect(result).toEqual({
      ok: false,
      reason: `Connecting to ${serverUrl} failed: timed out after 0.2 s.`,
    });
  });
});
