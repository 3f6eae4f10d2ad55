import { EXPORT_FORMAT_NAME, EXPORT_FORMAT_VERSION } from "@fitcoach/contract";
import type { Me } from "@fitcoach/contract";
import { strToU8, zipSync } from "fflate";

import type { DataSection } from "../nutrition-source/nutrition-source";
import { toCsv } from "./csv-writer";

/** Profile fields that an export carries and an import applies. */
export const PROFILE_FIELDS = [
  "name",
  "timeZone",
  "units",
  "locale",
  "birthDate",
  "sex",
  "heightCm",
  "activityLevel",
  "waterGoalMl",
  "weekStartsOn",
] as const;

export type ExportedProfile = Pick<Me, (typeof PROFILE_FIELDS)[number]>;

/**
 * Everything a user owns, as one JSON document. `account` identifies where it came from and is
 * not imported; `profile` and every section are. Section rows keep the ids they had, so rows
 * can refer to each other; an import gives them new ones.
 */
export interface ExportDocument {
  format: typeof EXPORT_FORMAT_NAME;
  version: number;
  exportedAt: string;
  account: { email: string; createdAt: string };
  profile: ExportedProfile;
  sections: Record<string, Record<string, unknown>[]>;
}

export async function buildExportDocument(
  me: Me,
  sections: DataSection[],
  now: Date,
): Promise<ExportDocument> {
  const profile = Object.fromEntries(PROFILE_FIELDS.map((field) => [field, me[field]]));
  const exported: Record<string, Record<string, unknown>[]> = {};
  for (const section of sections) exported[section.name] = await section.exportRows(me.id);
  return {
    format: EXPORT_FORMAT_NAME,
    version: EXPORT_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    account: { email: me.email, createdAt: me.createdAt },
    profile: profile as ExportedProfile,
    sections: exported,
  };
}

/**
 * Nested lists that the zip writes as their own CSV file, one row per nested item, linked to the
 * parent by its id. A `position` column keeps the order of lists that have no order of their own.
 */
const NESTED_FILES: {
  section: string;
  field: string;
  file: string;
  parentKey: string;
  addsPosition: boolean;
}[] = [
  {
    section: "workouts",
    field: "sets",
    file: "workout_sets.csv",
    parentKey: "workoutId",
    addsPosition: false,
  },
  {
    section: "customFoods",
    field: "portions",
    file: "customFoodPortions.csv",
    parentKey: "foodId",
    addsPosition: true,
  },
  {
    section: "meals",
    field: "items",
    file: "mealItems.csv",
    parentKey: "mealId",
    addsPosition: true,
  },
  {
    section: "savedMeals",
    field: "items",
    file: "savedMealItems.csv",
    parentKey: "savedMealId",
    addsPosition: true,
  },
  {
    section: "coachConversations",
    field: "messages",
    file: "coachMessages.csv",
    parentKey: "conversationId",
    addsPosition: true,
  },
  {
    section: "coachPrograms",
    field: "sets",
    file: "coachProgramSets.csv",
    parentKey: "programId",
    addsPosition: false,
  },
];

/**
 * Packs the export as a zip of CSV files, one per table: profile.csv, one file per section, and
 * one file per nested list (workout sets, meal items, coach messages and others, see
 * NESTED_FILES). Cells that a spreadsheet would run as formulas are neutralised by toCsv.
 */
export function exportZip(document: ExportDocument): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "profile.csv": strToU8(
      toCsv([{ ...document.account, ...document.profile, exportedAt: document.exportedAt }]),
    ),
  };
  for (const [name, rows] of Object.entries(document.sections)) {
    let parents = rows;
    for (const nested of NESTED_FILES.filter((entry) => entry.section === name)) {
      const children = parents.flatMap((parent) =>
        ((parent[nested.field] as Record<string, unknown>[] | undefined) ?? []).map(
          (child, index) => ({
            [nested.parentKey]: parent.id,
            ...(nested.addsPosition ? { position: index + 1 } : {}),
            ...child,
          }),
        ),
      );
      files[nested.file] = strToU8(toCsv(children, [nested.parentKey]));
      parents = parents.map(({ [nested.field]: _nested, ...parent }) => parent);
    }
    files[`${name.replace(/[^a-z0-9_-]/gi, "_")}.csv`] = strToU8(toCsv(parents, ["id"]));
  }
  return zipSync(files, { level: 6 });
}
