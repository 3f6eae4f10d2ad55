import { z } from "zod";

import { idSchema, localDateSchema } from "./common";
import { multiLineText, singleLineText } from "./text";

/** Data areas a user may allow the coach to send to an external model; all start as not allowed. */
export const COACH_AREAS = ["meals", "workouts", "sleep", "mood", "weight", "notes"] as const;
export type CoachArea = (typeof COACH_AREAS)[number];

export const COACH_PROVIDERS = ["builtin", "openai", "gemini"] as const;
export type CoachProviderName = (typeof COACH_PROVIDERS)[number];

export const BODY_GOALS = ["lose", "keep", "gain"] as const;
export type BodyGoal = (typeof BODY_GOALS)[number];

export const CHAT_MESSAGE_MAX_LENGTH = 4000;
/** Conversations a user keeps; starting one more needs an old one deleted first. */
export const CONVERSATIONS_MAX = 50;
/** Messages (both sides) one conversation keeps; a longer talk continues in a new one. */
export const CONVERSATION_MESSAGES_MAX = 200;

export const PROGRAM_WEEKS_MAX = 12;
export const PROGRAM_DAYS_PER_WEEK_MAX = 6;
export const MEAL_PLAN_DAYS = 7;
/** Largest relative gap between a meal-plan day and its target for kcal, protein, carbs and fat. */
export const MEAL_PLAN_TOLERANCE_PERCENT = 5;

const weightKgSchema = z.number().min(25).max(400);

// ---- Targets ----

export const targetsQuerySchema = z.strictObject({
  weightKg: z.coerce
    .number({ error: "must be a number" })
    .min(25, { error: "must be at least 25" })
    .max(400, { error: "must be at most 400" })
    .optional(),
  goal: z.enum(BODY_GOALS).optional(),
});
export type TargetsQuery = z.infer<typeof targetsQuerySchema>;

/** Daily intake targets from the profile and goal; macros and fiber in grams. */
export const targetsSchema = z.object({
  bmrKcal: z.number().int(),
  tdeeKcal: z.number().int(),
  kcal: z.number().int(),
  protein: z.number().int(),
  carbs: z.number().int(),
  fat: z.number().int(),
  fiber: z.number().int(),
  waterMl: z.number().int(),
  goal: z.enum(BODY_GOALS),
  weightKg: z.number(),
  /** The formula and every adjustment, in words, so the numbers can be checked by hand. */
  rule: z.string(),
});
export type Targets = z.infer<typeof targetsSchema>;

// ---- Daily summary ----

/** A number an insight rests on, with the target it was compared against. */
export const factSchema = z.object({
  label: z.string(),
  value: z.number(),
  unit: z.string(),
  target: z.number().nullable(),
});
export type Fact = z.infer<typeof factSchema>;

export const insightSchema = z.object({
  /** Markdown written by the coach; clients render it sanitised. */
  text: z.string(),
  basis: z.array(factSchema),
});
export type Insight = z.infer<typeof insightSchema>;

const answerSourceFields = {
  provider: z.enum(COACH_PROVIDERS),
  model: z.string(),
  /** Plain sentences about how the reply was made, such as a fallback to the builtin coach. */
  notes: z.array(z.string()),
};

export const summaryParamsSchema = z.strictObject({ date: localDateSchema });

export const summarySchema = z.object({
  date: z.string(),
  wentWell: z.array(insightSchema),
  toChange: z.array(insightSchema),
  suggestions: z.array(insightSchema).length(3),
  ...answerSourceFields,
});
export type Summary = z.infer<typeof summarySchema>;

// ---- Chat ----

export const chatRequestSchema = z.strictObject({
  message: multiLineText({ min: 1, max: CHAT_MESSAGE_MAX_LENGTH, trim: true }),
  conversationId: idSchema.optional(),
});
export type ChatRequest = z.infer<typeof chatRequestSchema>;

export const chatReplySchema = z.object({
  reply: z.string(),
  conversationId: z.string(),
  ...answerSourceFields,
});
export type ChatReply = z.infer<typeof chatReplySchema>;

export const conversationSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  messageCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const conversationListSchema = z.object({ items: z.array(conversationSummarySchema) });

export const conversationSchema = conversationSummarySchema.extend({
  messages: z.array(
    z.object({
      id: z.string(),
      role: z.enum(["user", "assistant"]),
      content: z.string(),
      provider: z.enum(COACH_PROVIDERS).nullable(),
      createdAt: z.string(),
    }),
  ),
});
export type Conversation = z.infer<typeof conversationSchema>;

