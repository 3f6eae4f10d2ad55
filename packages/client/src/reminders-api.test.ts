import { afterEach, describe, expect, it } from "vitest";

import { createApiClient } from "./index";
import { createRemindersApi } from "./reminders-api";
import type { RemindersApi } from "./reminders-api";
import type { ProblemError } from "./problem-error";
import { createMemoryTokenStore } from "./token-store";
import { sendProblem, startTestServer } from "./test-server";
import type { TestHandler, TestServer } from "./test-server";

let server: TestServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

async function clientFor(
  handler: TestHandler,
): Promise<{ client: RemindersApi; server: TestServer }> {
  server = await startTestServer(handler);
  const client = createApiClient({
    platform: "web",
    baseUrl: server.url,
    tokenStore: createMemoryTokenStore({ accessToken: "token-1" }),
  });
  return { client: createRemindersApi(client), server };
}

describe("reminders api", () => {
  it("sends the version as If-Match", async () => {
    const { client, server: api } = await clientFor((_request, response) =>
      sendProblem(response, 412, "precondition-failed"),
    );

    const error = await client
      .updateRule({ id: "0b8c6a8e-5a8a-4c55-9d0e-1f9f7e0a1b2c", version: 3 }, { enabled: false })
      .catch((caught: unknown) => caught);

    expect((error as ProblemError).code).toBe("precondition-failed");
    const request = api.requests[0]!;
    expect(request.method).toBe("PATCH");
    expect(request.headers["if-match"]).toBe('"v3"');
    expect(JSON.parse(request.body)).toEqual({ enabled: false });
  });
});
