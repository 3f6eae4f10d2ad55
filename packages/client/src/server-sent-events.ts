/** One event of a text/event-stream body: its `event` name ("message" when unnamed) and data. */
export interface ServerSentEvent {
  event: string;
  data: string;
}

/** Maximum event length the reader buffers, in characters; longer means a broken or hostile stream. */
export const SERVER_SENT_EVENT_MAX_LENGTH = 1_000_000;

/**
 * Reads a text/event-stream body as the HTML standard defines it: lines end in LF, CRLF or CR,
 * `data` lines of one event are joined with LF, a blank line ends the event, and lines starting
 * with a colon are comments. Events without data are skipped, as browsers skip them. An event
 * that the stream ends before its blank line is incomplete, and the standard drops it.
 */
export async function* readServerSentEvents(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<ServerSentEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = createEventParser();
  let isFinished = false;

  try {
    for (;;) {
      const { value, done } = await reader.read();
      isFinished = done;
      // stream: true keeps a UTF-8 sequence split across chunks for the next call.
      const text = done ? decoder.decode() : decoder.decode(value, { stream: true });
      yield* parser.push(text, done);
      if (done) return;
    }
  } finally {
    // A consumer that stops early (the user pressed Stop) should end the download too.
    if (!isFinished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

interface EventParser {
  /** Adds decoded text and returns the events it completes; `isLast` flushes a trailing CR. */
  push(text: string, isLast: boolean): ServerSentEvent[];
}

function createEventParser(): EventParser {
  let buffer = "";
  let eventName = "";
  let dataLines: string[] = [];
  let eventLength = 0;

  function takeLine(line: string, events: ServerSentEvent[]): void {
    if (line === "") {
      if (dataLines.length > 0)
        events.push({ event: eventName || "message", data: dataLines.join("\n") });
      eventName = "";
      dataLines = [];
      eventLength = 0;
      return;
    }
    eventLength += line.length;
    if (eventLength > SERVER_SENT_EVENT_MAX_LENGTH) throw tooLong();
    const field = readField(line);
    if (field?.name === "event") eventName = field.value;
    if (field?.name === "data") dataLines.push(field.value);
  }

  return {
    push(text, isLast) {
      buffer += text;
      const events: ServerSentEvent[] = [];
      for (;;) {
        const lineEnd = buffer.search(/\r\n|\r|\n/);
        if (lineEnd === -1) break;
        // A CR at the very end may be the first half of a CRLF split across chunks.
        if (!isLast && lineEnd === buffer.length - 1 && buffer.endsWith("\r")) break;
        const line = buffer.slice(0, lineEnd);
        buffer = buffer.slice(lineEnd + (buffer.startsWith("\r\n", lineEnd) ? 2 : 1));
        takeLine(line, events);
      }
      if (buffer.length > SERVER_SENT_EVENT_MAX_LENGTH) throw tooLong();
      return events;
    },
  };
}

function tooLong(): RangeError {
  return new RangeError(
    `A server-sent event is longer than ${SERVER_SENT_EVENT_MAX_LENGTH} characters.`,
  );
}

/** Splits `name: value`, dropping one space after the colon; null for a comment line. */
function readField(line: string): { name: string; value: string } | null {
  if (line.startsWith(":")) return null;
  const colon = line.indexOf(":");
  if (colon === -1) return { name: line, value: "" };
  const value = line.slice(colon + 1);
  return { name: line.slice(0, colon), value: value.startsWith(" ") ? value.slice(1) : value };
}
