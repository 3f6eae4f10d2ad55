import type { z } from "zod";

import { ImportError } from "./import-error";

/**
 * Checks the rows of a section against the record schema its feature exports, so a hand-edited
 * file fails with the path of the first bad value instead of a database error.
 */
export function parseRecordRows<T>(
  schema: z.ZodType<T>,
  section: string,
  rows: Record<string, unknown>[],
): T[] {
  return rows.map((row, index) => {
    const parsed = schema.safeParse(row);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    const field = [section, index, ...issue.path].reduce<string>(
      (where, key, position) =>
        position === 0
          ? String(key)
          : typeof key === "number"
            ? `${where}[${key}]`
            : `${where}.${String(key)}`,
      "",
    );
    throw new ImportError(`${field} ${issue.message}.`);
  });
}
