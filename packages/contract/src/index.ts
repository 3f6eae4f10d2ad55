export * from "./problems";
export * from "./common";
export * from "./password";
