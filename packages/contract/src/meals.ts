import { z } from "zod";

import { idSchema, localDateSchema } from "./common";
import { multiLineText, singleLineText } from "./text";
import {
  FOOD_NAME_MAX_LENGTH,
  GRAMS_MAX,
  STORED_PRECISION,
  foodIdSchema,
  portionIdSchema,
} from "./foods";

export const MEAL_TYPES = ["breakfast", "lunch", "dinner", "snack"] as const;
export type MealType = (typeof MEAL_TYPES)[number];

export const MEAL_ITEMS_MAX = 50;
export const MEAL_NOTE_MAX_LENGTH = 2000;
export const SAVED_MEAL_NAME_MAX_LENGTH = 100;
/** Most portions of one kind in one item, such as 12 × "slice". */
export const PORTION_QUANTITY_MAX = 100;
/** Energy of one item: the largest item (5,000 g) of the densest food (1,000 kcal per 100 g). */
export const ITEM_KCAL_MAX = 50_000;
export const ITEM_SODIUM_MG_MAX = 2_000_000;

/** Nutrient fields of items and totals, in the order responses list them. */
export const NUTRIENT_FIELDS = [
  "kcal",
  "protein",
  "carbs",
  "fat",
  "fiber",
  "sugar",
  "sodiumMg",
  "saturatedFat",
] as const;
export type NutrientField = (typeof NUTRIENT_FIELDS)[number];

const gramsSchema = z
  .number()
  .min(0, { error: "must be at least 0" })
  .max(GRAMS_MAX, { error: `must be at most ${GRAMS_MAX} g` });

function itemGrams(field: string): z.ZodNullable<z.ZodNumber> {
  return z
    .number({ error: `${field} must be a number of grams` })
    .min(0, { error: "must be at least 0" })
    .max(GRAMS_MAX, { error: `must be at most ${GRAMS_MAX} g` })
    .nullable();
}

/** Markdown note, stored as written; clients render it through a sanitiser. */
export const mealNoteSchema = multiLineText({ max: MEAL_NOTE_MAX_LENGTH }).nullable();

const CATALOG_ITEM_FIELDS = [
  "name",
  "kcal",
  "protein",
  "carbs",
  "fat",
  "fiber",
  "sugar",
  "sodiumMg",
  "saturatedFat",
] as const;

/**
 * One item of a meal, in one of three forms: `{foodId, grams}`, `{foodId, portionId, quantity}`
 * (quantity defaults to 1), or a free entry `{name, grams, kcal, protein?, carbs?, fat?, fiber?}`
 * whose values are for the whole item. Nutrients of catalog and custom foods are always computed
 * by the server, so sending them with a `foodId` is rejected.
 */
export const mealItemInputSchema = z
  .strictObject({
    foodId: foodIdSchema.optional(),
    portionId: portionIdSchema.optional(),
    quantity: z
      .number()
      .min(STORED_PRECISION, { error: `must be at least ${STORED_PRECISION}` })
      .max(PORTION_QUANTITY_MAX, { error: `must be at most ${PORTION_QUANTITY_MAX}` })
      .optional(),
    grams: gramsSchema.optional(),
    name: singleLineText({ min: 1, max: FOOD_NAME_MAX_LENGTH, trim: true }).optional(),
    kcal: z
      .number()
      .min(0, { error: "must be at least 0" })
      .max(ITEM_KCAL_MAX, { error: `must be at most ${ITEM_KCAL_MAX}` })
      .optional(),
    protein: itemGrams("protein").optional(),
    carbs: itemGrams("carbs").optional(),
    fat: itemGrams("fat").optional(),
    fiber: itemGrams("fiber").optional(),
    sugar: itemGrams("sugar").optional(),
    sodiumMg: z
      .number()
      .min(0, { error: "must be at least 0" })
      .max(ITEM_SODIUM_MG_MAX, { error: `must be at most ${ITEM_SODIUM_MG_MAX} mg` })
      .nullable()
      .optional(),
    saturatedFat: itemGrams("saturatedFat").optional(),
  })
  .superRefine((item, context) => {
    function reject(field: string, message: string): void {
      context.addIssue({ code: "custom", path: [field], message });
    }

    if (item.foodId !== undefined) {
      for (const field of CATALOG_ITEM_FIELDS) {
        if (item[field] !== undefined) {
          reject(field, "must not be sent with foodId; the server computes it from the food");
        }
      }
      if (item.portionId !== undefined && item.grams !== undefined) {
        reject("grams", "send grams or portionId with quantity, not both");
      }
      if (item.portionId === undefined && item.grams === undefined) {
        reject("grams", "is required with foodId unless portionId is sent");
      }
      if (item.portionId === undefined && item.quantity !== undefined) {
        reject("quantity", "is only accepted together with portionId");
      }
      return;
    }

    if (item.portionId !== undefined) reject("portionId", "is only accepted together with foodId");
    if (item.quantity !== undefined) reject("quantity", "is only accepted together with foodId");
    if (item.name === undefined) reject("name", "is required for an item without foodId");
    if (item.grams === undefined) reject("grams", "is required");
    if (item.kcal === undefined) reject("kcal", "is required for an item without foodId");
    const macros = (item.protein ?? 0) + (item.carbs ?? 0) + (item.fat ?? 0);
    if (item.grams !== undefined && item.grams > 0 && macros > item.grams) {
      reject("fat", "protein, carbs and fat together must not exceed grams");
    }
  });
