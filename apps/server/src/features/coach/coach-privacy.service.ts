import type { CoachArea, CoachAreas, Consent, ProviderCall } from "@fitcoach/contract";
import { and, desc, eq, gte, lt, sum } from "drizzle-orm";

import type { Clock } from "../../platform/clock";
import type { CoachConfig } from "../../platform/config";
import type { Database } from "../../platform/database";
import { problem } from "../../platform/errors";
import { callCostMicroUsd } from "../../platform/price-table";
import type { AuditService } from "../audit/audit.service";
import type { RequestContext } from "../../platform/request-context";
import { coachCalls, coachConsents } from "./coach.tables";
import type { CoachProvider, TokenUsage } from "./providers/provider";

export const NO_AREAS: CoachAreas = {
  meals: false,
  workouts: false,
  sleep: false,
  mood: false,
  weight: false,
  notes: false,
};

/** One provider call for the ledger. */
export interface CallRecord {
  agent: ProviderCall["agent"];
  model: string;
  areas: CoachArea[];
  usage: TokenUsage;
  outcome: ProviderCall["outcome"];
  durationMs: number;
}

export interface CoachPrivacyService {
  /** Returns the areas the user allows to be sent; none until the user chooses. */
  areas(userId: string): Promise<CoachAreas>;
  getConsent(userId: string): Promise<Consent>;
  setConsent(userId: string, areas: CoachAreas, context: RequestContext): Promise<Consent>;
  recordCall(userId: string, call: CallRecord): Promise<void>;
  listCalls(
    userId: string,
    page: { limit: number; cursor?: string },
  ): Promise<{ items: ProviderCall[]; nextCursor: string | null }>;
  /** Cost in micro-dollars since the start of the current UTC day; all users when userId is null. */
  spentToday(userId: string | null): Promise<number>;
}

export function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

function encodeCursor(sequence: number): string {
  return Buffer.from(`c${sequence}`, "utf8").toString("base64url");
}

function decodeCursor(text: string): number | null {
  const match = /^c(\d{1,15})$/.exec(Buffer.from(text, "base64url").toString("utf8"));
  return match ? Number(match[1]) : null;
}

export function createCoachPrivacyService(deps: {
  db: Database;
  clock: Clock;
  config: CoachConfig;
  provider: CoachProvider;
  audit: AuditService;
}): CoachPrivacyService {
  const { db, clock, config, provider } = deps;

  async function load(userId: string): Promise<{ areas: CoachAreas; updatedAt: Date | null }> {
    const rows = await db.select().from(coachConsents).where(eq(coachConsents.userId, userId));
    const row = rows[0];
    if (!row) return { areas: NO_AREAS, updatedAt: null };
    const { userId: _userId, updatedAt, ...areas } = row;
    return { areas, updatedAt };
  }

  function toConsent(areas: CoachAreas, updatedAt: Date | null): Consent {
    return {
      areas,
      updatedAt: updatedAt?.toISOString() ?? null,
      provider: provider.name,
      model: provider.model,
      isExternal: provider.isExternal,
    };
  }

  return {
    async areas(userId) {
      return (await load(userId)).areas;
    },

    async getConsent(userId) {
      const { areas, updatedAt } = await load(userId);
      return toConsent(areas, updatedAt);
    },

    async setConsent(userId, areas, context) {
      const now = clock.now();
      await db.transaction(async (tx) => {
        await tx
          .insert(coachConsents)
          .values({ userId, ...areas, updatedAt: now })
          .onConflictDoUpdate({ target: coachConsents.userId, set: { ...areas, updatedAt: now } });
        await deps.audit.record(tx, {
          event: "coach.consent.changed",
          userId,
          context,
          metadata: { areas: (Object.keys(areas) as CoachArea[]).filter((area) => areas[area]) },
        });
      });
      return toConsent(areas, now);
    },

    async recordCall(userId, call) {
      const price = config.prices.get(call.model);
      await db.insert(coachCalls).values({
        userId,
        agent: call.agent,
        provider: provider.name,
        model: call.model,
        areas: call.areas,
        inputTokens: call.usage.inputTokens,
        outputTokens: call.usage.outputTokens,
        // Config validation requires a price for every configured model.
        costMicroUsd: price ? callCostMicroUsd(price, call.usage) : 0,
        outcome: call.outcome,
        durationMs: call.durationMs,
        createdAt: clock.now(),
      });
    },

    async listCalls(userId, page) {
      const before = page.cursor === undefined ? null : decodeCursor(page.cursor);
      if (page.cursor !== undefined && before === null) {
        throw problem("validation-failed", {
          detail: "The cursor is not valid; start again without it.",
          errors: [{ field: "query.cursor", message: "is not a valid cursor" }],
        });
      }

      const rows = await db
        .select()
        .from(coachCalls)
        .where(
          and(
            eq(coachCalls.userId, userId),
            before === null ? undefined : lt(coachCalls.sequence, before),
          ),
        )
        .orderBy(desc(coachCalls.sequence))
        .limit(page.limit + 1);

      const items = rows.slice(0, page.limit);
      const last = items.at(-1);
      return {
        items: items.map((row) => ({
          id: row.id,
          createdAt: row.createdAt.toISOString(),
          agent: row.agent,
          provider: row.provider,
          model: row.model,
          areas: row.areas as CoachArea[],
          inputTokens: row.inputTokens,
          outputTokens: row.outputTokens,
          costUsd: row.costMicroUsd / 1_000_000,
          outcome: row.outcome,
          durationMs: row.durationMs,
        })),
        nextCursor: rows.length > page.limit && last ? encodeCursor(last.sequence) : null,
      };
    },

    async spentToday(userId) {
      const since = gte(coachCalls.createdAt, startOfUtcDay(clock.now()));
      const rows = await db
        .select({ total: sum(coachCalls.costMicroUsd) })
        .from(coachCalls)
        .where(userId === null ? since : and(eq(coachCalls.userId, userId), since));
      return Number(rows[0]?.total ?? 0);
    },
  };
}
