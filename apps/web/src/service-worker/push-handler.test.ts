import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ORIGIN = "https://fitcoach.test";

type Listener = (event: unknown) => void;

/** Runs public/push-handler.js against a stand-in worker scope and clicks one notification. */
async function clickNotification(url: unknown): Promise<string[]> {
  const source = readFileSync(
    path.resolve(import.meta.dirname, "../../public/push-handler.js"),
    "utf8",
  );
  const listeners = new Map<string, Listener>();
  const opened: string[] = [];
  const scope = {
    location: { origin: ORIGIN },
    addEventListener: (type: string, listener: Listener) => listeners.set(type, listener),
    clients: {
      matchAll: async () => [],
      openWindow: async (target: string) => {
        opened.push(target);
        return null;
      },
    },
  };
  new Function("self", source)(scope);

  let done: Promise<unknown> = Promise.resolve();
  listeners.get("notificationclick")!({
    notification: { close: () => undefined, data: { url } },
    waitUntil: (promise: Promise<unknown>) => {
      done = promise;
    },
  });
  await done;
  return opened;
}

describe("push notification click", () => {
  it("opens an app path", async () => {
    expect(await clickNotification("/day/2026-03-29")).toEqual([`${ORIGIN}/day/2026-03-29`]);
  });

  it.each(["/\t/evil.example", "/\n/evil.example", "/\\evil.example", "//evil.example", 7])(
    "opens Today for %j",
    async (url) => {
      expect(await clickNotification(url)).toEqual([`${ORIGIN}/today`]);
    },
  );
});
