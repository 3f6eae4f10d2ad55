import { useId, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useLocation, useNavigate, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { CHAT_MESSAGE_MAX_LENGTH, chatRequestSchema } from "@fitcoach/contract";
import type { Conversation } from "@fitcoach/contract";

import { Alert } from "../../../ui/alert";
import { Loading } from "../../../ui/spinner";
import { CoachProblem } from "../coach-problem";
import { coachKeys } from "../coach-queries";
import { SourceNote } from "../daily-summary-card";
import { Markdown } from "../markdown";
import { ConversationList } from "./conversation-list";
import { useChatStream } from "./use-chat-stream";
import type { PendingExchange } from "./use-chat-stream";
import { useCoachApi } from "../use-coach-api";

/** Notes about the last reply, handed over when a new conversation's route replaces the old one. */
interface ChatLocationState {
  lastReply?: { provider: string; model: string; notes: string[] };
}

/** Chat with the coach: the conversation list, the open conversation and the message box. */
export function ChatPage(): React.JSX.Element {
  const { conversationId } = useParams();
  return (
    <div className="chat-layout">
      <ChatThread key={conversationId ?? "new"} conversationId={conversationId} />
      <ConversationList activeId={conversationId} />
    </div>
  );
}

function ChatThread(props: { conversationId: string | undefined }): React.JSX.Element {
  const { t } = useTranslation();
  const coachApi = useCoachApi();
  const navigate = useNavigate();
  const location = useLocation();
  const headingId = useId();
  const { conversationId } = props;
  const stream = useChatStream();
  const [lastReply, setLastReply] = useState(
    (location.state as ChatLocationState | null)?.lastReply ?? null,
  );
  const conversation = useQuery({
    queryKey: coachKeys.conversation(conversationId ?? ""),
    queryFn: () => coachApi.getConversation(conversationId!),
    enabled: conversationId !== undefined,
  });

  async function send(message: string): Promise<boolean> {
    setLastReply(null);
    const reply = await stream.send(message, conversationId);
    if (!reply) return false;

    const summary = { provider: reply.provider, model: reply.model, notes: reply.notes };
    if (reply.conversationId !== conversationId) {
      void navigate(`/coach/chat/${reply.conversationId}`, {
        state: { lastReply: summary } satisfies ChatLocationState,
      });
    } else {
      setLastReply(summary);
    }
    return true;
  }

  return (
    <section className="card chat-thread" aria-labelledby={headingId}>
      <h2 id={headingId}>{conversation.data?.title ?? t("coach.chat.newConversation")}</h2>
      {conversation.isPending && conversationId ? <Loading /> : null}
      <CoachProblem error={conversation.error} />
      <MessageList conversation={conversation.data} pending={stream.pending} />
      {lastReply ? <SourceNote {...lastReply} /> : null}
      <p className="visually-hidden" role="status">
        {streamStatus(stream.isStreaming, lastReply !== null, t)}
      </p>
      <CoachProblem
        error={stream.error}
        messages={{ conflict: t("coach.chat.conversationFull") }}
      />
      <ChatComposer isStreaming={stream.isStreaming} onSend={send} onStop={stream.stop} />
    </section>
  );
}

/** Returns what the status line announces to screen readers about the reply. */
function streamStatus(isStreaming: boolean, hasReply: boolean, t: TFunction): string {
  if (isStreaming) return t("coach.chat.writing");
  if (hasReply) return t("coach.chat.answered");
  return "";
}

function MessageList(props: {
  conversation: Conversation | undefined;
  pending: PendingExchange | null;
}): React.JSX.Element {
  const { t } = useTranslation();
  const messages = props.conversation?.messages ?? [];
  const { pending } = props;

  if (messages.length === 0 && !pending) {
    return <p className="muted">{t("coach.chat.empty")}</p>;
  }
  return (
    <ol className="messages" aria-label={t("coach.chat.messages")}>
      {messages.map((message) => (
        <ChatMessage key={message.id} role={message.role} content={message.content} />
      ))}
      {pending ? (
        <>
          <ChatMessage role="user" content={pending.message} />
          <ChatMessage role="assistant" content={pending.reply} isStreaming />
          {pending.notes.length > 0 ? (
            <li className="message-notes">
              <Alert tone="info">
                {pending.notes.map((note, index) => (
                  <p key={index}>{note}</p>
                ))}
              </Alert>
            </li>
          ) : null}
        </>
      ) : null}
    </ol>
  );
}

function ChatMessage(props: {
  role: "user" | "assistant";
  content: string;
  isStreaming?: boolean;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <li className={`message message-${props.role}`} aria-busy={props.isStreaming || undefined}>
      <p className="message-author">
        {props.role === "user" ? t("coach.chat.you") : t("coach.chat.coach")}
      </p>
      {/* The user's own text is shown as typed; only the coach's replies are markdown. */}
      {props.role === "user" ? (
        <p className="message-text">{props.content}</p>
      ) : props.content ? (
        <Markdown source={props.content} />
      ) : (
        <p className="muted">{t("coach.chat.writing")}</p>
      )}
    </li>
  );
}

function ChatComposer(props: {
  isStreaming: boolean;
  onSend(message: string): Promise<boolean>;
  onStop(): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const inputId = useId();
  const [draft, setDraft] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);

  async function submit(): Promise<void> {
    const parsed = chatRequestSchema.shape.message.safeParse(draft);
    if (!parsed.success) {
      setFieldError(t("coach.chat.messageRequired"));
      return;
    }
    setFieldError(null);
    const message = parsed.data;
    setDraft("");
    // A failed or stopped message goes back into the box, so nothing typed is lost.
    if (!(await props.onSend(message))) setDraft(message);
  }

  return (
    <form
      className="chat-composer"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div className="field">
        <label htmlFor={inputId}>{t("coach.chat.message")}</label>
        <textarea
          id={inputId}
          rows={3}
          maxLength={CHAT_MESSAGE_MAX_LENGTH}
          value={draft}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={`${inputId}-hint${fieldError ? ` ${inputId}-error` : ""}`}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              if (!props.isStreaming) void submit();
            }
          }}
        />
        <p id={`${inputId}-hint`} className="field-hint">
          {t("coach.chat.messageHint", {
            length: draft.length,
            max: CHAT_MESSAGE_MAX_LENGTH,
          })}
        </p>
        {fieldError ? (
          <p id={`${inputId}-error`} className="field-error">
            {fieldError}
          </p>
        ) : null}
      </div>
      <p className="button-row">
        {props.isStreaming ? (
          <button type="button" className="button" onClick={props.onStop}>
            {t("coach.chat.stop")}
          </button>
        ) : (
          <button type="submit" className="button button-primary">
            {t("coach.chat.send")}
          </button>
        )}
      </p>
    </form>
  );
}
