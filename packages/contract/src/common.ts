import { z } from "zod";

/** Row ids are UUIDs, sent as strings. */
export const idSchema = z.uuid({ error: "must be a UUID" });

/** Calendar date in the user's time zone, such as 2026-03-29. */
export const localDateSchema = z.iso
  .date({ error: "must be a date as YYYY-MM-DD" })
  // The calendar has no year 0, and the database refuses it.
  .refine((value) => !value.startsWith("0000"), { error: "must be a date from year 1 on" });

export const emailSchema = z
  .string()
  .trim()
  .max(254, { error: "must have at most 254 characters" })
  .pipe(z.email({ error: "must be a valid email address" }));

export const PAGE_SIZE_MAX = 100;

export const pageQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(20),
  cursor: z.string().max(200).optional(),
});

/** Any IANA time zone name the runtime supports, such as Europe/Berlin. */
export const timeZoneSchema = z
  .string()
  .max(64)
  .refine(isKnownTimeZone, { error: "must be an IANA time zone such as Europe/Berlin" });

export function isKnownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return name.length > 0;
  } catch {
    return false;
  }
}

export const noContentSchema = z.null().describe("No content");

/**
 * A link inside the app: one path on this origin. No second slash or backslash at the start (a
 * browser reads those as another host), and no white space or control characters, which browsers
 * strip or fold so that the path could turn into another host after the check.
 */
export const appPathSchema = z
  .string()
  .max(2_000, { error: "must have at most 2000 characters" })
  .regex(/^\/(?![/\\])[^\s\\\u0000-\u001f\u007f]*$/, {
    error: "must be a path on this site, starting with a single / and without spaces",
  });
