import { reminderRuleCreateSchema } from "@fitcoach/contract";
import type { ReminderRule, ReminderRuleCreate, ReminderRulePatch } from "@fitcoach/contract";

import { problem } from "../../platform/errors";
import type { AuthenticatedUser } from "../auth/sessions.service";
import type { reminderRules } from "./reminders.tables";
import type { ReminderRuleRow } from "./reminders.tables";

/** The signed-in user, as far as rule changes depend on them. */
export type Caller = Pick<AuthenticatedUser, "userId" | "emailVerified">;

/** Rejects email as a channel until the user's address is verified. */
export function assertChannelAllowed(caller: Caller, channel: string): void {
  if (channel !== "email" || caller.emailVerified) return;
  throw problem("email-not-verified", {
    detail: "Confirm your email address before you choose email reminders.",
  });
}

/**
 * Applies a patch to a stored rule and checks the result against the rule kind's schema, so a
 * patch cannot give a rule fields of another kind or an empty water window.
 */
export function mergeRule(current: ReminderRuleRow, patch: ReminderRulePatch): ReminderRuleCreate {
  const stored = Object.fromEntries(
    Object.entries({
      kind: current.kind,
      enabled: current.enabled,
      channel: current.channel,
      weekdays: current.weekdays,
      time: current.time,
      startTime: current.startTime,
      endTime: current.endTime,
      intervalMinutes: current.intervalMinutes,
      mealType: current.mealType,
    }).filter(([, value]) => value !== null),
  );
  const parsed = reminderRuleCreateSchema.safeParse({ ...stored, ...patch });
  if (parsed.success) return parsed.data;

  const errors = parsed.error.issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        field: key,
        message: `is not an accepted field for a ${current.kind} reminder`,
      }));
    }
    return [{ field: issue.path.join(".") || "body", message: issue.message }];
  });
  throw problem("validation-failed", {
    detail: `The changed ${current.kind} reminder is invalid.`,
    errors,
  });
}

/** Returns the table columns of a rule, with null in the fields that other kinds use. */
export function ruleColumns(
  rule: ReminderRuleCreate,
): Omit<
  typeof reminderRules.$inferInsert,
  "id" | "userId" | "scheduleChangedAt" | "createdAt" | "updatedAt"
> {
  return {
    kind: rule.kind,
    enabled: rule.enabled,
    channel: rule.channel,
    weekdays: rule.weekdays,
    time: "time" in rule ? rule.time : null,
    startTime: rule.kind === "water" ? rule.startTime : null,
    endTime: rule.kind === "water" ? rule.endTime : null,
    intervalMinutes: rule.kind === "water" ? rule.intervalMinutes : null,
    mealType: rule.kind === "meal" ? rule.mealType : null,
  };
}

export function toRuleView(row: ReminderRuleRow, nextAt: Date | null): ReminderRule {
  return {
    id: row.id,
    kind: row.kind,
    enabled: row.enabled,
    channel: row.channel,
    weekdays: row.weekdays,
    time: row.time,
    startTime: row.startTime,
    endTime: row.endTime,
    intervalMinutes: row.intervalMinutes,
    mealType: row.mealType,
    nextAt: nextAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
