import { and, count, desc, eq, isNull, lt, sql } from "drizzle-orm";
import type { Notification, NotificationPage } from "@fitcoach/contract";

import type { Clock } from "../../platform/clock";
import type { Database, Executor } from "../../platform/database";
import { problem } from "../../platform/errors";
import { isPlausibleInstant, isUuid } from "../../platform/page-cursor";
import { notifications } from "./notifications.tables";
import type { NotificationRow } from "./notifications.tables";

export interface NewNotification {
  kind: string;
  title: string;
  body: string;
  url: string | null;
  /** Makes the insert idempotent: a second notification with the same key is not added. */
  sourceKey?: string;
}

export interface NotificationsService {
  /** Adds a notification in the caller's transaction; returns its id, or the existing one's. */
  create(executor: Executor, userId: string, input: NewNotification): Promise<string>;
  list(userId: string, page: { limit: number; cursor?: string }): Promise<NotificationPage>;
  unreadCount(userId: string): Promise<number>;
  markRead(userId: string, notificationId: string): Promise<boolean>;
  markAllRead(userId: string): Promise<number>;
  remove(userId: string, notificationId: string): Promise<boolean>;
  /** Deletes notifications created before a time, for every user; returns how many. */
  purgeCreatedBefore(before: Date): Promise<number>;
}

// Unread entries sort first, then newest first. The cursor contains the last entry's sort key.
const unreadRank = sql<number>`(case when ${notifications.readAt} is null then 0 else 1 end)`;

interface Cursor {
  rank: number;
  createdAt: Date;
  id: string;
}

export function createNotificationsService(deps: {
  db: Database;
  clock: Clock;
}): NotificationsService {
  async function unreadCount(userId: string): Promise<number> {
    const rows = await deps.db
      .select({ total: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
    return rows[0]?.total ?? 0;
  }

  return {
    async create(executor, userId, input) {
      const inserted = await executor
        .insert(notifications)
        .values({ userId, ...input, createdAt: deps.clock.now() })
        .onConflictDoNothing({ target: [notifications.userId, notifications.sourceKey] })
        .returning({ id: notifications.id });
      if (inserted[0]) return inserted[0].id;

      const existing = await executor
        .select({ id: notifications.id })
        .from(notifications)
        .where(
          and(eq(notifications.userId, userId), eq(notifications.sourceKey, input.sourceKey ?? "")),
        )
        .limit(1);
      return existing[0]!.id;
    },

    async list(userId, page) {
      const cursor = page.cursor ? decodeCursor(page.cursor) : null;
      const after = cursor
        ? sql`(${unreadRank} > ${cursor.rank} or (${unreadRank} = ${cursor.rank} and
            (${notifications.createdAt} < ${cursor.createdAt} or
              (${notifications.createdAt} = ${cursor.createdAt} and ${notifications.id} < ${cursor.id}))))`
        : undefined;
      const rows = await deps.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, userId), after))
        .orderBy(unreadRank, desc(notifications.createdAt), desc(notifications.id))
        .limit(page.limit + 1);

      const items = rows.slice(0, page.limit);
      const last = items.at(-1);
      return {
        items: items.map(toNotification),
        nextCursor: rows.length > page.limit && last ? encodeCursor(last) : null,
        unreadCount: await unreadCount(userId),
      };
    },

    unreadCount,

    async markRead(userId, notificationId) {
      const rows = await deps.db
        .update(notifications)
        .set({ readAt: sql`coalesce(${notifications.readAt}, ${deps.clock.now()})` })
        .where(and(eq(notifications.id, notificationId), eq(notifications.userId, userId)))
        .returning({ id: notifications.id });
      return rows.length > 0;
    },

    async markAllRead(userId) {
      const rows = await deps.db
        .update(notifications)
        .set({ readAt: deps.clock.now() })
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
        .returning({ id: notifications.id });
      return rows.length;
    },

    async remove(userId, notificationId) {
      const rows = await deps.db
        .delete(notifications)
        .where(and(eq(notifications.id, notificationId), eq(notifications.userId, userId)))
        .returning({ id: notifications.id });
      return rows.length > 0;
    },

    async purgeCreatedBefore(before) {
      const rows = await deps.db
        .delete(notifications)
        .where(lt(notifications.createdAt, before))
        .returning({ id: notifications.id });
      return rows.length;
    },
  };
}

function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    url: row.url,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

function encodeCursor(row: NotificationRow): string {
  const rank = row.readAt === null ? 0 : 1;
  return Buffer.from(JSON.stringify([rank, row.createdAt.toISOString(), row.id])).toString(
    "base64url",
  );
}

function decodeCursor(text: string): Cursor {
  try {
    const [rank, createdAt, id] = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as [
      unknown,
      unknown,
      unknown,
    ];
    const date = new Date(String(createdAt));
    const isValid = (rank === 0 || rank === 1) && isPlausibleInstant(date) && isUuid(id);
    if (isValid) return { rank, createdAt: date, id };
  } catch {
    // Falls through to the validation problem below.
  }
  throw problem("validation-failed", {
    detail: "The cursor is invalid; use the nextCursor of the previous page.",
    errors: [{ field: "query.cursor", message: "is not a cursor this API returned" }],
  });
}
