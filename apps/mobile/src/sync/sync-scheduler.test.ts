import { SYNC_BACKOFF_MAX_MS, backoffDelayMs, createSyncScheduler } from "./sync-scheduler";
import type { SyncEngine, SyncResult } from "./sync-engine";

/** An engine that answers each run with the next scripted result. */
function scriptedEngine(results: SyncResult[]): SyncEngine & { runs: number } {
  const engine = {
    runs: 0,
    async sync(): Promise<SyncResult> {
      engine.runs += 1;
      return results.shift() ?? { state: "idle", sent: 0, retryAfterMs: null };
    },
    onChange: () => () => undefined,
  };
  return engine;
}

async function settle(): Promise<void> {
  for (let index = 0; index < 5; index += 1) await Promise.resolve();
}

describe("sync scheduler", () => {
  it("doubles the wait up to the maximum", () => {
    expect([1, 2, 3, 4].map(backoffDelayMs)).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffDelayMs(30)).toBe(SYNC_BACKOFF_MAX_MS);
  });

  it("retries offline runs with backoff", async () => {
    const engine = scriptedEngine([
      { state: "offline", sent: 0, retryAfterMs: null },
      { state: "offline", sent: 0, retryAfterMs: null },
    ]);
    const timers: number[] = [];
    const callbacks: (() => void)[] = [];
    const scheduler = createSyncScheduler(engine, {
      setTimer: (callback, delayMs) => {
        timers.push(delayMs);
        callbacks.push(callback);
        return callbacks.length;
      },
      clearTimer: () => undefined,
    });

    scheduler.request();
    await settle();
    callbacks.shift()?.();
    await settle();

    expect(engine.runs).toBe(2);
    expect(timers).toEqual([1000, 2000]);
    scheduler.dispose();
  });

  it("honours the server's wait", async () => {
    const engine = scriptedEngine([{ state: "retry-later", sent: 0, retryAfterMs: 7000 }]);
    const timers: number[] = [];
    const scheduler = createSyncScheduler(engine, {
      setTimer: (_callback, delayMs) => timers.push(delayMs),
      clearTimer: () => undefined,
    });

    scheduler.request();
    await settle();

    expect(timers).toEqual([7000]);
    scheduler.dispose();
  });

  it("runs when the connection returns", async () => {
    const engine = scriptedEngine([]);
    let notify: (isOnline: boolean) => void = () => undefined;
    const scheduler = createSyncScheduler(engine, {
      connectivity: {
        subscribe(listener) {
          notify = listener;
          return () => undefined;
        },
      },
    });

    notify(false);
    await settle();
    notify(true);
    await settle();

    expect(engine.runs).toBe(1);
    scheduler.dispose();
  });
});
