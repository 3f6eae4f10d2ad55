import { afterEach, describe, expect, it } from "vitest";

import { createApiClient } from "./index";
import type { ApiClient } from "./index";
import { createMemoryTokenStore } from "./token-store";
import { sendJson, startTestServer } from "./test-server";
import type { TestHandler, TestServer } from "./test-server";

let server: TestServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

async function clientFor(handler: TestHandler): Promise<{ client: ApiClient; server: TestServer }> {
  server = await startTestServer(handler);
  const client = createApiClient({
    platform: "web",
    baseUrl: server.url,
    tokenStore: createMemoryTokenStore({ accessToken: "token-1" }),
  });
  return { client, server };
}

describe("me api", () => {
  it("sends import fields before the file", async () => {
    const job = {
      id: "0b8c6a8e-5a8a-4c55-9d0e-1f9f7e0a1b2c",
      format: "strong-csv",
      status: "queued",
      progressPercent: 0,
      added: {},
      duplicateOf: null,
      error: null,
      createdAt: "2026-03-29T10:00:00.000Z",
      finishedAt: null,
    };
    const { client, server: api } = await clientFor((_request, response) =>
      sendJson(response, 202, job),
    );

    const answer = await client.me.startImport(
      new Blob(["Date,Exercise Name,Reps\n"]),
      "strong.csv",
      {
        format: "strong-csv",
        unit: "lb",
        timeZone: "Europe/Prague",
        dateOrder: undefined,
      },
    );

    expect(answer).toEqual(job);
    const body = api.requests[0]!.body;
    expect(body.indexOf('name="format"')).toBeLessThan(body.indexOf('name="file"'));
    expect(body).toContain("strong-csv");
    expect(body).toContain("Europe/Prague");
    expect(body).not.toContain('name="dateOrder"');
  });

  it("requests the CSV export", async () => {
    const { client, server: api } = await clientFor((_request, response) => {
      response.writeHead(200, {
        "content-type": "application/zip",
        "content-disposition": 'attachment; filename="fitcoach-export-2026-03-29.zip"',
      });
      response.end("PK");
    });

    const file = await client.me.exportData("csv");

    expect(file.fileName).toBe("fitcoach-export-2026-03-29.zip");
    expect(api.requests[0]?.path).toBe("/api/v1/me/export?format=csv");
  });
});
