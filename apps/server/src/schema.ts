// Every table of the product, for Drizzle's relational queries and for drizzle-kit, which generates
// the one migration set from this module.
export * from "./platform/jobs/jobs.tables";
export * from "./platform/idempotency/idempotency.tables";
export * from "./features/accounts/accounts.tables";
export * from "./features/auth/auth.tables";
export * from "./features/two-factor/two-factor.tables";
export * from "./features/signing-keys/signing-keys.tables";
export * from "./features/audit/audit.tables";
export * from "./features/coach/coach.tables";
export * from "./features/notifications/notifications.tables";
export * from "./features/reminders/reminders.tables";
export * from "./features/exercises/exercises.tables";
export * from "./features/workouts/workouts.tables";
export * from "./features/water/water.tables";
export * from "./features/sleep/sleep.tables";
export * from "./features/mood/mood.tables";
export * from "./features/body/body.tables";
export * from "./features/steps/steps.tables";
export * from "./features/goals/goals.tables";
export * from "./features/days/days.tables";
export * from "./features/data-transfer/data-transfer.tables";
export * from "./features/foods/foods.tables";
export * from "./features/meals/meals.tables";
