import { and, desc, eq, lt } from "drizzle-orm";
import type { Logger } from "pino";

import type { Clock } from "../../platform/clock";
import type { Database, Executor } from "../../platform/database";
import { problem } from "../../platform/errors";
import type { RequestContext } from "../../platform/request-context";
import { auditEvents } from "./audit.tables";

export type AuditSeverity = "info" | "warning" | "high";

export interface AuditEventInput {
  event: string;
  userId: string | null;
  context: RequestContext | null;
  severity?: AuditSeverity;
  /** Facts about the event; never secrets, tokens or health values. */
  metadata?: Record<string, unknown>;
}

export interface AuditEventView {
  id: string;
  event: string;
  severity: AuditSeverity;
  ip: string | null;
  userAgent: string | null;
  metadata: Record<string, unknown>;
  createdAt: string;
}

export interface AuditService {
  /** Writes an event; pass the caller's transaction so the record commits with the change. */
  record(executor: Executor, input: AuditEventInput): Promise<void>;
  listForUser(
    userId: string,
    page: { limit: number; cursor?: string },
  ): Promise<{ items: AuditEventView[]; nextCursor: string | null }>;
}

export function createAuditService(deps: {
  db: Database;
  clock: Clock;
  logger: Logger;
}): AuditService {
  const log = deps.logger.child({ component: "audit" });

  return {
    async record(executor, input) {
      const severity = input.severity ?? "info";
      await executor.insert(auditEvents).values({
        userId: input.userId,
        event: input.event,
        severity,
        ip: input.context?.ip ?? null,
        userAgent: input.context?.userAgent ?? null,
        metadata: input.metadata ?? {},
        createdAt: deps.clock.now(),
      });
      if (severity !== "info")
        log.warn({ event: input.event, userId: input.userId, severity }, "security event");
    },

    async listForUser(userId, page) {
      const before = page.cursor === undefined ? null : decodeSequenceCursor(page.cursor);
      if (page.cursor !== undefined && before === null) {
        throw problem("validation-failed", {
          detail: "The cursor is not valid; start again without it.",
          errors: [{ field: "query.cursor", message: "is not a valid cursor" }],
        });
      }

      const rows = await deps.db
        .select()
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.userId, userId),
            before === null ? undefined : lt(auditEvents.sequence, before),
          ),
        )
        .orderBy(desc(auditEvents.sequence))
        .limit(page.limit + 1);

      const items = rows.slice(0, page.limit);
      const last = items.at(-1);
      return {
        items: items.map((row) => ({
          id: row.id,
          event: row.event,
          severity: row.severity,
          ip: row.ip,
          userAgent: row.userAgent,
          metadata: row.metadata,
          createdAt: row.createdAt.toISOString(),
        })),
        nextCursor: rows.length > page.limit && last ? encodeSequenceCursor(last.sequence) : null,
      };
    },
  };
}

function encodeSequenceCursor(sequence: number): string {
  return Buffer.from(`s${sequence}`, "utf8").toString("base64url");
}

function decodeSequenceCursor(text: string): number | null {
  const match = /^s(\d{1,15})$/.exec(Buffer.from(text, "base64url").toString("utf8"));
  return match ? Number(match[1]) : null;
}
