import { and, desc, eq, isNotNull, lte } from "drizzle-orm";
import { BODY_LENGTHS } from "@fitcoach/contract";
import type { BodyCreate, BodyEntry, BodyPatch } from "@fitcoach/contract";

import type { Clock } from "../../platform/clock";
import type { Database, Executor } from "../../platform/database";
import { problem } from "../../platform/errors";
import { readLength, readWeight, roundTo, storeLength, storeWeight } from "../../platform/units";
import { createEntryService, entryMeta } from "../entries/entry-service";
import type { EntryService } from "../entries/entry-service";
import { bodyEntries } from "./body.tables";
import type { BodyRow } from "./body.tables";

export type BodyService = EntryService<BodyRow, BodyEntry, BodyCreate, BodyPatch>;

/** Column values for the measurements a request mentions; null clears one, absent keeps it. */
export function bodyColumns(input: BodyPatch): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  const weight = storeWeight({ kg: input.weightKg, lb: input.weightLb });
  if (weight !== undefined) {
    columns.weightValue = weight?.value ?? null;
    columns.weightUnit = weight?.unit ?? null;
    columns.weightKg = weight?.metric ?? null;
  }
  for (const name of BODY_LENGTHS) {
    const length = storeLength({ cm: input[`${name}Cm`], in: input[`${name}In`] });
    if (length === undefined) continue;
    columns[`${name}Value`] = length?.value ?? null;
    columns[`${name}Unit`] = length?.unit ?? null;
    columns[`${name}Cm`] = length?.metric ?? null;
  }
  if (input.bodyFatPercent !== undefined) {
    columns.bodyFatPercent =
      input.bodyFatPercent === null ? null : roundTo(input.bodyFatPercent, 2);
  }
  return columns;
}

function hasMeasurement(row: BodyRow): boolean {
  return (
    row.weightKg !== null ||
    row.bodyFatPercent !== null ||
    BODY_LENGTHS.some((name) => row[`${name}Cm`] !== null)
  );
}

export function toBodyEntry(row: BodyRow): BodyEntry {
  const weight = readWeight(row.weightValue, row.weightUnit);
  const lengths = Object.fromEntries(
    BODY_LENGTHS.flatMap((name) => {
      const length = readLength(row[`${name}Value`], row[`${name}Unit`]);
      return [
        [`${name}Cm`, length.cm],
        [`${name}In`, length.in],
        [`${name}Unit`, length.unit],
      ];
    }),
  );
  return {
    ...entryMeta(row),
    weightKg: weight.kg,
    weightLb: weight.lb,
    weightUnit: weight.unit,
    ...(lengths as Pick<BodyEntry, `${(typeof BODY_LENGTHS)[number]}${"Cm" | "In" | "Unit"}`>),
    bodyFatPercent: row.bodyFatPercent,
  };
}

export function createBodyService(deps: { db: Database; clock: Clock }): BodyService {
  return createEntryService(deps, {
    label: "Body entry",
    table: bodyEntries,
    toView: toBodyEntry,
    toInsert: (input) => ({ date: input.date, ...bodyColumns(input) }),
    toUpdate: (row, patch) => {
      const columns = bodyColumns(patch);
      if (!hasMeasurement({ ...row, ...columns } as BodyRow)) {
        throw problem("validation-failed", {
          detail: "A body entry keeps at least one measurement; delete the entry instead.",
          errors: [
            { field: "measurements", message: "would leave the entry without any measurement" },
          ],
        });
      }
      return { ...(patch.date === undefined ? {} : { date: patch.date }), ...columns };
    },
  });
}

/** Returns the latest logged weight in kg on or before a date, or null. */
export async function latestWeightKg(
  executor: Executor,
  userId: string,
  onOrBefore: string,
): Promise<number | null> {
  const rows = await executor
    .select({ weightKg: bodyEntries.weightKg })
    .from(bodyEntries)
    .where(
      and(
        eq(bodyEntries.userId, userId),
        lte(bodyEntries.date, onOrBefore),
        isNotNull(bodyEntries.weightKg),
      ),
    )
    .orderBy(desc(bodyEntries.date), desc(bodyEntries.createdAt))
    .limit(1);
  return rows[0]?.weightKg ?? null;
}
