// Every table of the product, for Drizzle's relational queries and for drizzle-kit, which generates
// the one migration set from this module.
export * from "./platform/jobs/jobs.tables";
export * from "./platform/idempotency/idempotency.tables";
export * from "./features/accounts/accounts.tables";
export * from "./features/auth/auth.tables";
export * from "./features/two-factor/two-factor.tables";
export * from "./features/signing-keys/signing-keys.tables";
export * from "./features/audit/audit.tables";
export * from "./features/foods/foods.tables";
export * from "./features/meals/meals.tables";
