import { describe, expect, it } from "vitest";

import { createImportParseRunner } from "./import-parse-runner";
import type { ParseRequest } from "./import-parser";

const WATER_ROWS = 150_000;

function documentRequest(document: unknown): ParseRequest {
  return {
    format: "fitcoach-json",
    bytes: Buffer.from(JSON.stringify(document)),
    sectionNames: ["water"],
    latestDate: "2026-04-03",
    csv: null,
  };
}

describe("import parse runner", () => {
  it("keeps the event loop free while parsing", async () => {
    const rows = Array.from({ length: WATER_ROWS }, (_, index) => ({
      date: "2026-04-01",
      ml: index === WATER_ROWS - 1 ? 9_999 : 250,
      version: 1,
    }));
    const request = documentRequest({
      format: "fitcoach-export",
      version: 1,
      sections: { water: rows },
    });
    const runner = createImportParseRunner();
    let last = Date.now();
    let longestGapMs = 0;
    const ticker = setInterval(() => {
      const now = Date.now();
      longestGapMs = Math.max(longestGapMs, now - last);
      last = now;
    }, 5);

    const started = Date.now();
    const outcome = await runner.parse(request);
    const elapsedMs = Date.now() - started;
    clearInterval(ticker);

    expect(outcome.kind).toBe("rejected");
    expect((outcome as Extract<typeof outcome, { kind: "rejected" }>).errors).toEqual([
      {
        field: `sections.water[${WATER_ROWS - 1}].ml`,
        message: "Too big: expected number to be <=5000",
      },
    ]);
    expect(elapsedMs).toBeGreaterThan(longestGapMs * 2);
    expect(longestGapMs).toBeLessThan(250);
  });

  it("rejects a file that is not JSON", async () => {
    const runner = createImportParseRunner();

    const outcome = await runner.parse({
      ...documentRequest({}),
      bytes: Buffer.from("{not json"),
    });

    expect(outcome).toEqual({
      kind: "rejected",
      detail: "The file is not valid JSON.",
      errors: [{ field: "file", message: "The file is not valid JSON." }],
    });
  });
});
