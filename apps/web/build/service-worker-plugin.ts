import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { build } from "vite";
import type { Plugin } from "vite";

/**
 * Builds src/service-worker/sw.ts as a separate classic script at /sw.js, after the app bundle, with
 * the list of files to precache. A classic script (not an ES module worker) keeps the worker
 * working in every browser that supports service workers.
 */
export function serviceWorkerPlugin(): Plugin {
  let outDir = "dist";
  let root = process.cwd();
  let publicDir = "";
  let precacheFiles: string[] = [];

  return {
    name: "fitcoach-service-worker",
    apply: "build",
    configResolved(config) {
      root = config.root;
      outDir = path.resolve(config.root, config.build.outDir);
      publicDir = config.publicDir;
    },
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle).filter(
        (name) => !name.endsWith(".map") && !name.startsWith(".vite/") && name !== "sw.js",
      );
      // The password dictionaries are megabytes that few visits need, so they stay out of the cache.
      const shell = files.filter((name) => !/password-strength/.test(name));
      const publicFiles = publicDir ? listFiles(publicDir) : [];
      precacheFiles = [
        "/index.html",
        ...shell.filter((name) => name !== "index.html").map((name) => `/${name}`),
        ...publicFiles.map((name) => `/${name}`),
      ];
    },
    async closeBundle() {
      const buildId = createHash("sha256")
        .update(precacheFiles.join("\n"))
        .digest("hex")
        .slice(0, 12);
      await build({
        configFile: false,
        root,
        logLevel: "warn",
        publicDir: false,
        define: {
          __PRECACHE_FILES__: JSON.stringify(precacheFiles),
          __BUILD_ID__: JSON.stringify(buildId),
        },
        build: {
          outDir,
          emptyOutDir: false,
          sourcemap: false,
          minify: true,
          lib: {
            entry: path.resolve(root, "src/service-worker/sw.ts"),
            formats: ["iife"],
            name: "FitCoachServiceWorker",
            fileName: () => "sw.js",
          },
        },
      });
    },
  };
}

function listFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"),
    );
}
