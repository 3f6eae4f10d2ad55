// `npm run dev`: the API with reload on change (tsx watch) on PORT, and Vite's dev server on 5173
// proxying /api and /health to it. Stops both on Ctrl+C.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
if (existsSync(".env")) process.loadEnvFile(".env");

const check = spawnSync(
  "node",
  ["--import", "tsx", "apps/server/src/cli/main.ts", "config:check"],
  {
    stdio: ["ignore", "ignore", "inherit"],
  },
);
if (check.status !== 0) process.exit(check.status ?? 1);

const children = [
  spawn("npx", ["tsx", "watch", "--clear-screen=false", "apps/server/src/main.ts"], {
    stdio: "inherit",
  }),
  spawn("npx", ["vite", "--port", "5173"], { cwd: path.join(root, "apps/web"), stdio: "inherit" }),
];
console.log(
  "API on http://localhost:" +
    (process.env.PORT ?? "8000") +
    ", web app with reload on http://localhost:5173",
);

function stopAll() {
  for (const child of children) child.kill("SIGTERM");
}
process.on("SIGINT", stopAll);
process.on("SIGTERM", stopAll);
for (const child of children) {
  child.on("exit", (code) => {
    stopAll();
    process.exitCode = code ?? 0;
  });
}
