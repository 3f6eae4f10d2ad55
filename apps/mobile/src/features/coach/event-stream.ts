/** One server-sent event: its `event:` name (default "message") and its joined `data:` lines. */
export interface ServerSentEvent {
  event: string;
  data: string;
}

export interface EventStreamParser {
  /** Feeds the next piece of the stream; complete events are reported at once. */
  push(chunk: string): void;
  /** Reports a last event that the stream ended without a blank line after. */
  end(): void;
}

/**
 * Parses a text/event-stream body as it arrives. Lines may end in LF, CR or CRLF; comment lines
 * (starting with ":") and `id:` and `retry:` fields are ignored, because the chat does not
 * reconnect.
 */
export function createEventStreamParser(
  onEvent: (event: ServerSentEvent) => void,
): EventStreamParser {
  let buffer = "";
  let eventName = "";
  let dataLines: string[] = [];
  let skipLeadingLineFeed = false;

  function dispatch(): void {
    if (dataLines.length > 0)
      onEvent({ event: eventName || "message", data: dataLines.join("\n") });
    eventName = "";
    dataLines = [];
  }

  function readLine(line: string): void {
    if (line === "") {
      dispatch();
      return;
    }
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") eventName = value;
    if (field === "data") dataLines.push(value);
  }

  return {
    push(chunk) {
      // A CRLF split between two chunks is one line ending, not two.
      const text = skipLeadingLineFeed && chunk.startsWith("\n") ? chunk.slice(1) : chunk;
      skipLeadingLineFeed = text.endsWith("\r");
      buffer += text;
      const lines = buffer.split(/\r\n|\r|\n/);
      buffer = lines.pop() ?? "";
      for (const line of lines) readLine(line);
    },
    end() {
      if (buffer !== "") readLine(buffer);
      buffer = "";
      dispatch();
    },
  };
}
