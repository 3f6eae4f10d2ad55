// Measures the JavaScript a cold visit to /login downloads before it can render: the entry chunk
// and every chunk it imports statically (per Vite's manifest), gzip-compressed. Fails above the
// budget. Run after `vite build`:  node apps/web/scripts/check-bundle-size.mjs
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const LOGIN_BUDGET_GZIP_BYTES = 250 * 1024;

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../dist");
const manifest = JSON.parse(readFileSync(path.join(dist, ".vite/manifest.json"), "utf8"));

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
const seen = new Set();
function collect(key) {
  if (seen.has(key)) return;
  seen.add(key);
  for (const imported of manifest[key].imports ?? []) collect(imported);
}
collect(entryKey);

// The markdown renderer and sanitiser are bundled into whichever chunk imports them, so they are
// found by strings their code contains rather than by chunk name.
const LAZY_LIBRARY_MARKERS = { marked: "marked(): input parameter", dompurify: "DOMPurify" };

let total = 0;
const leakedLibraries = new Set();
for (const key of seen) {
  const file = manifest[key].file;
  const content = readFileSync(path.join(dist, file));
  const size = gzipSync(content).length;
  total += size;
  console.log(`${(size / 1024).toFixed(1).padStart(8)} KB  ${file}`);
  const text = content.toString("utf8");
  for (const [name, marker] of Object.entries(LAZY_LIBRARY_MARKERS)) {
    if (text.includes(marker)) leakedLibraries.add(name);
  }
}
const forbidden = [
  ...[...seen].filter((key) => /password-strength|recharts|metric-chart/.test(key)),
  ...leakedLibraries,
];

console.log(
  `${(total / 1024).toFixed(1).padStart(8)} KB  total (budget ${LOGIN_BUDGET_GZIP_BYTES / 1024} KB)`,
);
if (forbidden.length > 0) {
  console.error(`Lazy modules leaked into the login bundle: ${forbidden.join(", ")}`);
  process.exit(1);
}
if (total > LOGIN_BUDGET_GZIP_BYTES) {
  console.error("The login page's initial JavaScript is over budget.");
  process.exit(1);
}
