import { and, eq, lt, sql } from "drizzle-orm";

import type { Executor } from "../../platform/database";
import { reminderDeliveries } from "./reminders.tables";
import type { DeliveryStatus, ReminderDeliveryRow } from "./reminders.tables";

export interface DeliveryClaim {
  userId: string;
  ruleId: string | null;
  sourceKey: string;
  kind: string;
  channel: "push" | "email" | "in-app";
  slotAt: Date;
  now: Date;
}

/**
 * Claims the right to deliver one reminder, in one statement: a new row is inserted as `sending`,
 * or an existing row waiting for a retry moves back to `sending`. Returns null when the reminder
 * was already sent, skipped or given up. It also returns null when an earlier attempt stopped
 * mid-send, because sending again could deliver the reminder twice.
 */
export async function claimDelivery(
  executor: Executor,
  claim: DeliveryClaim,
): Promise<ReminderDeliveryRow | null> {
  const rows = await executor
    .insert(reminderDeliveries)
    .values({
      userId: claim.userId,
      ruleId: claim.ruleId,
      sourceKey: claim.sourceKey,
      kind: claim.kind,
      channel: claim.channel,
      status: "sending",
      slotAt: claim.slotAt,
      createdAt: claim.now,
      updatedAt: claim.now,
    })
    .onConflictDoUpdate({
      target: [reminderDeliveries.userId, reminderDeliveries.sourceKey],
      set: { status: "sending", updatedAt: claim.now },
      setWhere: sql`${reminderDeliveries.status} = 'retry'`,
    })
    .returning();
  return rows[0] ?? null;
}

export async function finishDelivery(
  executor: Executor,
  deliveryId: string,
  outcome: {
    status: Exclude<DeliveryStatus, "sending">;
    now: Date;
    reason?: string;
    pushedSubscriptionIds?: string[];
  },
): Promise<void> {
  await executor
    .update(reminderDeliveries)
    .set({
      status: outcome.status,
      reason: outcome.reason ?? null,
      updatedAt: outcome.now,
      sentAt: outcome.status === "sent" ? outcome.now : null,
      ...(outcome.pushedSubscriptionIds
        ? { pushedSubscriptionIds: outcome.pushedSubscriptionIds }
        : {}),
    })
    .where(and(eq(reminderDeliveries.id, deliveryId), eq(reminderDeliveries.status, "sending")));
}

/** Deletes delivery records created before a time; returns how many. */
export async function purgeDeliveries(executor: Executor, before: Date): Promise<number> {
  const rows = await executor
    .delete(reminderDeliveries)
    .where(lt(reminderDeliveries.createdAt, before))
    .returning({ id: reminderDeliveries.id });
  return rows.length;
}
