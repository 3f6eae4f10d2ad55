import { describe, expect, it } from "vitest";

import { ConcurrencyLimit } from "./concurrency-limit";

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe("ConcurrencyLimit", () => {
  it("runs queued tasks one at a time", async () => {
    const limit = new ConcurrencyLimit(1);
    const gate = deferred();
    const order: string[] = [];

    const first = limit.run(async () => {
      order.push("first started");
      await gate.promise;
      order.push("first done");
    });
    const second = limit.run(async () => {
      order.push("second started");
    });
    await Promise.resolve();
    const queuedWhileBusy = limit.queued;
    gate.resolve();
    await Promise.all([first, second]);

    expect(queuedWhileBusy).toBe(1);
    expect(order).toEqual(["first started", "first done", "second started"]);
    expect(limit.active).toBe(0);
  });

  it("returns null beyond the waiting room", async () => {
    const limit = new ConcurrencyLimit(1, 0);
    const gate = deferred();

    const first = limit.run(() => gate.promise.then(() => "ran"));
    const second = await limit.run(async () => "ran");
    gate.resolve();

    expect(second).toBeNull();
    expect(await first).toBe("ran");
  });
});
