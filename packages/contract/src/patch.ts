import type { z } from "zod";

/**
 * Refuses an edit that changes nothing. An empty PATCH would still bump the row's version, and
 * every other device's next If-Match would then fail for no reason.
 */
export function requireSomeField<T extends z.ZodType<Record<string, unknown>>>(schema: T): T {
  return schema.refine((value) => Object.keys(value).length > 0, {
    error: "send at least one field",
  }) as unknown as T;
}
