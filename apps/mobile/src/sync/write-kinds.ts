/**
 * Every kind of queued write the app makes. Each has a catalog entry `writes.<kind>` that names
 * it in the list of changes waiting to be sent.
 */
export const WRITE_KINDS = [
  "profile-update",
  "reminder-rule-update",
  "water-add",
  "mood-add",
  "weight-add",
  "sleep-add",
  "workout-add",
  "meal-add",
  "entry-delete",
] as const;

export type WriteKind = (typeof WRITE_KINDS)[number];
