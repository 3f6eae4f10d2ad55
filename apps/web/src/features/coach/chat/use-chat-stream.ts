import { useCallback, useEffect, useRef, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import type { ChatReply } from "@fitcoach/contract";

import { coachKeys } from "../coach-queries";
import { useCoachApi } from "../use-coach-api";

/** The exchange on screen while the coach writes: the message sent and the reply so far. */
export interface PendingExchange {
  message: string;
  reply: string;
  notes: string[];
}

export interface ChatStream {
  pending: PendingExchange | null;
  error: unknown;
  isStreaming: boolean;
  /** Sends a message and resolves to the stored reply, or null when it failed or was stopped. */
  send(message: string, conversationId: string | undefined): Promise<ChatReply | null>;
  stop(): void;
}

/**
 * Streams a chat reply and, once it is done, loads the conversation as stored, so the screen can
 * swap the streamed text for the stored one without a gap. Leaving the screen stops the stream.
 */
export function useChatStream(): ChatStream {
  const coachApi = useCoachApi();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<PendingExchange | null>(null);
  const [error, setError] = useState<unknown>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const send = useCallback(
    async (message: string, conversationId: string | undefined): Promise<ChatReply | null> => {
      const current = new AbortController();
      controller.current = current;
      setError(null);
      setPending({ message, reply: "", notes: [] });

      try {
        let reply: ChatReply | null = null;
        for await (const event of coachApi.chatStream(
          { message, conversationId },
          current.signal,
        )) {
          if (event.type === "delta") {
            setPending(
              (exchange) => exchange && { ...exchange, reply: exchange.reply + event.text },
            );
          } else if (event.type === "note") {
            setPending(
              (exchange) => exchange && { ...exchange, notes: [...exchange.notes, event.text] },
            );
          } else {
            reply = event.reply;
          }
        }
        if (!reply) return null;

        await queryClient.fetchQuery({
          queryKey: coachKeys.conversation(reply.conversationId),
          queryFn: () => coachApi.getConversation(reply.conversationId),
          staleTime: 0,
        });
        void queryClient.invalidateQueries({ queryKey: coachKeys.conversations, exact: true });
        setPending(null);
        return reply;
      } catch (caught) {
        if (!current.signal.aborted) setError(caught);
        setPending(null);
        return null;
      } finally {
        if (controller.current === current) controller.current = null;
      }
    },
    [coachApi, queryClient],
  );

  const stop = useCallback(() => controller.current?.abort(), []);

  return { pending, error, isStreaming: pending !== null, send, stop };
}
