import type { ChatReply, ChatRequest } from "@fitcoach/contract";
import type { Logger } from "pino";

import type { CoachConfig } from "../../platform/config";
import type { AuthenticatedUser } from "../auth/sessions.service";
import { builtinChatReply } from "./builtin-chat";
import { dataForModel, type CoachContext, type ModelData } from "./coach-context";
import type { CoachLimits } from "./coach-limits";
import { builtinReason, failureNote } from "./coach-notes";
import type { CoachPrivacyService } from "./coach-privacy.service";
import { CHAT_CONTEXT_DAYS, type CoachService } from "./coach.service";
import type { ConversationsService, StoredTurn } from "./conversations.service";
import { abortableIterable, startDeadline } from "./deadline";
import { collectKnownNumbers, unsupportedClaims } from "./number-check";
import { sanitizeModelMarkdown } from "./providers/model-output";
import { MarkdownStreamSanitizer } from "./providers/safe-markdown";
import type { ChatTurn, CoachProvider, TokenUsage } from "./providers/provider";

/** Event of a chat stream: text as it arrives, notes, and the stored reply at the end. */
export type ChatStreamEvent =
  | { type: "delta"; text: string }
  | { type: "note"; text: string }
  | { type: "done"; reply: ChatReply };

export interface ChatService {
  /**
   * Checks limits and the conversation, then returns the reply as events. Problems that depend
   * only on the request (429, 404, 409) are thrown before the first event, so a streaming route
   * can still send them with a status code.
   */
  chat(
    user: AuthenticatedUser,
    request: ChatRequest,
    clientSignal: AbortSignal,
  ): Promise<AsyncIterable<ChatStreamEvent>>;
}

