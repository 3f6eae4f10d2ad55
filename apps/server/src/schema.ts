// Every table of the product, for Drizzle's relational queries and for drizzle-kit, which generates
// the one migration set from this module.
export * from "./platform/jobs/jobs.tables";
