export * from "./problems";
export * from "./common";
export * from "./password";
export * from "./auth";
export * from "./me";
export * from "./coach";
export * from "./reminders";
export * from "./notifications";
