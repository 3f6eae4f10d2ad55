import {
  chatReplySchema,
  consentSchema,
  conversationListSchema,
  conversationSchema,
  mealPhotoDraftSchema,
  mealPlanAcceptedSchema,
  mealPlanListSchema,
  mealPlanSchema,
  programListSchema,
  programSchema,
  providerCallPageSchema,
  summarySchema,
  targetsSchema,
} from "@fitcoach/contract";
import type {
  ChatReply,
  ChatRequest,
  CoachAreas,
  Consent,
  Conversation,
  MealPhotoDraft,
  MealPlan,
  MealPlanRequest,
  Program,
  ProgramLog,
  ProgramRequest,
  ProblemDocument,
  Summary,
  Targets,
  TargetsQuery,
} from "@fitcoach/contract";
import type { z } from "zod";

import type { ApiClientCore, ResponseSchema } from "./api-client";
import { ProblemError, UnexpectedResponseError } from "./problem-error";
import { readServerSentEvents } from "./server-sent-events";

export type ConversationSummary = z.infer<typeof conversationListSchema>["items"][number];
export type MealPlanAccepted = z.infer<typeof mealPlanAcceptedSchema>;
export type ProviderCallPage = z.infer<typeof providerCallPageSchema>;

/** One step of a streamed chat reply, in the order the server sends them. */
export type ChatStreamEvent =
  | { type: "delta"; text: string }
  | { type: "note"; text: string }
  | { type: "done"; reply: ChatReply };

export interface CoachApi {
  targets(query?: TargetsQuery): Promise<Targets>;
  summary(date: string): Promise<Summary>;
  chat(request: ChatRequest): Promise<ChatReply>;
  /**
   * Sends a chat message and yields the reply as the server writes it. Limits, validation and an
   * unknown conversation reject before the first event. A failure after the stream began throws
   * the ProblemError the server sent in its `error` event.
   */
  chatStream(request: ChatRequest, signal?: AbortSignal): AsyncGenerator<ChatStreamEvent>;
  listConversations(): Promise<ConversationSummary[]>;
  getConversation(id: string): Promise<Conversation>;
  deleteConversation(id: string): Promise<void>;
  clearConversations(): Promise<void>;
  createMealPlan(request: Partial<MealPlanRequest>): Promise<MealPlan>;
  listMealPlans(): Promise<MealPlan[]>;
  getMealPlan(id: string): Promise<MealPlan>;
  acceptMealPlan(id: string, startDate: string): Promise<MealPlanAccepted>;
  createProgram(request: ProgramRequest): Promise<Program>;
  listPrograms(): Promise<Program[]>;
  getProgram(id: string): Promise<Program>;
  followProgram(id: string, startDate: string): Promise<Program>;
  stopProgram(id: string): Promise<Program>;
  logProgramSession(id: string, log: ProgramLog): Promise<Program>;
  /** Uploads a photo as the multipart field `file` and returns the draft meal; stores nothing. */
  recognizeMealPhoto(photo: Blob, fileName: string): Promise<MealPhotoDraft>;
  getConsent(): Promise<Consent>;
  setConsent(areas: CoachAreas): Promise<Consent>;
  listCalls(cursor?: string): Promise<ProviderCallPage>;
}

