import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Desktop unit tests run without an Electron binary; "electron" resolves to a recording stand-in.
const electronStandIn = fileURLToPath(
  new URL("./apps/desktop/test/electron-stand-in.ts", import.meta.url),
);

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "server",
          root: "apps/server",
          include: ["src/**/*.test.ts", "test/**/*.test.ts"],
          globalSetup: ["test/global-setup.ts"],
          environment: "node",
          pool: "forks",
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias: [{ find: /^electron$/, replacement: electronStandIn }] },
        test: {
          name: "desktop",
          root: "apps/desktop",
          include: ["src/**/*.test.ts", "test/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: "client",
          root: "packages/client",
          include: ["src/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "web",
          root: "apps/web",
          include: ["src/**/*.test.{ts,tsx}"],
          environment: "jsdom",
          setupFiles: ["src/test/setup.ts"],
          testTimeout: 15_000,
        },
      },
      {
        test: {
          name: "contract",
          root: "packages/contract",
          include: ["src/**/*.test.ts"],
          environment: "node",
        },
      },
    ],
  },
});
