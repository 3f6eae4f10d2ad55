import { connect } from "node:net";
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestApp } from "../../test/helpers/app";
import type { TestApp } from "../../test/helpers/app";
import { signIn } from "../../test/helpers/tracking";
import type { SignedInUser } from "../../test/helpers/tracking";

const LOGIN = "/api/v1/auth/login";
const BODY_LIMIT_BYTES = 4_096;

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends bytes over a socket and reads the response, for requests inject() cannot build. */
function sendRaw(port: number, request: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let received = "";
    socket.on("data", (chunk) => {
      received += chunk.toString("latin1");
    });
    socket.on("error", reject);
    socket.on("close", () => {
      const [head = "", ...rest] = received.split("\r\n\r\n");
      const [statusLine = "", ...headerLines] = head.split("\r\n");
      const headers = Object.fromEntries(
        headerLines.map((line) => {
          const colon = line.indexOf(":");
          return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
        }),
      );
      resolve({ status: Number(statusLine.split(" ")[1]), headers, body: rest.join("\r\n\r\n") });
    });
    socket.end(request);
  });
}

function expectProblem(
  response: { status: number; contentType: string | undefined; body: string },
  status: number,
  type: string,
): void {
  expect(response.status).toBe(status);
  expect(response.contentType).toContain("application/problem+json");
  const document = JSON.parse(response.body) as Record<string, unknown>;
  expect(document.type).toBe(type);
  expect(document.status).toBe(status);
  expect(typeof document.detail).toBe("string");
  expect(response.body).not.toMatch(/stack|\bat .+:\d+:\d+|node_modules/);
}

describe("malformed requests", () => {
  let subject: TestApp;
  let user: SignedInUser;
  let port: number;

  async function send(
    options: InjectOptions,
  ): Promise<{ status: number; contentType: string | undefined; body: string }> {
    const response = await subject.app.inject(options);
    return {
      status: response.statusCode,
      contentType: response.headers["content-type"] as string | undefined,
      body: response.body,
    };
  }

  beforeAll(async () => {
    subject = await createTestApp({ env: { BODY_LIMIT: String(BODY_LIMIT_BYTES) } });
    user = await signIn(subject);
    const address = await subject.app.listen({ host: "127.0.0.1", port: 0 });
    port = Number(new URL(address).port);
  });
  afterAll(async () => {
    await subject.close();
  });

  it("rejects malformed JSON", async () => {
    const response = await send({
      method: "POST",
      url: LOGIN,
      headers: { "content-type": "application/json" },
      payload: '{"email": "a@example.test",',
    });

    expectProblem(response, 400, "/problems/malformed-body");
  });

  it("rejects an unsupported media type", async () => {
    const response = await send({
      method: "POST",
      url: LOGIN,
      headers: { "content-type": "application/xml" },
      payload: "<login/>",
    });

    expectProblem(response, 415, "/problems/unsupported-media-type");
  });

  it("rejects a text/plain body", async () => {
    const response = await send({
      method: "POST",
      url: LOGIN,
      headers: { "content-type": "text/plain" },
      payload: "email=a",
    });

    expectProblem(response, 415, "/problems/unsupported-media-type");
  });

  it("rejects invalid URL encoding in the path", async () => {
    const response = await send({
      method: "GET",
      url: "/api/v1/water/%zz",
      headers: user.headers,
    });

    expectProblem(response, 400, "/problems/malformed-request");
  });

  it("rejects invalid URL encoding in the query", async () => {
    const response = await send({
      method: "GET",
      url: "/api/v1/water?from=%zz&to=2026-04-02",
      headers: user.headers,
    });

    expect(response.status).toBe(400);
    expect(response.contentType).toContain("application/problem+json");
    expect(response.body).not.toMatch(/stack/);
  });

  it("rejects a body over the limit", async () => {
    const response = await send({
      method: "POST",
      url: LOGIN,
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ email: "a@example.test", password: "x".repeat(BODY_LIMIT_BYTES) }),
    });

    expectProblem(response, 413, "/problems/payload-too-large");
  });

  it.each([
    '{"email":"a@example.test","password":"x","__proto__":{"isAdmin":true}}',
    '{"email":"a@example.test","password":"x","constructor":{"prototype":{"isAdmin":true}}}',
  ])("rejects prototype keys in %s", async (payload) => {
    const response = await send({
      method: "POST",
      url: LOGIN,
      headers: { "content-type": "application/json" },
      payload,
    });

    expectProblem(response, 400, "/problems/malformed-body");
  });

  it("rejects a truncated multipart body", async () => {
    const response = await send({
      method: "POST",
      url: "/api/v1/me/import",
      headers: { ...user.headers, "content-type": "multipart/form-data; boundary=cut" },
      payload: '--cut\r\nContent-Disposition: form-data; name="format"\r\n\r\nstrong-csv',
    });

    expectProblem(response, 400, "/problems/malformed-body");
  });

  it("rejects oversized headers", async () => {
    const response = await sendRaw(
      port,
      `GET /api/v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: ${"a".repeat(20_000)}\r\nConnection: close\r\n\r\n`,
    );

    expectProblem(
      {
        status: response.status,
        contentType: response.headers["content-type"],
        body: response.body,
      },
      431,
      "/problems/request-header-fields-too-large",
    );
  });

  it("rejects a garbled request line", async () => {
    const response = await sendRaw(port, "NOT HTTP AT ALL\r\n\r\n");

    expectProblem(
      {
        status: response.status,
        contentType: response.headers["content-type"],
        body: response.body,
      },
      400,
      "/problems/malformed-request",
    );
  });

  it("rejects an invalid Content-Length", async () => {
    const response = await sendRaw(
      port,
      `POST ${LOGIN} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: abc\r\nConnection: close\r\n\r\n{}`,
    );

    expectProblem(
      {
        status: response.status,
        contentType: response.headers["content-type"],
        body: response.body,
      },
      400,
      "/problems/malformed-request",
    );
  });

  it("rejects invalid URL encoding over a socket", async () => {
    const response = await sendRaw(
      port,
      "GET /api/v1/days/%E0%A4%A HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
    );

    expectProblem(
      {
        status: response.status,
        contentType: response.headers["content-type"],
        body: response.body,
      },
      400,
      "/problems/malformed-request",
    );
  });
});
