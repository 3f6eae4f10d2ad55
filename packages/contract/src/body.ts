import { z } from "zod";

import { requireSomeField } from "./patch";
import { localDateSchema } from "./common";
import { CM_PER_IN, entryMetaSchema, KG_PER_LB, measurement } from "./entries";

export const WEIGHT_MIN_KG = 20;
export const WEIGHT_MAX_KG = 400;
export const LENGTH_MIN_CM = 10;
export const LENGTH_MAX_CM = 300;
export const BODY_FAT_MIN_PERCENT = 2;
export const BODY_FAT_MAX_PERCENT = 75;

/** Body circumferences a user can log; each accepts centimetres or inches. */
export const BODY_LENGTHS = ["waist", "hips", "chest", "neck"] as const;
export type BodyLength = (typeof BODY_LENGTHS)[number];

const weightKg = measurement(WEIGHT_MIN_KG, WEIGHT_MAX_KG);
const weightLb = measurement(
  Math.ceil((WEIGHT_MIN_KG / KG_PER_LB) * 10) / 10,
  Math.floor((WEIGHT_MAX_KG / KG_PER_LB) * 10) / 10,
);
const lengthCm = measurement(LENGTH_MIN_CM, LENGTH_MAX_CM);
const lengthIn = measurement(
  Math.ceil((LENGTH_MIN_CM / CM_PER_IN) * 10) / 10,
  Math.floor((LENGTH_MAX_CM / CM_PER_IN) * 10) / 10,
);

const measurementFields = {
  weightKg: weightKg.nullable(),
  weightLb: weightLb.nullable(),
  waistCm: lengthCm.nullable(),
  waistIn: lengthIn.nullable(),
  hipsCm: lengthCm.nullable(),
  hipsIn: lengthIn.nullable(),
  chestCm: lengthCm.nullable(),
  chestIn: lengthIn.nullable(),
  neckCm: lengthCm.nullable(),
  neckIn: lengthIn.nullable(),
  bodyFatPercent: measurement(BODY_FAT_MIN_PERCENT, BODY_FAT_MAX_PERCENT).nullable(),
};

type MeasurementInput = Partial<Record<keyof typeof measurementFields, number | null>>;

const PAIRS: [keyof MeasurementInput, keyof MeasurementInput][] = [
  ["weightKg", "weightLb"],
  ...BODY_LENGTHS.map(
    (name) => [`${name}Cm`, `${name}In`] as [keyof MeasurementInput, keyof MeasurementInput],
  ),
];

function refinePairs(value: MeasurementInput, context: z.RefinementCtx): void {
  for (const [metric, imperial] of PAIRS) {
    if (value[metric] !== undefined && value[imperial] !== undefined) {
      context.addIssue({
        code: "custom",
        message: `send ${metric} or ${imperial}, not both`,
        path: [imperial],
      });
    }
  }
}

export const bodyCreateSchema = z
  .strictObject({ date: localDateSchema, ...measurementFields })
  .partial()
  .required({ date: true })
  .superRefine((value, context) => {
    refinePairs(value, context);
    const { date: _date, ...measurements } = value;
    if (!Object.values(measurements).some((item) => item !== undefined && item !== null)) {
      context.addIssue({ code: "custom", message: "send at least one measurement", path: [] });
    }
  });
export const bodyPatchSchema = requireSomeField(
  z
    .strictObject({ date: localDateSchema, ...measurementFields })
    .partial()
    .superRefine(refinePairs),
);
export type BodyCreate = z.infer<typeof bodyCreateSchema>;
export type BodyPatch = z.infer<typeof bodyPatchSchema>;

const weightUnit = z.enum(["kg", "lb"]).nullable();
const lengthUnit = z.enum(["cm", "in"]).nullable();

/**
 * A body measurement entry. Every value comes in both units; the one in `<name>Unit` is exactly
 * what the user entered, the other is converted and rounded to two decimals.
 */
export const bodyEntrySchema = entryMetaSchema.extend({
  weightKg: z.number().nullable(),
  weightLb: z.number().nullable(),
  weightUnit,
  waistCm: z.number().nullable(),
  waistIn: z.number().nullable(),
  waistUnit: lengthUnit,
  hipsCm: z.number().nullable(),
  hipsIn: z.number().nullable(),
  hipsUnit: lengthUnit,
  chestCm: z.number().nullable(),
  chestIn: z.number().nullable(),
  chestUnit: lengthUnit,
  neckCm: z.number().nullable(),
  neckIn: z.number().nullable(),
  neckUnit: lengthUnit,
  bodyFatPercent: z.number().nullable(),
});
export type BodyEntry = z.infer<typeof bodyEntrySchema>;