export function createCoachApi(core: ApiClientCore): CoachApi {
  function post<T>(path: string, body: unknown, schema: ResponseSchema<T>): Promise<T> {
    return core.request({ method: "POST", path: `/coach${path}`, body, schema });
  }

  return {
    targets: (query = {}) =>
      core.request({
        path: "/coach/targets",
        query: { weightKg: query.weightKg, goal: query.goal },
        schema: targetsSchema,
      }),
    summary: (date) =>
      core.request({ path: `/coach/summary/${encodeURIComponent(date)}`, schema: summarySchema }),
    chat: (request) => post("/chat", request, chatReplySchema),
    chatStream: (request, signal) => streamChat(core, request, signal),
    async listConversations() {
      return (await core.request({ path: "/coach/conversations", schema: conversationListSchema }))
        .items;
    },
    getConversation: (id) =>
      core.request({
        path: `/coach/conversations/${encodeURIComponent(id)}`,
        schema: conversationSchema,
      }),
    async deleteConversation(id) {
      await core.request({
        method: "DELETE",
        path: `/coach/conversations/${encodeURIComponent(id)}`,
      });
    },
    async clearConversations() {
      await core.request({ method: "DELETE", path: "/coach/conversations" });
    },
    createMealPlan: (request) => post("/meal-plans", request, mealPlanSchema),
    async listMealPlans() {
      return (await core.request({ path: "/coach/meal-plans", schema: mealPlanListSchema })).items;
    },
    getMealPlan: (id) =>
      core.request({ path: `/coach/meal-plans/${encodeURIComponent(id)}`, schema: mealPlanSchema }),
    acceptMealPlan: (id, startDate) =>
      post(`/meal-plans/${encodeURIComponent(id)}/accept`, { startDate }, mealPlanAcceptedSchema),
    createProgram: (request) => post("/programs", request, programSchema),
    async listPrograms() {
      return (await core.request({ path: "/coach/programs", schema: programListSchema })).items;
    },
    getProgram: (id) =>
      core.request({ path: `/coach/programs/${encodeURIComponent(id)}`, schema: programSchema }),
    followProgram: (id, startDate) =>
      post(`/programs/${encodeURIComponent(id)}/follow`, { startDate }, programSchema),
    stopProgram: (id) => post(`/programs/${encodeURIComponent(id)}/stop`, undefined, programSchema),
    logProgramSession: (id, log) =>
      post(`/programs/${encodeURIComponent(id)}/logs`, log, programSchema),
    recognizeMealPhoto(photo, fileName) {
      const form = new FormData();
      form.append("file", photo, fileName);
      return post("/meal-photo", form, mealPhotoDraftSchema);
    },
    getConsent: () => core.request({ path: "/coach/consent", schema: consentSchema }),
    setConsent: (areas) =>
      core.request({
        method: "PUT",
        path: "/coach/consent",
        body: { areas },
        schema: consentSchema,
      }),
    listCalls: (cursor) =>
      core.request({ path: "/coach/calls", query: { cursor }, schema: providerCallPageSchema }),
  };
}

async function* streamChat(
  core: ApiClientCore,
  request: ChatRequest,
  signal: AbortSignal | undefined,
): AsyncGenerator<ChatStreamEvent> {
  const body = await core.request<ReadableStream<Uint8Array>>({
    method: "POST",
    path: "/coach/chat",
    body: request,
    accept: "text/event-stream",
    responseType: "stream",
    signal,
  });

  for await (const event of readServerSentEvents(body)) {
    const data = parseEventData(event.data);
    if (event.event === "error") throw new ProblemError(toProblem(data));
    if (event.event === "delta" || event.event === "note") {
      yield { type: event.event, text: readText(data) };
      continue;
    }
    if (event.event === "done") {
      const reply = chatReplySchema.safeParse(data);
      if (!reply.success) {
        throw new UnexpectedResponseError("The chat's done event does not match the contract.");
      }
      yield { type: "done", reply: reply.data };
      return;
    }
    // Event names this client does not know are skipped, so the server can add new ones.
  }
  throw new UnexpectedResponseError("The chat stream ended before its done event.");
}

function parseEventData(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    throw new UnexpectedResponseError("A chat event carries data that is not JSON.");
  }
}

function readText(data: unknown): string {
  const text = (data as { text?: unknown } | null)?.text;
  if (typeof text !== "string") {
    throw new UnexpectedResponseError("A chat event has no text.");
  }
  return text;
}

function toProblem(data: unknown): ProblemDocument {
  const candidate = (data ?? {}) as Partial<ProblemDocument>;
  return {
    type: typeof candidate.type === "string" ? candidate.type : "/problems/internal-error",
    title: typeof candidate.title === "string" ? candidate.title : "Internal server error",
    status: typeof candidate.status === "number" ? candidate.status : 500,
    detail: typeof candidate.detail === "string" ? candidate.detail : undefined,
    requestId: typeof candidate.requestId === "string" ? candidate.requestId : undefined,
  };
}
