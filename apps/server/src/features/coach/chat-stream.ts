import { Readable } from "node:stream";
import type { FastifyReply, FastifyRequest } from "fastify";

import type { ChatStreamEvent } from "./chat.service";

/** Returns whether a request accepts server-sent events instead of one JSON response. */
export function acceptsEventStream(request: FastifyRequest): boolean {
  return (request.headers.accept ?? "").toLowerCase().includes("text/event-stream");
}

/** Returns an abort signal that fires when the client closes the connection before the response ends. */
export function clientGoneSignal(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.on("close", () => {
    if (!reply.raw.writableFinished) controller.abort(new Error("client closed the connection"));
  });
  return controller.signal;
}

function serverSentEvent(name: string, data: unknown): string {
  // JSON never contains a raw newline, so each event's data fits on one line.
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * Turns chat events into a text/event-stream body: `delta` ({text}), `note` ({text}), then
 * `done` with the stored reply. A failure after the stream began ends it with an `error` event
 * holding a problem document, since the status code has already been sent.
 */
export function toEventStream(
  events: AsyncIterable<ChatStreamEvent>,
  request: FastifyRequest,
): Readable {
  async function* lines(): AsyncGenerator<string> {
    try {
      for await (const event of events) {
        if (event.type === "done") yield serverSentEvent("done", event.reply);
        else yield serverSentEvent(event.type, { text: event.text });
      }
    } catch (error) {
      request.log.error({ err: error }, "chat stream failed");
      yield serverSentEvent("error", {
        type: "/problems/internal-error",
        title: "Internal server error",
        status: 500,
        detail: "The reply could not be finished. Quote the request id when reporting it.",
        requestId: String(request.id),
      });
    }
  }
  return Readable.from(lines());
}

/** Runs the chat to its end and returns the `done` event's reply, for JSON clients. */
export async function collectReply(
  events: AsyncIterable<ChatStreamEvent>,
): Promise<Extract<ChatStreamEvent, { type: "done" }>["reply"]> {
  for await (const event of events) {
    if (event.type === "done") return event.reply;
  }
  throw new Error("chat ended without a reply");
}
