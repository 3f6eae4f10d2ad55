// Builds the desktop app into dist/: main and preload bundles, the first-run page, the icons, and a
// copy of the web app build as the renderer. Pass --skip-web to reuse an existing apps/web/dist.
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const DESKTOP_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const REPO_DIR = path.resolve(DESKTOP_DIR, "../..");
const WEB_DIST_DIR = path.join(REPO_DIR, "apps/web/dist");
const DIST_DIR = path.join(DESKTOP_DIR, "dist");

// Electron 40 runs Node 24.11 and Chromium 144 (Electron 40.0.0 release notes); the older targets
// below keep the bundles valid for it.
const NODE_TARGET = "node22";
const CHROME_TARGET = "chrome130";

if (!process.argv.includes("--skip-web")) {
  const result = spawnSync("npm", ["run", "build", "-w", "@fitcoach/web"], {
    cwd: REPO_DIR,
    stdio: "inherit",
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
if (!existsSync(path.join(WEB_DIST_DIR, "index.html"))) {
  console.error(`Missing ${WEB_DIST_DIR}/index.html: run npm run build -w @fitcoach/web first.`);
  process.exit(1);
}

rmSync(DIST_DIR, { recursive: true, force: true });
mkdirSync(path.join(DIST_DIR, "setup"), { recursive: true });

const shared = { bundle: true, logLevel: "warning", legalComments: "none" };
await build({
  ...shared,
  entryPoints: [path.join(DESKTOP_DIR, "src/main/main.ts")],
  outfile: path.join(DIST_DIR, "main.cjs"),
  platform: "node",
  format: "cjs",
  target: NODE_TARGET,
  external: ["electron", "electron-updater"],
});
await build({
  ...shared,
  entryPoints: [path.join(DESKTOP_DIR, "src/preload/preload.ts")],
  outfile: path.join(DIST_DIR, "preload.cjs"),
  // A sandboxed preload can require only "electron" and a few polyfilled modules, so everything
  // else is bundled in.
  platform: "browser",
  format: "cjs",
  target: CHROME_TARGET,
  external: ["electron"],
});
await build({
  ...shared,
  entryPoints: [path.join(DESKTOP_DIR, "src/setup/setup.ts")],
  outfile: path.join(DIST_DIR, "setup/setup.js"),
  platform: "browser",
  format: "iife",
  target: CHROME_TARGET,
});

for (const file of ["index.html", "setup.css"]) {
  copyFileSync(path.join(DESKTOP_DIR, "src/setup", file), path.join(DIST_DIR, "setup", file));
}
cpSync(path.join(DESKTOP_DIR, "assets"), path.join(DIST_DIR, "assets"), { recursive: true });
cpSync(WEB_DIST_DIR, path.join(DIST_DIR, "renderer"), { recursive: true });