export function createChatService(deps: {
  config: CoachConfig;
  logger: Logger;
  coach: CoachService;
  provider: CoachProvider;
  builtin: CoachProvider;
  privacy: CoachPrivacyService;
  limits: CoachLimits;
  conversations: ConversationsService;
}): ChatService {
  const { provider, config } = deps;
  const log = deps.logger.child({ component: "coach-chat" });

  interface Plan {
    user: AuthenticatedUser;
    request: ChatRequest;
    context: CoachContext;
    history: ChatTurn[];
    modelData: ModelData | null;
    notes: string[];
    builtin: CoachProvider;
  }

  async function* answerWithModel(
    plan: Plan,
    modelData: ModelData,
    clientSignal: AbortSignal,
  ): AsyncGenerator<ChatStreamEvent, { text: string; answeredBy: CoachProvider }> {
    const deadline = startDeadline(config.timeoutMs, clientSignal);
    const started = Date.now();
    let text = "";
    // Deltas go to the client as they arrive, so they are sanitised on the way like the stored reply.
    const streamSanitizer = new MarkdownStreamSanitizer();
    let usage: TokenUsage = { inputTokens: 0, outputTokens: 0 };
    let outcome: "ok" | "failed" | "timed-out" = "ok";
    try {
      const events = provider.chat(
        { context: plan.context, modelData, history: plan.history, message: plan.request.message },
        deadline.signal,
      );
      for await (const event of abortableIterable(events, deadline.signal)) {
        if (event.type === "usage") {
          usage = event.usage;
          continue;
        }
        text += event.text;
        const safeText = streamSanitizer.push(event.text);
        if (safeText) yield { type: "delta", text: safeText };
      }
      const rest = streamSanitizer.flush();
      if (rest) yield { type: "delta", text: rest };
    } catch (error) {
      outcome = deadline.timedOut() ? "timed-out" : "failed";
      if (!clientSignal.aborted) {
        log.error(
          { err: error, userId: plan.user.userId, provider: provider.name, outcome },
          "coach chat call failed",
        );
      }
    } finally {
      deadline.dispose();
      await deps.privacy.recordCall(plan.user.userId, {
        agent: "chat",
        model: provider.model,
        areas: modelData.areas,
        usage,
        outcome,
        durationMs: Date.now() - started,
      });
    }

    if (outcome === "ok") return { text, answeredBy: provider };
    if (text === "") {
      const note = failureNote(outcome, config.timeoutMs);
      plan.notes.push(note);
      yield { type: "note", text: note };
      return { text: "", answeredBy: plan.builtin };
    }
    const note = "The model stopped before finishing, so this reply is incomplete.";
    plan.notes.push(note);
    yield { type: "note", text: note };
    return { text, answeredBy: provider };
  }

  async function* run(plan: Plan, clientSignal: AbortSignal): AsyncGenerator<ChatStreamEvent> {
    for (const note of plan.notes) yield { type: "note", text: note };

    let answeredBy: CoachProvider = plan.builtin;
    let text = "";
    if (plan.modelData) {
      ({ text, answeredBy } = yield* answerWithModel(plan, plan.modelData, clientSignal));
    }
    if (clientSignal.aborted) return;

    let reply: string;
    if (answeredBy.isExternal) {
      reply = sanitizeModelMarkdown(text);
      const unsupported = unsupportedClaims(reply, collectKnownNumbers(plan.modelData!.data));
      if (unsupported.length > 0) {
        const note = `The reply mentions ${unsupported.join(", ")}, which could not be matched to your data; check ${unsupported.length === 1 ? "it" : "them"} before relying on ${unsupported.length === 1 ? "it" : "them"}.`;
        plan.notes.push(note);
        yield { type: "note", text: note };
      }
    } else {
      reply = builtinChatReply(plan.request.message, plan.context);
      yield { type: "delta", text: reply };
    }

    const conversationId = await deps.conversations.append(
      plan.user.userId,
      plan.request.conversationId,
      { message: plan.request.message, reply, provider: answeredBy.name },
    );
    yield {
      type: "done",
      reply: {
        reply,
        conversationId,
        provider: answeredBy.name,
        model: answeredBy.model,
        notes: plan.notes,
      },
    };
  }

  return {
    async chat(user, request, clientSignal) {
      await deps.limits.countRequest(user.userId);
      const history = await deps.conversations.history(user.userId, request.conversationId);
      const context = await deps.coach.loadContext(user.userId, { days: CHAT_CONTEXT_DAYS });

      const notes: string[] = [];
      let modelData: ModelData | null = null;
      let plannedHistory: ChatTurn[] = history.map(({ role, content }) => ({ role, content }));
      const reason = builtinReason(provider, user);
      if (reason) {
        if (reason.note) notes.push(reason.note);
      } else {
        await deps.limits.assertBudgetLeft(user.userId);
        const consent = await deps.privacy.getConsent(user.userId);
        modelData = dataForModel(context, consent.areas);
        const shared = historyForExternalModel(
          history,
          consent.updatedAt === null ? null : new Date(consent.updatedAt),
        );
        if (shared.length < history.length) {
          notes.push(
            "Earlier replies of the offline coach, or from before your last privacy change, stay on this server; the model sees only the rest of this conversation.",
          );
        }
        plannedHistory = shared;
        if (modelData.areas.length === 0) {
          notes.push(
            "You share no data areas with the model, so it sees only your message. Choose areas in the coach's privacy settings.",
          );
        }
      }
      return run(
        {
          user,
          request,
          context,
          history: plannedHistory,
          modelData,
          notes,
          builtin: deps.builtin,
        },
        clientSignal,
      );
    },
  };
}

/**
 * Picks the earlier exchanges an external model may read. The offline coach replies from every
 * logged area, and a reply written before the user's last consent change may quote areas that are
 * no longer shared. Sending either would leak data the user did not agree to send, so only
 * exchanges whose reply an external model wrote since the last consent change are sent.
 */
export function historyForExternalModel(
  history: StoredTurn[],
  consentChangedAt: Date | null,
): ChatTurn[] {
  const shared: ChatTurn[] = [];
  for (let index = 0; index < history.length; index += 1) {
    const turn = history[index]!;
    if (turn.role !== "assistant") continue;
    const question = history[index - 1];
    const external = turn.provider !== null && turn.provider !== "builtin";
    const current = consentChangedAt === null || turn.createdAt >= consentChangedAt;
    if (!external || !current || question?.role !== "user") continue;
    shared.push({ role: "user", content: question.content });
    shared.push({ role: "assistant", content: turn.content });
  }
  return shared;
}
