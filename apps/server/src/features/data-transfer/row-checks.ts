import { z } from "zod";
import {
  appPathSchema,
  mealPlanSchema,
  prescribedExerciseSchema,
  REMINDER_KINDS,
  timeOfDaySchema,
  weekdaysSchema,
} from "@fitcoach/contract";

import { ImportError } from "./import-error";

/**
 * Checks of imported rows beyond their column types. Background jobs read these rows for every
 * user (the reminder planner, the meal plan prefill), so a value the API would never store must
 * be rejected here rather than break a job later.
 */
export type RowCheck = (values: Record<string, unknown>, where: string) => void;

function checkWith(schema: z.ZodType): RowCheck {
  return (values, where) => {
    const parsed = schema.safeParse(values);
    if (parsed.success) return;
    const issue = parsed.error.issues[0]!;
    const path = issue.path
      .map((key) => (typeof key === "number" ? `[${key}]` : `.${String(key)}`))
      .join("");
    throw new ImportError(`${where}${path} ${issue.message}.`);
  };
}

const optionalTime = timeOfDaySchema.nullish();

export const checkReminderRule = checkWith(
  z
    .object({
      kind: z.enum(REMINDER_KINDS),
      weekdays: weekdaysSchema,
      time: optionalTime,
      startTime: optionalTime,
      endTime: optionalTime,
      intervalMinutes: z.number().int().min(5).max(1440).nullish(),
      mealType: z.string().nullish(),
    })
    .superRefine((rule, context) => {
      const required =
        rule.kind === "water"
          ? (["startTime", "endTime", "intervalMinutes"] as const)
          : rule.kind === "meal"
            ? (["time", "mealType"] as const)
            : (["time"] as const);
      for (const field of required) {
        if (rule[field] === null || rule[field] === undefined) {
          context.addIssue({
            code: "custom",
            path: [field],
            message: `is missing for a ${rule.kind} rule`,
          });
        }
      }
    }),
);

export const checkReminderSettings = checkWith(
  z.object({ quietStart: timeOfDaySchema.optional(), quietEnd: timeOfDaySchema.optional() }),
);

/** Notification links open inside the app, so only paths on this origin are accepted. */
export const checkNotification = checkWith(
  z.object({
    url: appPathSchema.nullish(),
  }),
);

export const checkMealPlan = checkWith(
  z.object({ plan: mealPlanSchema.pick({ targets: true, days: true, rule: true }) }),
);

export const checkProgram = checkWith(
  z.object({
    schedule: z.array(
      z.object({
        week: z.number().int(),
        isDeload: z.boolean(),
        sessions: z.array(
          z.object({
            session: z.number().int(),
            name: z.string(),
            exercises: z.array(prescribedExerciseSchema.omit({ logged: true })),
          }),
        ),
      }),
    ),
  }),
);
