// Fails the image build when the bundled server imports a package that the runtime node_modules
// lacks. The bundle keeps every npm package external, so a dependency declared only by a workspace
// package (or not at all) would otherwise surface as a crash at start, or later for lazy chunks.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";

const distFolder = path.resolve(process.argv[2] ?? "apps/server/dist");
// A bare specifier after `from`, `import(` or `import`; the name must look like a package name, so
// prose such as `field: "query.from", message: "…"` in the bundle is not taken for an import.
const IMPORT_PATTERN =
  /(?:(?<![\w$.])from\s*|\bimport\s*\(\s*|\bimport\s+)"((?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(?:\/[\w.@-]+)*)"/g;
const builtins = new Set(builtinModules);

function listScripts(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const fullPath = path.join(folder, entry.name);
    if (entry.isDirectory()) return listScripts(fullPath);
    return entry.name.endsWith(".js") ? [fullPath] : [];
  });
}

function packageName(specifier) {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

const specifiers = new Set();
for (const script of listScripts(distFolder)) {
  for (const match of readFileSync(script, "utf8").matchAll(IMPORT_PATTERN)) {
    const specifier = match[1];
    if (specifier.startsWith("node:") || builtins.has(packageName(specifier))) continue;
    specifiers.add(specifier);
  }
}

// Node looks for a package in node_modules of every folder above the importing file.
function isInstalled(name) {
  for (let folder = distFolder; ; folder = path.dirname(folder)) {
    if (existsSync(path.join(folder, "node_modules", name, "package.json"))) return true;
    if (folder === path.dirname(folder)) return false;
  }
}

const packages = new Set([...specifiers].map(packageName));
const missing = [...packages].filter((name) => !isInstalled(name)).sort();

if (missing.length > 0) {
  console.error(
    `The server bundle imports packages missing from node_modules: ${missing.join(", ")}`,
  );
  console.error("Declare them in apps/server/package.json (dependencies) and rebuild.");
  process.exit(1);
}
console.log(`All ${packages.size} packages imported by the server bundle are installed.`);
