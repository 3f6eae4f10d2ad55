import { configure } from "@testing-library/react-native";

// Screens wait for SQLite files and loopback HTTP, which take longer than RNTL's one-second default
// on a busy machine.
configure({ asyncUtilTimeout: 10_000 });

beforeEach(() => {
  const nodeFetch = (globalThis as { nodeFetch?: typeof fetch }).nodeFetch;
  Object.defineProperty(globalThis, "fetch", {
    value: nodeFetch,
    writable: true,
    configurable: true,
  });
});