// ---- Meal plans ----

/** Food groups a meal plan can leave out. */
export const FOOD_EXCLUSIONS = [
  "meat",
  "poultry",
  "fish",
  "dairy",
  "eggs",
  "gluten",
  "nuts",
  "soy",
] as const;
export type FoodExclusion = (typeof FOOD_EXCLUSIONS)[number];

export const mealPlanRequestSchema = z.strictObject({
  exclude: z
    .array(z.enum(FOOD_EXCLUSIONS))
    .max(FOOD_EXCLUSIONS.length)
    .refine((items) => new Set(items).size === items.length, { error: "must not repeat a value" })
    .default([]),
  weightKg: weightKgSchema.optional(),
  goal: z.enum(BODY_GOALS).optional(),
});
export type MealPlanRequest = z.infer<typeof mealPlanRequestSchema>;

export const nutrientsSchema = z.object({
  kcal: z.number(),
  protein: z.number(),
  carbs: z.number(),
  fat: z.number(),
  fiber: z.number(),
});
export type Nutrients = z.infer<typeof nutrientsSchema>;

export const MEAL_SLOTS = ["breakfast", "lunch", "dinner", "snack"] as const;
export type MealSlot = (typeof MEAL_SLOTS)[number];

export const plannedFoodSchema = nutrientsSchema.extend({
  foodId: z.string(),
  description: z.string(),
  grams: z.number(),
});

export const plannedMealSchema = z.object({
  slot: z.enum(MEAL_SLOTS),
  items: z.array(plannedFoodSchema),
  totals: nutrientsSchema,
});
export type PlannedMeal = z.infer<typeof plannedMealSchema>;

export const mealPlanSchema = z.object({
  id: z.string(),
  status: z.enum(["proposed", "accepted"]),
  createdAt: z.string(),
  /** Local date of the plan's first day, set when the plan is accepted. */
  startDate: z.string().nullable(),
  targets: nutrientsSchema,
  tolerancePercent: z.number(),
  days: z.array(
    z.object({
      day: z.number().int(),
      meals: z.array(plannedMealSchema),
      totals: nutrientsSchema,
      /** Signed percentage gap to the target for kcal, protein, carbs and fat. */
      deviationPercent: z.object({
        kcal: z.number(),
        protein: z.number(),
        carbs: z.number(),
        fat: z.number(),
      }),
    }),
  ),
  rule: z.string(),
});
export type MealPlan = z.infer<typeof mealPlanSchema>;

export const mealPlanListSchema = z.object({ items: z.array(mealPlanSchema) });

export const mealPlanAcceptSchema = z.strictObject({ startDate: localDateSchema });

export const mealPlanAcceptedSchema = z.object({
  plan: mealPlanSchema,
  days: z.array(z.object({ date: z.string(), mealsCreated: z.number().int() })),
});

// ---- Training programs ----

export const PROGRAM_GOALS = ["strength", "hypertrophy", "endurance", "general"] as const;
export type ProgramGoal = (typeof PROGRAM_GOALS)[number];

/** Equipment names as the exercise catalog spells them. */
export const EQUIPMENT = [
  "body only",
  "barbell",
  "dumbbell",
  "kettlebells",
  "cable",
  "machine",
  "bands",
  "medicine ball",
  "exercise ball",
  "e-z curl bar",
  "foam roll",
  "other",
] as const;
export type Equipment = (typeof EQUIPMENT)[number];

export const TRAINING_LEVELS = ["beginner", "intermediate", "expert"] as const;

export const programRequestSchema = z.strictObject({
  goal: z.enum(PROGRAM_GOALS),
  equipment: z
    .array(z.enum(EQUIPMENT))
    .max(EQUIPMENT.length)
    .refine((items) => new Set(items).size === items.length, { error: "must not repeat a value" }),
  daysPerWeek: z.number().int().min(1).max(PROGRAM_DAYS_PER_WEEK_MAX),
  weeks: z.number().int().min(1).max(PROGRAM_WEEKS_MAX),
  level: z.enum(TRAINING_LEVELS).default("beginner"),
});
export type ProgramRequest = z.infer<typeof programRequestSchema>;

