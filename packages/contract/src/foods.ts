import { z } from "zod";

import { PAGE_SIZE_MAX } from "./common";
import { singleLineText } from "./text";

export const FOOD_SOURCES = ["usda-sr28", "custom"] as const;
export const FOOD_NAME_MAX_LENGTH = 200;
export const FOOD_GROUP_MAX_LENGTH = 100;
export const FOOD_SEARCH_MAX_LENGTH = 100;
export const PORTION_UNIT_MAX_LENGTH = 100;
export const CUSTOM_FOOD_PORTIONS_MAX = 20;
/** Smallest step the database keeps for portion amounts, grams and quantities. */
export const STORED_PRECISION = 0.001;

/** Largest weight of one portion or one logged item, in grams. */
export const GRAMS_MAX = 5000;
/** Highest energy density of any food (pure fat is about 900 kcal per 100 g). */
export const KCAL_PER_100G_MAX = 1000;
/** Highest sodium density of any food (table salt is about 38,800 mg per 100 g). */
export const SODIUM_MG_PER_100G_MAX = 40_000;

/** Food ids are the NDB number for catalog foods ("09040") and a UUID for custom foods. */
export const foodIdSchema = z
  .string()
  .regex(/^[0-9A-Za-z-]{1,64}$/, { error: "must be a food id such as 09040" });

export const portionIdSchema = z
  .string()
  .regex(/^[0-9A-Za-z-]{1,80}$/, { error: "must be a portion id such as 09040-2" });

/**
 * Nutrients in 100 g of a food. Grams unless the name carries another unit; null means the source
 * has no value for it, which is not the same as zero.
 */
export const per100gSchema = z.object({
  kcal: z.number().nullable(),
  protein: z.number().nullable(),
  carbs: z.number().nullable(),
  fat: z.number().nullable(),
  fiber: z.number().nullable(),
  sugar: z.number().nullable(),
  sodiumMg: z.number().nullable(),
  saturatedFat: z.number().nullable(),
});
export type Per100g = z.infer<typeof per100gSchema>;

/** A household measure of a food: `amount` × `unit` weighs `grams`, as in 1 × "medium" = 118 g. */
export const portionSchema = z.object({
  id: z.string(),
  amount: z.number(),
  unit: z.string(),
  grams: z.number(),
});
export type Portion = z.infer<typeof portionSchema>;

export const foodSchema = z.object({
  id: z.string(),
  name: z.string(),
  group: z.string().nullable(),
  source: z.enum(FOOD_SOURCES),
  per100g: per100gSchema,
  portions: z.array(portionSchema),
});
export type Food = z.infer<typeof foodSchema>;

export const foodPageSchema = z.object({
  items: z.array(foodSchema),
  nextCursor: z.string().nullable(),
});
export type FoodPage = z.infer<typeof foodPageSchema>;

export const foodSearchQuerySchema = z.strictObject({
  q: singleLineText({ max: FOOD_SEARCH_MAX_LENGTH, trim: true }).optional(),
  limit: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(20),
  cursor: z.string().max(200).optional(),
});
export type FoodSearchQuery = z.infer<typeof foodSearchQuerySchema>;

function gramsPer100g(field: string): z.ZodNumber {
  return z
    .number({ error: `${field} must be a number of grams per 100 g` })
    .min(0, { error: "must be at least 0" })
    .max(100, { error: "must be at most 100 (grams per 100 g)" });
}

const foodNameSchema = singleLineText({ min: 1, max: FOOD_NAME_MAX_LENGTH, trim: true });

