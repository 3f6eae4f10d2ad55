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
 * Packs the export as a zip of CSV files, one per table: profile.csv, one file per section, and the
 * sets of the workouts in workout_sets.csv (linked by workoutId).
 */
export function exportZip(document: ExportDocument): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "profile.csv": strToU8(
      toCsv([{ ...document.account, ...document.profile, exportedAt: document.exportedAt }]),
    ),
  };
  for (const [name, rows] of Object.entries(document.sections)) {
    if (name === "workouts") {
      const sets = rows.flatMap((workout) =>
        ((workout.sets as Record<string, unknown>[]) ?? []).map((set) => ({
          workoutId: workout.id,
          ...set,
        })),
      );
      files["workouts.csv"] = strToU8(
        toCsv(
          rows.map(({ sets: _sets, ...workout }) => workout),
          ["id"],
        ),
      );
      files["workout_sets.csv"] = strToU8(toCsv(sets, ["workoutId"]));
      continue;
    }
    files[`${name.replace(/[^a-z0-9_-]/gi, "_")}.csv`] = strToU8(toCsv(rows, ["id"]));
  }
  return zipSync(files, { level: 6 });
}
