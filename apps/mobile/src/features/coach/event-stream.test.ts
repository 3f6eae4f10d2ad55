import { createEventStreamParser } from "./event-stream";
import type { ServerSentEvent } from "./event-stream";

function parse(chunks: string[]): ServerSentEvent[] {
  const events: ServerSentEvent[] = [];
  const parser = createEventStreamParser((event) => events.push(event));
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return events;
}

describe("event stream parser", () => {
  it("reads named events and their data", () => {
    const events = parse(['event: delta\ndata: {"text":"Hi"}\n\nevent: done\ndata: {}\n\n']);

    expect(events).toEqual([
      { event: "delta", data: '{"text":"Hi"}' },
      { event: "done", data: "{}" },
    ]);
  });

  it("joins events split across chunks", () => {
    const events = parse(["event: del", 'ta\ndata: {"te', 'xt":"a"}\r', "\n\r\n", "data: x"]);

    expect(events).toEqual([
      { event: "delta", data: '{"text":"a"}' },
      { event: "message", data: "x" },
    ]);
  });

  it("joins data lines and skips comments", () => {
    const events = parse([": keep-alive\n", "data: one\ndata: two\nid: 7\n\n"]);

    expect(events).toEqual([{ event: "message", data: "one\ntwo" }]);
  });
});