/** Nutrients of a custom food per 100 g; kcal is required, the rest may be unknown (null). */
export const per100gInputSchema = z
  .strictObject({
    kcal: z
      .number()
      .min(0, { error: "must be at least 0" })
      .max(KCAL_PER_100G_MAX, { error: `must be at most ${KCAL_PER_100G_MAX} kcal per 100 g` }),
    protein: gramsPer100g("protein").nullable().default(null),
    carbs: gramsPer100g("carbs").nullable().default(null),
    fat: gramsPer100g("fat").nullable().default(null),
    fiber: gramsPer100g("fiber").nullable().default(null),
    sugar: gramsPer100g("sugar").nullable().default(null),
    sodiumMg: z
      .number()
      .min(0, { error: "must be at least 0" })
      .max(SODIUM_MG_PER_100G_MAX, {
        error: `must be at most ${SODIUM_MG_PER_100G_MAX} mg per 100 g`,
      })
      .nullable()
      .default(null),
    saturatedFat: gramsPer100g("saturatedFat").nullable().default(null),
  })
  .superRefine((value, context) => {
    const macros = (value.protein ?? 0) + (value.carbs ?? 0) + (value.fat ?? 0);
    if (macros > 100) {
      context.addIssue({
        code: "custom",
        path: ["fat"],
        message: "protein, carbs and fat together must not exceed 100 g per 100 g",
      });
    }
    if (value.saturatedFat !== null && value.fat !== null && value.saturatedFat > value.fat) {
      context.addIssue({
        code: "custom",
        path: ["saturatedFat"],
        message: "must not exceed fat",
      });
    }
    if (value.sugar !== null && value.carbs !== null && value.sugar > value.carbs) {
      context.addIssue({ code: "custom", path: ["sugar"], message: "must not exceed carbs" });
    }
  });
export type Per100gInput = z.infer<typeof per100gInputSchema>;

export const portionInputSchema = z.strictObject({
  // Portions are stored to 0.001; anything smaller would be stored as 0.
  amount: z
    .number()
    .min(STORED_PRECISION, { error: `must be at least ${STORED_PRECISION}` })
    .max(1000, { error: "must be at most 1000" }),
  unit: singleLineText({ min: 1, max: PORTION_UNIT_MAX_LENGTH, trim: true }),
  grams: z
    .number()
    .min(STORED_PRECISION, { error: `must be at least ${STORED_PRECISION} g` })
    .max(GRAMS_MAX, { error: `must be at most ${GRAMS_MAX} g` }),
});
export type PortionInput = z.infer<typeof portionInputSchema>;

const foodGroupSchema = singleLineText({ min: 1, max: FOOD_GROUP_MAX_LENGTH, trim: true });

const portionListSchema = z.array(portionInputSchema).max(CUSTOM_FOOD_PORTIONS_MAX, {
  error: `must have at most ${CUSTOM_FOOD_PORTIONS_MAX} portions`,
});

export const customFoodCreateSchema = z.strictObject({
  name: foodNameSchema,
  group: foodGroupSchema.nullable().default(null),
  per100g: per100gInputSchema,
  portions: portionListSchema.default([]),
});
export type CustomFoodCreate = z.infer<typeof customFoodCreateSchema>;

/** Changes to a custom food; `per100g` and `portions` replace the stored ones as a whole. */
export const customFoodPatchSchema = z
  .strictObject({
    name: foodNameSchema,
    group: foodGroupSchema.nullable(),
    per100g: per100gInputSchema,
    portions: portionListSchema,
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, { error: "send at least one field" });
export type CustomFoodPatch = z.infer<typeof customFoodPatchSchema>;

export const customFoodSchema = foodSchema.extend({
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CustomFood = z.infer<typeof customFoodSchema>;

export const customFoodPageSchema = z.object({
  items: z.array(customFoodSchema),
  nextCursor: z.string().nullable(),
});
export type CustomFoodPage = z.infer<typeof customFoodPageSchema>;

/** One custom food in an account export; `id` links the meal items that used it. */
export const customFoodRecordSchema = z.strictObject({
  id: z.string().min(1).max(64),
  name: foodNameSchema,
  group: foodGroupSchema.nullable(),
  per100g: per100gInputSchema,
  portions: z
    .array(portionInputSchema.extend({ id: z.string().min(1).max(80) }))
    .max(CUSTOM_FOOD_PORTIONS_MAX),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type CustomFoodRecord = z.infer<typeof customFoodRecordSchema>;
