import { afterEach, describe, expect, it } from "vitest";
import type { Stats } from "@fitcoach/contract";

import { createApiClient } from "./index";
import { ProblemError, UnexpectedResponseError } from "./problem-error";
import { createStatsApi } from "./stats-api";
import type { StatsApi } from "./stats-api";
import { sendJson, sendProblem, startTestServer } from "./test-server";
import type { TestHandler, TestServer } from "./test-server";
import { createMemoryTokenStore } from "./token-store";

let server: TestServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

async function clientFor(handler: TestHandler): Promise<{ client: StatsApi; server: TestServer }> {
  server = await startTestServer(handler);
  const client = createApiClient({
    platform: "web",
    baseUrl: server.url,
    tokenStore: createMemoryTokenStore({ accessToken: "token-1" }),
  });
  return { client: createStatsApi(client), server };
}

function makeStats(overrides: Partial<Stats> = {}): Stats {
  return {
    metric: "water",
    unit: "ml",
    period: "day",
    from: "2026-03-01",
    to: "2026-03-02",
    weekStartsOn: "monday",
    points: [
      { start: "2026-03-01", end: "2026-03-01", value: 2000, total: 2000, days: 1 },
      { start: "2026-03-02", end: "2026-03-02", value: null, total: null, days: 0 },
    ],
    movingAverage7: [
      { date: "2026-03-01", value: 2000 },
      { date: "2026-03-02", value: 2000 },
    ],
    streaks: {
      rule: "water at or above the goal of 2000 ml",
      condition: "at-least-target",
      target: 2000,
      current: 1,
      longest: 1,
      longestStart: "2026-03-01",
      longestEnd: "2026-03-01",
    },
    ...overrides,
  };
}

describe("stats api", () => {
  it("sends metric, period and range", async () => {
    const stats = makeStats();
    const { client, server: api } = await clientFor((_request, response) =>
      sendJson(response, 200, stats),
    );

    const answer = await client.get("water", {
      period: "day",
      from: "2026-03-01",
      to: "2026-03-02",
    });

    expect(answer).toEqual(stats);
    const request = api.requests[0]!;
    expect(request.method).toBe("GET");
    expect(request.path).toBe("/api/v1/stats/water?period=day&from=2026-03-01&to=2026-03-02");
    expect(request.headers.authorization).toBe("Bearer token-1");
  });

  it("leaves out unset query values", async () => {
    const { client, server: api } = await clientFor((_request, response) =>
      sendJson(response, 200, makeStats({ metric: "training-volume", unit: "kg" })),
    );

    await client.get("training-volume");

    expect(api.requests[0]?.path).toBe("/api/v1/stats/training-volume");
  });

  it("rejects a body outside the contract", async () => {
    const { client } = await clientFor((_request, response) =>
      sendJson(response, 200, { ...makeStats(), points: [{ start: "yesterday" }] }),
    );

    const error = await client.get("water").catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(UnexpectedResponseError);
  });

  it("passes field errors of a bad range", async () => {
    const { client } = await clientFor((_request, response) =>
      sendProblem(response, 400, "validation-failed", {
        errors: [{ field: "query.from", message: "must not be after to" }],
      }),
    );

    const error = await client
      .get("weight", { from: "2026-03-05", to: "2026-03-01" })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).code).toBe("validation-failed");
    expect((error as ProblemError).fieldErrors).toEqual([
      { field: "query.from", message: "must not be after to" },
    ]);
  });
});
