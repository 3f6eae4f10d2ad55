import { createServer } from "node:http";
import type { IncomingHttpHeaders, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A request the fake model server received. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** Response of the fake server to one request. */
export type FakeAnswer =
  { status?: number; json: unknown } | { events: string[]; delayMs?: number } | { hang: true };

/**
 * An HTTP server on 127.0.0.1 that replaces a model API in tests: it records every request and
 * responds with whatever the test queued, or with the default response.
 */
export class FakeModelServer {
  readonly requests: RecordedRequest[] = [];
  private readonly queued: FakeAnswer[] = [];
  private fallback: (request: RecordedRequest) => FakeAnswer = () => ({ status: 500, json: {} });
  private server: Server | null = null;
  private readonly hanging = new Set<() => void>();

  /** Starts listening on a free loopback port. */
  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        const recorded: RecordedRequest = {
          method: request.method ?? "",
          path: request.url ?? "",
          headers: request.headers,
          body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
        };
        this.requests.push(recorded);
        void this.answer(this.queued.shift() ?? this.fallback(recorded), response);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return this;
  }

  get url(): string {
    const address = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  /** Queues responses for the next requests, in order. */
  enqueue(...answers: FakeAnswer[]): void {
    this.queued.push(...answers);
  }

  /** Sets the response for requests when nothing is queued. */
  answerByDefault(fallback: (request: RecordedRequest) => FakeAnswer): void {
    this.fallback = fallback;
  }

  clear(): void {
    this.requests.length = 0;
    this.queued.length = 0;
  }

  async stop(): Promise<void> {
    for (const release of this.hanging) release();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private async answer(answer: FakeAnswer, response: ServerResponse): Promise<void> {
    if ("hang" in answer) {
      // Holds the request open until the client gives up or the server stops.
      const release = (): void => {
        response.destroy();
      };
      this.hanging.add(release);
      response.on("close", () => this.hanging.delete(release));
      return;
    }
    if ("json" in answer) {
      response.writeHead(answer.status ?? 200, { "content-type": "application/json" });
      response.end(JSON.stringify(answer.json));
      return;
    }
    response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    for (const event of answer.events) {
      response.write(event);
      if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    }
    response.end();
  }
}

// ---- OpenAI Chat Completions ----

export function openAICompletion(
  text: string,
  usage = { prompt: 120, completion: 30 },
): FakeAnswer {
  return {
    json: {
      id: "chatcmpl-test",
      object: "chat.completion",
      created: 1_700_000_000,
      model: "test-model",
      choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: "stop" }],
      usage: {
        prompt_tokens: usage.prompt,
        completion_tokens: usage.completion,
        total_tokens: usage.prompt + usage.completion,
      },
    },
  };
}

/** Streams `parts` as Chat Completions chunks, then a usage chunk and [DONE]. */
export function openAIStream(
  parts: string[],
  usage = { prompt: 150, completion: 20 },
  delayMs = 0,
): FakeAnswer {
  const chunk = (delta: Record<string, unknown>, extra: Record<string, unknown> = {}): string =>
    `data: ${JSON.stringify({
      id: "chatcmpl-test",
      object: "chat.completion.chunk",
      created: 1_700_000_000,
      model: "test-model",
      choices: [{ index: 0, delta, finish_reason: null }],
      ...extra,
    })}\n\n`;
  return {
    delayMs,
    events: [
      chunk({ role: "assistant", content: "" }),
      ...parts.map((part) => chunk({ content: part })),
      `data: ${JSON.stringify({
        id: "chatcmpl-test",
        object: "chat.completion.chunk",
        created: 1_700_000_000,
        model: "test-model",
        choices: [],
        usage: {
          prompt_tokens: usage.prompt,
          completion_tokens: usage.completion,
          total_tokens: usage.prompt + usage.completion,
        },
      })}\n\n`,
      "data: [DONE]\n\n",
    ],
  };
}

// ---- Gemini generateContent ----

function geminiBody(text: string, usage: { prompt: number; completion: number }): unknown {
  return {
    candidates: [{ content: { role: "model", parts: [{ text }] }, finishReason: "STOP", index: 0 }],
    usageMetadata: {
      promptTokenCount: usage.prompt,
      candidatesTokenCount: usage.completion,
      totalTokenCount: usage.prompt + usage.completion,
    },
  };
}

export function geminiCompletion(
  text: string,
  usage = { prompt: 110, completion: 25 },
): FakeAnswer {
  return { json: geminiBody(text, usage) };
}

/** Streams `parts` as server-sent generateContent chunks, each carrying running usage. */
export function geminiStream(parts: string[], usage = { prompt: 140, completion: 18 }): FakeAnswer {
  return {
    events: parts.map((part) => `data: ${JSON.stringify(geminiBody(part, usage))}\r\n\r\n`),
  };
}
