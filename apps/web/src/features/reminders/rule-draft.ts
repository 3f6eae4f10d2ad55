import type { TFunction } from "i18next";
import {
  ALL_WEEKDAYS,
  DAILY_LOG_DEFAULT_TIME,
  reminderRuleCreateSchema,
  reminderRulePatchSchema,
} from "@fitcoach/contract";
import type {
  ReminderChannel,
  ReminderKind,
  ReminderRule,
  ReminderRuleCreate,
  ReminderRulePatch,
} from "@fitcoach/contract";

import type { FieldErrors } from "../../forms/validation";

type MealType = NonNullable<ReminderRule["mealType"]>;

/** A rule's form values; every kind's fields are kept so switching kinds loses nothing. */
export interface RuleDraft {
  kind: ReminderKind;
  enabled: boolean;
  channel: ReminderChannel;
  weekdays: number[];
  time: string;
  startTime: string;
  endTime: string;
  intervalMinutes: string;
  mealType: MealType;
}

/** Time a new rule of each kind starts with; the daily log uses the API's own default. */
const DEFAULT_TIMES: Record<ReminderKind, string> = {
  water: "09:00",
  meal: "08:00",
  workout: "18:00",
  bedtime: "22:30",
  "weigh-in": "07:30",
  "daily-log": DAILY_LOG_DEFAULT_TIME,
};

/** Builds the starting values of a new rule of `kind`. */
export function newRuleDraft(kind: ReminderKind): RuleDraft {
  return {
    kind,
    enabled: true,
    channel: "in-app",
    weekdays: kind === "workout" ? [1, 3, 5] : kind === "weigh-in" ? [1] : [...ALL_WEEKDAYS],
    time: DEFAULT_TIMES[kind],
    startTime: "09:00",
    endTime: "21:00",
    intervalMinutes: "120",
    mealType: "breakfast",
  };
}

/** Builds the form values of a saved rule. */
export function draftFromRule(rule: ReminderRule): RuleDraft {
  const defaults = newRuleDraft(rule.kind);
  return {
    kind: rule.kind,
    enabled: rule.enabled,
    channel: rule.channel,
    weekdays: rule.weekdays,
    time: rule.time ?? defaults.time,
    startTime: rule.startTime ?? defaults.startTime,
    endTime: rule.endTime ?? defaults.endTime,
    intervalMinutes: String(rule.intervalMinutes ?? defaults.intervalMinutes),
    mealType: rule.mealType ?? defaults.mealType,
  };
}

/** Returns the fields a rule of this kind takes besides enabled, channel and weekdays. */
function kindFields(draft: RuleDraft): Record<string, unknown> {
  switch (draft.kind) {
    case "water":
      return {
        startTime: draft.startTime,
        endTime: draft.endTime,
        intervalMinutes: Number(draft.intervalMinutes),
      };
    case "meal":
      return { mealType: draft.mealType, time: draft.time };
    default:
      return { time: draft.time };
  }
}

export type DraftResult<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** Validates a new rule with the contract schema and returns the body for POST. */
export function toCreateBody(draft: RuleDraft, t: TFunction): DraftResult<ReminderRuleCreate> {
  const body = {
    kind: draft.kind,
    enabled: draft.enabled,
    channel: draft.channel,
    weekdays: draft.weekdays,
    ...kindFields(draft),
  };
  const parsed = reminderRuleCreateSchema.safeParse(body);
  if (!parsed.success) return { ok: false, errors: ruleErrors(parsed.error.issues, t) };
  return { ok: true, value: parsed.data };
}

/** Validates changes to a saved rule and returns the body for PATCH; the kind stays as it is. */
export function toPatchBody(draft: RuleDraft, t: TFunction): DraftResult<ReminderRulePatch> {
  const body = {
    enabled: draft.enabled,
    channel: draft.channel,
    weekdays: draft.weekdays,
    ...kindFields(draft),
  };
  const parsed = reminderRulePatchSchema.safeParse(body);
  if (!parsed.success) return { ok: false, errors: ruleErrors(parsed.error.issues, t) };
  // The patch schema cannot see both times at once for a partial change, so the order is checked here.
  if (draft.kind === "water" && draft.startTime >= draft.endTime) {
    return { ok: false, errors: { endTime: t("reminders.errors.endBeforeStart") } };
  }
  return { ok: true, value: parsed.data };
}

function ruleErrors(issues: { path: PropertyKey[]; code: string }[], t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "");
    errors[field] ??= ruleErrorMessage(field, t);
  }
  return errors;
}

function ruleErrorMessage(field: string, t: TFunction): string {
  switch (field) {
    case "endTime":
      return t("reminders.errors.endBeforeStart");
    case "weekdays":
      return t("reminders.errors.weekdays");
    case "intervalMinutes":
      return t("reminders.errors.interval");
    case "time":
    case "startTime":
      return t("reminders.errors.time");
    default:
      return t("validation.invalid");
  }
}
