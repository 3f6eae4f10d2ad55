import { describe, expect, it } from "vitest";

import { readServerSentEvents, SERVER_SENT_EVENT_MAX_LENGTH } from "./server-sent-events";
import type { ServerSentEvent } from "./server-sent-events";

function streamOf(chunks: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) {
        controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
      }
      controller.close();
    },
  });
}

async function readAll(chunks: (string | Uint8Array)[]): Promise<ServerSentEvent[]> {
  const events: ServerSentEvent[] = [];
  for await (const event of readServerSentEvents(streamOf(chunks))) events.push(event);
  return events;
}

describe("readServerSentEvents", () => {
  it("reads named events", async () => {
    const events = await readAll([
      'event: delta\ndata: {"text":"Hi"}\n\n',
      "event: done\ndata: {}\n\n",
    ]);

    expect(events).toEqual([
      { event: "delta", data: '{"text":"Hi"}' },
      { event: "done", data: "{}" },
    ]);
  });

  it("joins events split across chunks", async () => {
    const events = await readAll(["eve", "nt: delta\nda", "ta: one\r", "\n\r\n", "data: two\r\r"]);

    expect(events).toEqual([
      { event: "delta", data: "one" },
      { event: "message", data: "two" },
    ]);
  });

  it("keeps multibyte characters split across chunks", async () => {
    const bytes = new TextEncoder().encode("data: Přítel 💧\n\n");

    const events = await readAll([bytes.slice(0, 8), bytes.slice(8, 15), bytes.slice(15)]);

    expect(events).toEqual([{ event: "message", data: "Přítel 💧" }]);
  });

  it("joins data lines and skips comments", async () => {
    const events = await readAll([": keep-alive\n", "data: a\ndata:b\ndata\n\n"]);

    expect(events).toEqual([{ event: "message", data: "a\nb\n" }]);
  });

  it("drops an unfinished last event", async () => {
    const events = await readAll(["data: complete\n\n", "data: cut off"]);

    expect(events).toEqual([{ event: "message", data: "complete" }]);
  });

  it("rejects an endless line", async () => {
    const line = `data: ${"x".repeat(SERVER_SENT_EVENT_MAX_LENGTH + 1)}`;

    await expect(readAll([line])).rejects.toThrow(RangeError);
  });
});