export type MealItemInput = z.infer<typeof mealItemInputSchema>;

const mealItemsSchema = z
  .array(mealItemInputSchema)
  .max(MEAL_ITEMS_MAX, { error: `must have at most ${MEAL_ITEMS_MAX} items` });

export const mealCreateSchema = z.strictObject({
  date: localDateSchema,
  type: z.enum(MEAL_TYPES, { error: `must be one of ${MEAL_TYPES.join(", ")}` }),
  items: mealItemsSchema.default([]),
  note: mealNoteSchema.default(null),
});
export type MealCreate = z.infer<typeof mealCreateSchema>;

/** Changes to a meal; `items` replaces all items of the meal. */
export const mealPatchSchema = z
  .strictObject({
    date: localDateSchema,
    type: z.enum(MEAL_TYPES, { error: `must be one of ${MEAL_TYPES.join(", ")}` }),
    items: mealItemsSchema,
    note: mealNoteSchema,
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, { error: "send at least one field" });
export type MealPatch = z.infer<typeof mealPatchSchema>;

export const mealListQuerySchema = z.strictObject({ date: localDateSchema });

/** A logged item with its nutrients for the whole item; null means unknown, not zero. */
export const mealItemSchema = z.object({
  id: z.string(),
  foodId: z.string().nullable(),
  portionId: z.string().nullable(),
  /** The portion as logged, such as "medium (7\" to 7-7/8\" long)". */
  portionLabel: z.string().nullable(),
  quantity: z.number().nullable(),
  name: z.string(),
  grams: z.number(),
  kcal: z.number().nullable(),
  protein: z.number().nullable(),
  carbs: z.number().nullable(),
  fat: z.number().nullable(),
  fiber: z.number().nullable(),
  sugar: z.number().nullable(),
  sodiumMg: z.number().nullable(),
  saturatedFat: z.number().nullable(),
});
export type MealItem = z.infer<typeof mealItemSchema>;

/**
 * Sums of the items' nutrients. A sum leaves out items whose value is unknown, and `incomplete`
 * lists the nutrients where that happened; a nutrient no item knows is null.
 */
export const nutrientTotalsSchema = z.object({
  kcal: z.number().nullable(),
  protein: z.number().nullable(),
  carbs: z.number().nullable(),
  fat: z.number().nullable(),
  fiber: z.number().nullable(),
  sugar: z.number().nullable(),
  sodiumMg: z.number().nullable(),
  saturatedFat: z.number().nullable(),
  incomplete: z.array(z.enum(NUTRIENT_FIELDS)),
});
export type NutrientTotals = z.infer<typeof nutrientTotalsSchema>;

export const mealPhotoSchema = z.object({
  url: z.string(),
  contentType: z.literal("image/jpeg"),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
});
export type MealPhoto = z.infer<typeof mealPhotoSchema>;

export const mealSchema = z.object({
  id: z.string(),
  date: z.string(),
  type: z.enum(MEAL_TYPES),
  note: z.string().nullable(),
  items: z.array(mealItemSchema),
  totals: nutrientTotalsSchema,
  photo: mealPhotoSchema.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Meal = z.infer<typeof mealSchema>;

export const mealDaySchema = z.object({
  date: z.string(),
  meals: z.array(mealSchema),
  totals: nutrientTotalsSchema,
});
export type MealDay = z.infer<typeof mealDaySchema>;

const savedMealNameSchema = singleLineText({ min: 1, max: SAVED_MEAL_NAME_MAX_LENGTH, trim: true });

/** A saved meal, made from a logged meal (`mealId`) or from items sent directly. */
export const savedMealCreateSchema = z
  .strictObject({
    name: savedMealNameSchema,
    mealId: idSchema.optional(),
    type: z.enum(MEAL_TYPES).nullable().optional(),
    note: mealNoteSchema.optional(),
    items: mealItemsSchema.optional(),
  })
  .superRefine((value, context) => {
    if ((value.mealId === undefined) === (value.items === undefined)) {
      context.addIssue({ code: "custom", path: ["items"], message: "send mealId or items" });
    }
  });
export type SavedMealCreate = z.infer<typeof savedMealCreateSchema>;

export const savedMealPatchSchema = z
  .strictObject({
    name: savedMealNameSchema,
    type: z.enum(MEAL_TYPES).nullable(),
    note: mealNoteSchema,
    items: mealItemsSchema,
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, { error: "send at least one field" });
export type SavedMealPatch = z.infer<typeof savedMealPatchSchema>;

/** Logs a saved meal on a day; `type` defaults to the saved meal's type. */
export const savedMealLogSchema = z.strictObject({
  date: localDateSchema,
  type: z.enum(MEAL_TYPES).optional(),
});
export type SavedMealLog = z.infer<typeof savedMealLogSchema>;

export const savedMealSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(MEAL_TYPES).nullable(),
  note: z.string().nullable(),
  items: z.array(mealItemSchema),
  totals: nutrientTotalsSchema,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedMeal = z.infer<typeof savedMealSchema>;

export const savedMealPageSchema = z.object({
  items: z.array(savedMealSchema),
  nextCursor: z.string().nullable(),
});
export type SavedMealPage = z.infer<typeof savedMealPageSchema>;

/** Nutrients of one day, summed in SQL over the day's meal items. */
export const dailyNutritionSchema = z.object({
  date: z.string(),
  kcal: z.number().nullable(),
  protein: z.number().nullable(),
  carbs: z.number().nullable(),
  fat: z.number().nullable(),
  fiber: z.number().nullable(),
  sugar: z.number().nullable(),
  sodiumMg: z.number().nullable(),
  saturatedFat: z.number().nullable(),
});
export type DailyNutrition = z.infer<typeof dailyNutritionSchema>;

const recordNutrient = z.number().min(0).max(ITEM_SODIUM_MG_MAX).nullable();

/** One meal item in an account export: the stored values, not recomputed on import. */
export const mealItemRecordSchema = z.strictObject({
  foodId: z.string().min(1).max(64).nullable(),
  portionId: z.string().min(1).max(80).nullable(),
  portionLabel: singleLineText({ max: 200 }).nullable(),
  quantity: z.number().min(STORED_PRECISION).max(PORTION_QUANTITY_MAX).nullable(),
  name: singleLineText({ min: 1, max: FOOD_NAME_MAX_LENGTH }),
  grams: gramsSchema,
  kcal: z.number().min(0).max(ITEM_KCAL_MAX).nullable(),
  protein: recordNutrient,
  carbs: recordNutrient,
  fat: recordNutrient,
  fiber: recordNutrient,
  sugar: recordNutrient,
  sodiumMg: recordNutrient,
  saturatedFat: recordNutrient,
});
export type MealItemRecord = z.infer<typeof mealItemRecordSchema>;

/**
 * Reference to a meal's stored photo: the file name under the account's upload folder and the
 * stored JPEG's size. The image itself is not part of an export.
 */
export const mealPhotoRecordSchema = z.strictObject({
  file: z.string().regex(/^[0-9a-f]{32}\.jpg$/),
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
  bytes: z.number().int().min(0).max(2_000_000_000),
});
export type MealPhotoRecord = z.infer<typeof mealPhotoRecordSchema>;

export const mealRecordSchema = z.strictObject({
  id: z.string().min(1).max(64),
  date: localDateSchema,
  type: z.enum(MEAL_TYPES),
  note: mealNoteSchema,
  items: z.array(mealItemRecordSchema).max(MEAL_ITEMS_MAX),
  /** Missing in version 1 exports, which had no photo references. */
  photo: mealPhotoRecordSchema.nullable().optional(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type MealRecord = z.infer<typeof mealRecordSchema>;

export const savedMealRecordSchema = z.strictObject({
  id: z.string().min(1).max(64),
  name: savedMealNameSchema,
  type: z.enum(MEAL_TYPES).nullable(),
  note: mealNoteSchema,
  items: z.array(mealItemRecordSchema).max(MEAL_ITEMS_MAX),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type SavedMealRecord = z.infer<typeof savedMealRecordSchema>;
