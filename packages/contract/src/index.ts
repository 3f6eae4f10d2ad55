export * from "./problems";
export * from "./common";
export * from "./password";
export * from "./auth";
export * from "./me";
export * from "./foods";
export * from "./meals";
