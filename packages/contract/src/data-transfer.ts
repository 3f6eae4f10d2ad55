import { z } from "zod";

import { currentPasswordSchema } from "./auth";
import { idSchema, timeZoneSchema } from "./common";

/**
 * Version of the fitcoach-json export document; imports accept this version and older ones.
 * Version 2 added the coach, reminder, notification and account record sections and the meal
 * photo reference; a version 1 document is a version 2 document without them.
 */
export const EXPORT_FORMAT_VERSION = 2;
export const EXPORT_FORMAT_NAME = "fitcoach-export";

export const IMPORT_FORMATS = ["fitcoach-json", "strong-csv", "hevy-csv"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const exportQuerySchema = z.strictObject({
  format: z.enum(["json", "csv"]).default("json"),
});

/** Form fields sent with the file of `POST /api/v1/me/import`. */
export const importFieldsSchema = z.strictObject({
  format: z.enum(IMPORT_FORMATS),
  /** Unit of loads in files that do not name one (Strong and Hevy exports usually do not). */
  unit: z.enum(["kg", "lb"]).optional(),
  /** Zone of the file's local times; the account's zone when absent. */
  timeZone: timeZoneSchema.optional(),
  /** How to read dates such as 03/04/2024 when the file alone does not tell. */
  dateOrder: z.enum(["dmy", "mdy"]).optional(),
});
export type ImportFields = z.infer<typeof importFieldsSchema>;

export const importJobSchema = z.object({
  id: idSchema,
  format: z.enum(IMPORT_FORMATS),
  status: z.enum(["queued", "running", "completed", "failed"]),
  progressPercent: z.number().int(),
  /** Rows added per section; an import that repeats an earlier one adds nothing. */
  added: z.record(z.string(), z.number().int()),
  /** Id of an earlier import of the same file, when this one was recognised as a repeat. */
  duplicateOf: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

export const accountDeletionRequestSchema = z.strictObject({ password: currentPasswordSchema });
export const accountDeletionResponseSchema = z.object({
  /** When the account and its data are purged unless the user logs in before. */
  deletionDueAt: z.string(),
});
