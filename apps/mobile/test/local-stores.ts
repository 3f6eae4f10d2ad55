import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Names and contents of every file the app wrote to its database folder. */
export function filesInFolder(folder: string): { name: string; text: string }[] {
  return readdirSync(folder).map((name) => ({
    name,
    text: readFileSync(path.join(folder, name)).toString("latin1"),
  }));
}
