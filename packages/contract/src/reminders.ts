import { z } from "zod";

export const REMINDER_KINDS = [
  "water",
  "meal",
  "workout",
  "bedtime",
  "weigh-in",
  "daily-log",
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Destination of a reminder besides the in-app list, which receives every reminder. */
export const REMINDER_CHANNELS = ["push", "email", "in-app"] as const;
export type ReminderChannel = (typeof REMINDER_CHANNELS)[number];

export const REMINDER_MEAL_TYPES = ["breakfast", "lunch", "dinner", "snack"] as const;

export const REMINDER_RULES_MAX = 30;
export const WATER_INTERVAL_MIN_MINUTES = 30;
export const WATER_INTERVAL_MAX_MINUTES = 720;
export const DAILY_LOG_DEFAULT_TIME = "21:00";
export const QUIET_HOURS_DEFAULT = { start: "22:00", end: "07:00" } as const;
/** ISO weekdays, 1 for Monday to 7 for Sunday. */
export const ALL_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Wall-clock time in the user's time zone, such as 21:00. */
export const timeOfDaySchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "must be a time as HH:MM, from 00:00 to 23:59" });

export const weekdaysSchema = z
  .array(z.number().int().min(1).max(7), { error: "must be a list of ISO weekdays (1 to 7)" })
  .min(1, { error: "must contain at least one weekday" })
  .max(7)
  .refine((days) => new Set(days).size === days.length, { error: "must not repeat a weekday" })
  .transform((days) => [...days].sort((left, right) => left - right));

const channelSchema = z.enum(REMINDER_CHANNELS);
const intervalSchema = z
  .number()
  .int()
  .min(WATER_INTERVAL_MIN_MINUTES)
  .max(WATER_INTERVAL_MAX_MINUTES)
  .refine((minutes) => minutes % 5 === 0, { error: "must be a multiple of 5 minutes" });

const commonFields = {
  enabled: z.boolean().default(true),
  channel: channelSchema.default("in-app"),
  weekdays: weekdaysSchema.default([...ALL_WEEKDAYS]),
};

const waterRuleFields = z.strictObject({
  kind: z.literal("water"),
  ...commonFields,
  startTime: timeOfDaySchema,
  endTime: timeOfDaySchema,
  intervalMinutes: intervalSchema,
});

/** A new reminder rule; which fields it takes depends on its kind. */
export const reminderRuleCreateSchema = z.discriminatedUnion("kind", [
  waterRuleFields.refine((rule) => rule.startTime < rule.endTime, {
    error: "must be later than startTime",
    path: ["endTime"],
  }),
  z.strictObject({
    kind: z.literal("meal"),
    ...commonFields,
    mealType: z.enum(REMINDER_MEAL_TYPES),
    time: timeOfDaySchema,
  }),
  z.strictObject({
    kind: z.literal("workout"),
    ...commonFields,
    weekdays: weekdaysSchema,
    time: timeOfDaySchema,
  }),
  z.strictObject({ kind: z.literal("bedtime"), ...commonFields, time: timeOfDaySchema }),
  z.strictObject({ kind: z.literal("weigh-in"), ...commonFields, time: timeOfDaySchema }),
  z.strictObject({
    kind: z.literal("daily-log"),
    ...commonFields,
    time: timeOfDaySchema.default(DAILY_LOG_DEFAULT_TIME),
  }),
]);
export type ReminderRuleCreate = z.infer<typeof reminderRuleCreateSchema>;

/**
 * Changes to a rule. The kind cannot change; the server checks the changed rule against its
 * kind's fields, so a water rule rejects `mealType`.
 */
export const reminderRulePatchSchema = z
  .strictObject({
    enabled: z.boolean(),
    channel: channelSchema,
    weekdays: weekdaysSchema,
    time: timeOfDaySchema,
    startTime: timeOfDaySchema,
    endTime: timeOfDaySchema,
    intervalMinutes: intervalSchema,
    mealType: z.enum(REMINDER_MEAL_TYPES),
  })
  .partial();
export type ReminderRulePatch = z.infer<typeof reminderRulePatchSchema>;

export const reminderRuleSchema = z.object({
  id: z.string(),
  kind: z.enum(REMINDER_KINDS),
  enabled: z.boolean(),
  channel: channelSchema,
  weekdays: z.array(z.number().int()),
  time: z.string().nullable(),
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  intervalMinutes: z.number().int().nullable(),
  mealType: z.enum(REMINDER_MEAL_TYPES).nullable(),
  /** The next time this rule will fire (UTC, ISO 8601), or null when it is off. */
  nextAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ReminderRule = z.infer<typeof reminderRuleSchema>;

export const reminderRuleListSchema = z.object({ items: z.array(reminderRuleSchema) });

export const quietHoursSchema = z
  .strictObject({ enabled: z.boolean(), start: timeOfDaySchema, end: timeOfDaySchema })
  .refine((hours) => hours.start !== hours.end, {
    error: "must differ from start; turn quiet hours off instead",
    path: ["end"],
  });

export const reminderSettingsSchema = z.object({
  quietHours: z.object({ enabled: z.boolean(), start: z.string(), end: z.string() }),
  weeklySummary: z.boolean(),
  version: z.number().int(),
});
export type ReminderSettings = z.infer<typeof reminderSettingsSchema>;

export const reminderSettingsPatchSchema = z
  .strictObject({ quietHours: quietHoursSchema, weeklySummary: z.boolean() })
  .partial();
export type ReminderSettingsPatch = z.infer<typeof reminderSettingsPatchSchema>;
