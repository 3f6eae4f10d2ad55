/** Query keys of the coach screens; every key starts with "coach" so a logout clears them all. */
export const coachKeys = {
  targets: (weightKg: number | undefined, goal: string | undefined) =>
    ["coach", "targets", weightKg ?? null, goal ?? null] as const,
  summary: (date: string) => ["coach", "summary", date] as const,
  conversations: ["coach", "conversations"] as const,
  conversation: (id: string) => ["coach", "conversations", id] as const,
  mealPlans: ["coach", "meal-plans"] as const,
  programs: ["coach", "programs"] as const,
  consent: ["coach", "consent"] as const,
  calls: ["coach", "calls"] as const,
};
