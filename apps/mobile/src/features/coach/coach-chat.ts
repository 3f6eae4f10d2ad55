import { ProblemError } from "@fitcoach/client";
import { chatReplySchema } from "@fitcoach/contract";
import type { ChatReply, ChatRequest, ProblemDocument } from "@fitcoach/contract";

import type { MobileRuntime } from "../../runtime/mobile-runtime";
import { createEventStreamParser } from "./event-stream";
import type { ServerSentEvent } from "./event-stream";

/**
 * Asks the coach and streams the reply: `onDelta` gets the text as the model writes it, and the
 * promise resolves with the stored reply, which the screen shows in place of the streamed text
 * because the server removes HTML and images from it.
 */
export async function streamCoachChat(
  runtime: MobileRuntime,
  request: ChatRequest,
  onDelta: (text: string) => void,
): Promise<ChatReply> {
  const response = await runtime.api.request<Response>({
    method: "POST",
    path: "/coach/chat",
    body: request,
    accept: "text/event-stream",
    responseType: "response",
  });

  let reply: ChatReply | null = null;
  let failure: ProblemError | null = null;
  const parser = createEventStreamParser((event) => {
    const outcome = readEvent(event, onDelta);
    if (outcome?.kind === "done") reply = outcome.reply;
    if (outcome?.kind === "error") failure = new ProblemError(outcome.problem);
  });

  await readText(response, (text) => parser.push(text));
  parser.end();

  if (failure) throw failure;
  if (!reply) throw new Error("The coach's answer ended before its done event.");
  return reply;
}

type EventOutcome =
  { kind: "done"; reply: ChatReply } | { kind: "error"; problem: ProblemDocument } | null;

function readEvent(event: ServerSentEvent, onDelta: (text: string) => void): EventOutcome {
  let data: unknown;
  try {
    data = JSON.parse(event.data);
  } catch {
    return null;
  }
  if (event.event === "delta") {
    const text = (data as { text?: unknown }).text;
    if (typeof text === "string") onDelta(text);
    return null;
  }
  if (event.event === "done") {
    const parsed = chatReplySchema.safeParse(data);
    return parsed.success ? { kind: "done", reply: parsed.data } : null;
  }
  if (event.event === "error") return { kind: "error", problem: data as ProblemDocument };
  return null;
}

/** Reads a body piece by piece where the runtime streams it, else all at once. */
async function readText(response: Response, onText: (text: string) => void): Promise<void> {
  const reader = response.body?.getReader();
  if (!reader) {
    onText(await response.text());
    return;
  }
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    onText(decoder.decode(value, { stream: true }));
  }
  onText(decoder.decode());
}
