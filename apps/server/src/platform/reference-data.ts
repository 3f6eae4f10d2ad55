import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Folder of the bundled reference data sets (the repository's `data/`), found from the source tree
 * or from the bundle in dist. FITCOACH_REFERENCE_DATA_DIR overrides it for packaged installs.
 */
export function referenceDataFolder(): string {
  if (process.env.FITCOACH_REFERENCE_DATA_DIR) return process.env.FITCOACH_REFERENCE_DATA_DIR;

  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, "../../../../data"), path.resolve(here, "../../../data")];
  const found = candidates.find((candidate) =>
    existsSync(path.join(candidate, "usda-sr28-foods.csv.gz")),
  );
  return found ?? candidates[0]!;
}
