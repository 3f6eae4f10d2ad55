import { defineConfig } from "vitest/config";

// End-to-end tests drive Debian's Chromium against the real server and PostgreSQL. They are a
// separate run (npm run test:e2e) because they need a built web app and a browser binary.
export default defineConfig({
  test: {
    name: "web-e2e",
    root: import.meta.dirname,
    include: ["e2e/**/*.e2e.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