export const loggedSetSchema = z.strictObject({
  reps: z.number().int().min(0).max(200).nullable(),
  weightKg: z.number().min(0).max(1000).nullable(),
  durationSeconds: z.number().int().min(0).max(86_400).nullable(),
});
export type LoggedSet = z.infer<typeof loggedSetSchema>;

export const prescribedExerciseSchema = z.object({
  exerciseId: z.string(),
  name: z.string(),
  equipment: z.string().nullable(),
  primaryMuscles: z.array(z.string()),
  sets: z.number().int(),
  reps: z.number().int().nullable(),
  durationMinutes: z.number().nullable(),
  /** Load as a share of the estimated one-rep max; null for bodyweight and timed work. */
  percentOneRepMax: z.number().nullable(),
  /** Load from the user's logged lifts (Epley), rounded down to 2.5 kg; null when unknown. */
  weightKg: z.number().nullable(),
  restSeconds: z.number().int(),
  logged: z.array(loggedSetSchema),
});

export const programSessionSchema = z.object({
  session: z.number().int(),
  name: z.string(),
  exercises: z.array(prescribedExerciseSchema),
});

export const programSchema = z.object({
  id: z.string(),
  status: z.enum(["proposed", "active", "stopped"]),
  name: z.string(),
  goal: z.enum(PROGRAM_GOALS),
  level: z.enum(TRAINING_LEVELS),
  daysPerWeek: z.number().int(),
  equipment: z.array(z.string()),
  createdAt: z.string(),
  startDate: z.string().nullable(),
  rule: z.string(),
  weeks: z.array(
    z.object({
      week: z.number().int(),
      isDeload: z.boolean(),
      sessions: z.array(programSessionSchema),
    }),
  ),
  progress: z.object({ loggedSessions: z.number().int(), totalSessions: z.number().int() }),
});
export type Program = z.infer<typeof programSchema>;

export const programListSchema = z.object({ items: z.array(programSchema) });

export const programFollowSchema = z.strictObject({ startDate: localDateSchema });

export const programLogSchema = z.strictObject({
  week: z.number().int().min(1).max(PROGRAM_WEEKS_MAX),
  session: z.number().int().min(1).max(PROGRAM_DAYS_PER_WEEK_MAX),
  date: localDateSchema,
  exercises: z
    .array(
      z.strictObject({
        exerciseId: singleLineText({ min: 1, max: 200 }),
        sets: z.array(loggedSetSchema).min(1).max(20),
      }),
    )
    .min(1)
    .max(20),
});
export type ProgramLog = z.infer<typeof programLogSchema>;

// ---- Meal photo ----

export const mealPhotoDraftSchema = z.object({
  items: z.array(
    z.object({
      /** Food name as the model wrote it; untrusted text. */
      label: z.string(),
      foodId: z.string().nullable(),
      description: z.string().nullable(),
      grams: z.number(),
      confidence: z.number(),
      nutrients: nutrientsSchema.nullable(),
    }),
  ),
  totals: nutrientsSchema,
  ...answerSourceFields,
});
export type MealPhotoDraft = z.infer<typeof mealPhotoDraftSchema>;

// ---- Privacy ----

export const coachAreasSchema = z.strictObject({
  meals: z.boolean(),
  workouts: z.boolean(),
  sleep: z.boolean(),
  mood: z.boolean(),
  weight: z.boolean(),
  notes: z.boolean(),
});
export type CoachAreas = z.infer<typeof coachAreasSchema>;

export const consentSchema = z.object({
  areas: coachAreasSchema,
  updatedAt: z.string().nullable(),
  provider: z.enum(COACH_PROVIDERS),
  model: z.string(),
  /** Whether this server's provider sends data off the machine at all. */
  isExternal: z.boolean(),
});
export type Consent = z.infer<typeof consentSchema>;

export const consentUpdateSchema = z.strictObject({ areas: coachAreasSchema });

export const providerCallSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  agent: z.enum(["summary", "chat", "meal-photo"]),
  provider: z.enum(COACH_PROVIDERS),
  model: z.string(),
  areas: z.array(z.enum(COACH_AREAS)),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  costUsd: z.number(),
  outcome: z.enum(["ok", "failed", "timed-out"]),
  durationMs: z.number().int(),
});
export type ProviderCall = z.infer<typeof providerCallSchema>;

export const providerCallPageSchema = z.object({
  items: z.array(providerCallSchema),
  nextCursor: z.string().nullable(),
});
