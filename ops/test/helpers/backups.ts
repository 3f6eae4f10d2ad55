import { randomBytes } from "node:crypto";
import {
  copyFileSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
  closeSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";

import { REPO_DIR, run, runOk } from "./process";
import type { RunResult } from "./process";

const BACKUP_SCRIPT = path.join(REPO_DIR, "ops/backup.sh");
const RESTORE_SCRIPT = path.join(REPO_DIR, "ops/restore.sh");

/** Runs ops/backup.sh with extra environment variables. */
export function runBackup(env: NodeJS.ProcessEnv): Promise<RunResult> {
  return run("bash", [BACKUP_SCRIPT], { env: { ...process.env, ...env }, timeoutMs: 300_000 });
}

/** Runs ops/restore.sh with arguments and extra environment variables. */
export function runRestore(args: string[], env: NodeJS.ProcessEnv): Promise<RunResult> {
  return run("bash", [RESTORE_SCRIPT, ...args], {
    env: { ...process.env, ...env },
    timeoutMs: 300_000,
  });
}

/** Returns the archive path that backup.sh reports on its last output line. */
export function writtenArchive(result: RunResult): string {
  const match = /^Backup written: (.+) \(\d+ bytes/m.exec(result.stdout);
  if (!match?.[1])
    throw new Error(`backup.sh reported no archive:\n${result.stderr}\n${result.stdout}`);
  return match[1];
}

/** Returns the permission bits of a file, such as 0o600. */
export function fileMode(file: string): number {
  return statSync(file).mode & 0o777;
}

/** Returns manifest.txt from an unencrypted backup archive. */
export async function readManifest(archive: string): Promise<string> {
  return runOk("tar", ["-xzOf", archive, "--wildcards", "*/manifest.txt"]);
}

/** Returns the "rows" lines of a manifest as table → row count. */
export function manifestRows(manifest: string): Record<string, number> {
  const rows: Record<string, number> = {};
  for (const line of manifest.split("\n")) {
    const [kind, table, count] = line.split(" ");
    if (kind === "rows" && table && count) rows[table] = Number(count);
  }
  return rows;
}

/** Copies an archive and overwrites 64 bytes in its middle, as a failing disk or transfer would. */
export function writeCorruptedCopy(source: string, target: string): void {
  copyFileSync(source, target);
  const size = statSync(target).size;
  const descriptor = openSync(target, "r+");
  try {
    writeSync(descriptor, randomBytes(64), 0, 64, Math.floor(size / 2));
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Copies an archive with its manifest edited. Checksums cover only the dump and the uploads, so
 * the copy still passes every check made before the restore transaction starts.
 */
export async function writeCopyWithManifest(
  source: string,
  target: string,
  edit: (manifest: string) => string,
): Promise<void> {
  const folder = mkdtempSync(path.join(os.tmpdir(), "fitcoach-manifest-"));
  try {
    await runOk("tar", ["-xzf", source, "-C", folder]);
    const [top] = readdirSync(folder);
    if (!top) throw new Error(`${source} is empty`);
    const manifest = path.join(folder, top, "manifest.txt");
    writeFileSync(manifest, edit(readFileSync(manifest, "utf8")));
    await runOk("tar", ["-C", folder, "-czf", target, top]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Files that stand for user uploads: binary, nested, empty, and names with spaces and accents. */
export function uploadFixtures(): Map<string, Buffer> {
  return new Map([
    ["meals/2026-12-01/photo one.jpg", randomBytes(64 * 1024)],
    ["meals/2026-12-02/frühstück.png", randomBytes(3 * 1024)],
    ["avatars/user-1.webp", randomBytes(512)],
    ["imports/empty.csv", Buffer.alloc(0)],
  ]);
}
