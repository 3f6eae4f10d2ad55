import { numeric, pgTable, text } from "drizzle-orm/pg-core";

import { entryColumns, entryIndexes } from "../entries/entry-columns";
import { users } from "../accounts/accounts.tables";

// Each measurement keeps the value as entered with its unit, so 180.4 lb reads back as 180.4 lb
// after any number of saves; the metric value beside it is what statistics use.
function measured(name: string, metricUnit: string) {
  return {
    value: numeric(`${name}_value`, { precision: 8, scale: 2, mode: "number" }),
    unit: text(`${name}_unit`),
    metric: numeric(`${name}_${metricUnit}`, { precision: 10, scale: 4, mode: "number" }),
  };
}

const weight = measured("weight", "kg");
const waist = measured("waist", "cm");
const hips = measured("hips", "cm");
const chest = measured("chest", "cm");
const neck = measured("neck", "cm");

export const bodyEntries = pgTable(
  "body_entries",
  {
    ...entryColumns(() => users.id),
    weightValue: weight.value,
    weightUnit: weight.unit,
    weightKg: weight.metric,
    waistValue: waist.value,
    waistUnit: waist.unit,
    waistCm: waist.metric,
    hipsValue: hips.value,
    hipsUnit: hips.unit,
    hipsCm: hips.metric,
    chestValue: chest.value,
    chestUnit: chest.unit,
    chestCm: chest.metric,
    neckValue: neck.value,
    neckUnit: neck.unit,
    neckCm: neck.metric,
    bodyFatPercent: numeric("body_fat_percent", { precision: 5, scale: 2, mode: "number" }),
  },
  (table) => entryIndexes("body_entries", table),
);
export type BodyRow = typeof bodyEntries.$inferSelect;
