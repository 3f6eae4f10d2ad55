import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** Creates an empty folder under the system temp folder for one test. */
export function createTemporaryFolder(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `fitcoach-${prefix}-`));
}
