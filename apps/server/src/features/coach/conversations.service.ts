import {
  CONVERSATION_MESSAGES_MAX,
  CONVERSATIONS_MAX,
  type CoachProviderName,
  type Conversation,
} from "@fitcoach/contract";
import { and, asc, count, desc, eq, sql } from "drizzle-orm";

import type { Clock } from "../../platform/clock";
import type { Database } from "../../platform/database";
import { problem } from "../../platform/errors";
import { coachConversations, coachMessages } from "./coach.tables";
import type { ChatTurn } from "./providers/provider";
import { sanitizeModelMarkdown } from "./providers/safe-markdown";

/** Earlier messages sent to the model with each chat request. */
export const HISTORY_MESSAGES_MAX = 20;
const TITLE_MAX_LENGTH = 60;

type ConversationSummary = Omit<Conversation, "messages">;

/** A stored message with who wrote it and when, so callers can decide where it may be sent. */
export interface StoredTurn extends ChatTurn {
  provider: CoachProviderName | null;
  createdAt: Date;
}

export interface ConversationsService {
  list(userId: string): Promise<ConversationSummary[]>;
  get(userId: string, conversationId: string): Promise<Conversation | null>;
  /**
   * Returns the recent turns of a conversation of this user, or none for a new one. Throws 404
   * for another user's or an unknown conversation and 409 when a limit is reached.
   */
  history(userId: string, conversationId: string | undefined): Promise<StoredTurn[]>;
  /** Stores one exchange and returns the conversation id, creating the conversation if needed. */
  append(
    userId: string,
    conversationId: string | undefined,
    exchange: { message: string; reply: string; provider: CoachProviderName },
  ): Promise<string>;
  remove(userId: string, conversationId: string): Promise<boolean>;
  clear(userId: string): Promise<number>;
}

function toSummary(row: typeof coachConversations.$inferSelect): ConversationSummary {
  return {
    id: row.id,
    title: row.title,
    messageCount: row.messageCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function titleOf(message: string): string {
  const line = message.replace(/\s+/g, " ").trim();
  return line.length > TITLE_MAX_LENGTH ? `${line.slice(0, TITLE_MAX_LENGTH - 1)}…` : line;
}

export function createConversationsService(deps: {
  db: Database;
  clock: Clock;
}): ConversationsService {
  const { db, clock } = deps;

  async function find(userId: string, conversationId: string) {
    const rows = await db
      .select()
      .from(coachConversations)
      .where(and(eq(coachConversations.id, conversationId), eq(coachConversations.userId, userId)));
    return rows[0] ?? null;
  }

  return {
    async list(userId) {
      const rows = await db
        .select()
        .from(coachConversations)
        .where(eq(coachConversations.userId, userId))
        .orderBy(desc(coachConversations.updatedAt));
      return rows.map(toSummary);
    },

    async get(userId, conversationId) {
      const row = await find(userId, conversationId);
      if (!row) return null;
      const messages = await db
        .select()
        .from(coachMessages)
        .where(and(eq(coachMessages.conversationId, row.id), eq(coachMessages.userId, userId)))
        .orderBy(asc(coachMessages.sequence));
      return {
        ...toSummary(row),
        messages: messages.map((message) => ({
          id: message.id,
          role: message.role,
          // Replies stored before the sanitiser covered links are cleaned again on the way out.
          content:
            message.role === "assistant" ? sanitizeModelMarkdown(message.content) : message.content,
          provider: message.provider,
          createdAt: message.createdAt.toISOString(),
        })),
      };
    },

    async history(userId, conversationId) {
      if (conversationId === undefined) {
        const [row] = await db
          .select({ total: count() })
          .from(coachConversations)
          .where(eq(coachConversations.userId, userId));
        if ((row?.total ?? 0) >= CONVERSATIONS_MAX) {
          throw problem("conflict", {
            detail: `You have ${CONVERSATIONS_MAX} conversations, the most the coach keeps; delete one to start another.`,
          });
        }
        return [];
      }

      const conversation = await find(userId, conversationId);
      if (!conversation) {
        throw problem("not-found", {
          detail: `No conversation ${conversationId} for this account.`,
        });
      }
      if (conversation.messageCount + 2 > CONVERSATION_MESSAGES_MAX) {
        throw problem("conflict", {
          detail: `This conversation has reached ${CONVERSATION_MESSAGES_MAX} messages; start a new one.`,
        });
      }
      const rows = await db
        .select({
          role: coachMessages.role,
          content: coachMessages.content,
          provider: coachMessages.provider,
          createdAt: coachMessages.createdAt,
        })
        .from(coachMessages)
        .where(
          and(eq(coachMessages.conversationId, conversationId), eq(coachMessages.userId, userId)),
        )
        .orderBy(desc(coachMessages.sequence))
        .limit(HISTORY_MESSAGES_MAX);
      return rows.reverse();
    },

    async append(userId, conversationId, exchange) {
      const now = clock.now();
      return db.transaction(async (tx) => {
        let id = conversationId;
        if (id === undefined) {
          const [created] = await tx
            .insert(coachConversations)
            .values({ userId, title: titleOf(exchange.message), createdAt: now, updatedAt: now })
            .returning({ id: coachConversations.id });
          id = created!.id;
        }
        await tx.insert(coachMessages).values([
          { conversationId: id, userId, role: "user", content: exchange.message, createdAt: now },
          {
            conversationId: id,
            userId,
            role: "assistant",
            content: exchange.reply,
            provider: exchange.provider,
            createdAt: now,
          },
        ]);
        await tx
          .update(coachConversations)
          .set({ messageCount: sql`${coachConversations.messageCount} + 2`, updatedAt: now })
          .where(and(eq(coachConversations.id, id), eq(coachConversations.userId, userId)));
        return id;
      });
    },

    async remove(userId, conversationId) {
      const deleted = await db
        .delete(coachConversations)
        .where(
          and(eq(coachConversations.id, conversationId), eq(coachConversations.userId, userId)),
        )
        .returning({ id: coachConversations.id });
      return deleted.length > 0;
    },

    async clear(userId) {
      const deleted = await db
        .delete(coachConversations)
        .where(eq(coachConversations.userId, userId))
        .returning({ id: coachConversations.id });
      return deleted.length;
    },
  };
}
