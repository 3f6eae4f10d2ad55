// ops/backup.sh and ops/restore.sh against a PostgreSQL server reached through DATABASE_URL: the
// machine's own server, in a database this file creates and drops (fitcoach_ops_test_<random>).
// Needs no container engine, so it runs even where the stack test cannot.
import { randomBytes } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  fileMode,
  manifestRows,
  readManifest,
  runBackup,
  runRestore,
  uploadFixtures,
  writeCopyWithManifest,
  writeCorruptedCopy,
  writtenArchive,
} from "./helpers/backups";
import { databaseFingerprint, hashFiles, rowCounts } from "./helpers/fingerprint";
import { REPO_DIR, run, runOk } from "./helpers/process";

// The maintenance database used only to create and drop the scratch database.
const ADMIN_URL = process.env.OPS_TEST_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const DATABASE_NAME = `fitcoach_ops_test_${randomBytes(4).toString("hex")}`;
const DATABASE_URL = ADMIN_URL.replace(/\/[^/?]*(\?|$)/, `/${DATABASE_NAME}$1`);
const DAY_MS = 24 * 60 * 60 * 1000;

const workDir = mkdtempSync(path.join(os.tmpdir(), "fitcoach-ops-backup-"));
const dataDir = path.join(workDir, "data");
const uploadsDir = path.join(dataDir, "uploads");
const backupDir = path.join(workDir, "backups");
const gpgHome = path.join(workDir, "gnupg");
const gpgPublicOnlyHome = path.join(workDir, "gnupg-public");
const GPG_RECIPIENT = "ops-test@example.invalid";

const scriptEnv: NodeJS.ProcessEnv = {
  DATABASE_URL,
  DATA_DIR: dataDir,
  BACKUP_DIR: backupDir,
  // A path that does not exist, so a developer's .env.docker never leaks into the test.
  FITCOACH_ENV_FILE: path.join(workDir, "no-env-file"),
  NODE_ENV: "development",
};

function psql(sql: string, url = DATABASE_URL): Promise<string> {
  return runOk("psql", ["-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", url], { input: sql });
}

function fingerprint(): Promise<Record<string, string>> {
  return databaseFingerprint((sql) => psql(sql));
}

function archivesIn(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => name.startsWith("fitcoach-"))
    .sort();
}

function lastLogLine(): string {
  const lines = readFileSync(path.join(backupDir, "backup.log"), "utf8").trim().split("\n");
  return lines[lines.length - 1] ?? "";
}

async function createFixtures(): Promise<void> {
  await runOk("node", ["apps/server/bin/fitcoach.mjs", "db:migrate"], {
    env: { ...process.env, ...scriptEnv },
  });
  await psql(`
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE TABLE public.ops_probe (
      id serial PRIMARY KEY, note text, data bytea, measured_at timestamptz, tags text[]
    );
    CREATE INDEX ops_probe_note_trgm ON public.ops_probe USING gin (note gin_trgm_ops);
    INSERT INTO public.ops_probe (note, data, measured_at, tags) VALUES
      (E'two\\nlines\\tand a tab', '\\x00ff10', '2026-12-01T07:30:00Z', ARRAY['a', 'b']),
      (E'back\\\\slash and ''quote''', NULL, NULL, NULL),
      ('Grüße, 睡眠, 🏃', '\\x', '2026-12-02T23:59:59.999Z', ARRAY[]::text[]),
      (repeat('long text ', 20000), decode(repeat('ab', 5000), 'hex'), now(), ARRAY['x']);
    INSERT INTO jobs (kind, payload, run_at)
      SELECT 'ops-test.marker', jsonb_build_object('n', n, 'text', E'line\\nbreak'), now() + interval '1 year'
      FROM generate_series(1, 30) AS n;`);

  for (const [relative, content] of uploadFixtures()) {
    mkdirSync(path.dirname(path.join(uploadsDir, relative)), { recursive: true });
    writeFileSync(path.join(uploadsDir, relative), content);
  }
}

async function generateGpgKeys(): Promise<void> {
  for (const home of [gpgHome, gpgPublicOnlyHome]) mkdirSync(home, { mode: 0o700 });
  const gpg = (home: string, args: string[], input?: string): Promise<string> =>
    runOk("gpg", ["--batch", "--homedir", home, ...args], { input });

  await gpg(gpgHome, [
    "--pinentry-mode",
    "loopback",
    "--passphrase",
    "",
    "--quick-generate-key",
    `FitCoach Ops Test <${GPG_RECIPIENT}>`,
    "future-default",
    "default",
    "never",
  ]);
  const publicKey = await gpg(gpgHome, ["--armor", "--export", GPG_RECIPIENT]);
  await gpg(gpgPublicOnlyHome, ["--import"], publicKey);
}

let originalFingerprint: Record<string, string> = {};
let originalUploads: Record<string, string> = {};
let firstArchive = "";

beforeAll(async () => {
  await runOk("npm", ["run", "build", "-w", "@fitcoach/server"]);
  await psql(`CREATE DATABASE ${DATABASE_NAME};`, ADMIN_URL);
  await createFixtures();
  await generateGpgKeys();

  originalFingerprint = await fingerprint();
  originalUploads = hashFiles(uploadsDir);
});

afterAll(async () => {
  // Drops only the database this file created; FORCE ends connections a failed test left open.
  await psql(`DROP DATABASE IF EXISTS ${DATABASE_NAME} WITH (FORCE);`, ADMIN_URL).catch(() => "");
  for (const home of [gpgHome, gpgPublicOnlyHome]) {
    await run("gpgconf", ["--homedir", home, "--kill", "all"]);
  }
  rmSync(workDir, { recursive: true, force: true });
});

describe("backup.sh with DATABASE_URL", () => {
  it("writes a verified archive with mode 600", async () => {
    const result = await runBackup(scriptEnv);

    expect(result.status, result.stderr).toBe(0);
    firstArchive = writtenArchive(result);
    expect(path.basename(firstArchive)).toMatch(/^fitcoach-\d{8}T\d{6}Z\.tar\.gz$/);
    expect(fileMode(firstArchive)).toBe(0o600);
    expect(fileMode(backupDir)).toBe(0o700);
    expect(fileMode(path.join(backupDir, "backup.log"))).toBe(0o600);
    expect(lastLogLine()).toMatch(
      new RegExp(`backup ok ${path.basename(firstArchive)} bytes=\\d+ tables=\\d+ rows=\\d+ `),
    );
  });

  it("records real row counts and checksums", async () => {
    const manifest = await readManifest(firstArchive);

    expect(manifestRows(manifest)).toEqual(rowCounts(originalFingerprint));
    expect(manifest).toContain(`files uploads ${uploadFixtures().size}`);
    expect(manifest).toMatch(/^sha256 [0-9a-f]{64} database\.dump$/m);
    expect(manifest).toMatch(/^sha256 [0-9a-f]{64} uploads\.tar$/m);
  });

  it("fails and logs when the database is unreachable", async () => {
    const before = archivesIn(backupDir);

    const result = await runBackup({
      ...scriptEnv,
      DATABASE_URL: `${DATABASE_URL}_missing`,
    });

    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("cannot connect to the database");
    expect(lastLogLine()).toContain("backup failed: cannot connect to the database");
    expect(archivesIn(backupDir)).toEqual(before);
  });
});

describe("restore.sh with DATABASE_URL", () => {
  it("restores every row and uploaded file", async () => {
    await psql(`
      DELETE FROM jobs WHERE (payload->>'n')::int <= 10;
      UPDATE public.ops_probe SET note = 'changed';
      CREATE TABLE public.created_after_backup (id int);`);
    rmSync(path.join(uploadsDir, "meals"), { recursive: true });
    writeFileSync(path.join(uploadsDir, "stray.txt"), "not in the backup");
    expect(await fingerprint()).not.toEqual(originalFingerprint);

    const result = await runRestore(["--force", firstArchive], scriptEnv);

    expect(result.status, result.stderr).toBe(0);
    expect(await fingerprint()).toEqual(originalFingerprint);
    expect(hashFiles(uploadsDir)).toEqual(originalUploads);
    expect(await psql("SELECT to_regclass('public.created_after_backup');")).toBe("\n");
    expect(lastLogLine()).toContain(`restore ok ${path.basename(firstArchive)}`);
  });

  it("keeps a safety backup of the replaced state", async () => {
    const safety = archivesIn(backupDir).filter((name) => name.endsWith("-pre-restore.tar.gz"));

    expect(safety).toHaveLength(1);
    const manifest = await readManifest(path.join(backupDir, safety[0]!));
    expect(manifestRows(manifest)["public.created_after_backup"]).toBe(0);
    expect(manifestRows(manifest)["public.jobs"]).toBe(20);
    expect(fileMode(path.join(backupDir, safety[0]!))).toBe(0o600);
  });

  it("rejects a corrupted archive and changes nothing", async () => {
    const corrupted = path.join(workDir, "fitcoach-corrupted.tar.gz");
    writeCorruptedCopy(firstArchive, corrupted);
    const archivesBefore = archivesIn(backupDir);

    const result = await runRestore(["--force", corrupted], scriptEnv);

    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/damaged|checksum/);
    expect(result.stderr).toContain("the database was not changed");
    expect(await fingerprint()).toEqual(originalFingerprint);
    expect(hashFiles(uploadsDir)).toEqual(originalUploads);
    expect(archivesIn(backupDir)).toEqual(archivesBefore);
  });

  it("rolls back when row counts disagree", async () => {
    const tampered = path.join(workDir, "fitcoach-tampered.tar.gz");
    await writeCopyWithManifest(firstArchive, tampered, (manifest) =>
      manifest.replace(
        /^rows public\.jobs (\d+)$/m,
        (_line, count: string) => `rows public.jobs ${Number(count) + 1}`,
      ),
    );
    await psql("INSERT INTO jobs (kind, payload) VALUES ('ops-test.after', '{}');");
    const before = await fingerprint();

    const result = await runRestore(["--force", tampered], scriptEnv);

    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("restored table public.jobs has 30 rows, the manifest says 31");
    expect(result.stderr).toContain("rolled back");
    expect(await fingerprint()).toEqual(before);
    await psql("DELETE FROM jobs WHERE kind = 'ops-test.after';");
    expect(await fingerprint()).toEqual(originalFingerprint);
  });

  it("prints usage without a backup file", async () => {
    const result = await runRestore([], scriptEnv);

    expect(result.status).toBe(2);
    expect(result.stdout + result.stderr).toContain("Usage: ops/restore.sh [--force] FILE");
  });

  it("requires confirmation unless forced", async () => {
    // setsid detaches the script from any terminal, as under cron.
    const result = await run(
      "setsid",
      ["bash", path.join(REPO_DIR, "ops/restore.sh"), firstArchive],
      {
        env: { ...process.env, ...scriptEnv },
      },
    );

    expect(result.status).toBe(1);
    expect(result.stderr).toContain("re-run with --force");
    expect(await fingerprint()).toEqual(originalFingerprint);
  });
});

describe("backup rotation", () => {
  it("deletes only archives older than the retention", async () => {
    const rotationDir = path.join(workDir, "rotation");
    mkdirSync(rotationDir);
    const now = Date.now();
    const ages: Record<string, number> = {
      "fitcoach-20200101T000000Z.tar.gz": 40 * DAY_MS,
      "fitcoach-20200102T000000Z.tar.gz.gpg": 30 * DAY_MS + 10 * 60 * 1000,
      "fitcoach-20200103T000000Z-pre-restore.tar.gz": 31 * DAY_MS,
      "fitcoach-20200104T000000Z.tar.gz": 30 * DAY_MS - 60 * 60 * 1000,
      "fitcoach-20200105T000000Z.tar.gz.gpg": 2 * DAY_MS,
      "notes-from-the-admin.txt": 400 * DAY_MS,
      "fitcoach-export.json": 400 * DAY_MS,
    };
    for (const [name, ageMs] of Object.entries(ages)) {
      const file = path.join(rotationDir, name);
      writeFileSync(file, name);
      utimesSync(file, new Date(now - ageMs), new Date(now - ageMs));
    }

    const result = await runBackup({
      ...scriptEnv,
      BACKUP_DIR: rotationDir,
      BACKUP_RETENTION_DAYS: "30",
    });

    expect(result.status, result.stderr).toBe(0);
    const remaining = readdirSync(rotationDir)
      .filter((name) => !name.startsWith("."))
      .sort();
    expect(remaining).toEqual(
      [
        "backup.log",
        "fitcoach-20200104T000000Z.tar.gz",
        "fitcoach-20200105T000000Z.tar.gz.gpg",
        "fitcoach-export.json",
        "notes-from-the-admin.txt",
        path.basename(writtenArchive(result)),
      ].sort(),
    );
    expect(readFileSync(path.join(rotationDir, "backup.log"), "utf8")).toContain("deleted=3");
  });

  it("keeps every archive with retention 0", async () => {
    const keepDir = path.join(workDir, "keep-all");
    mkdirSync(keepDir);
    const old = path.join(keepDir, "fitcoach-20100101T000000Z.tar.gz");
    writeFileSync(old, "old");
    utimesSync(old, new Date(Date.now() - 5000 * DAY_MS), new Date(Date.now() - 5000 * DAY_MS));

    const result = await runBackup({
      ...scriptEnv,
      BACKUP_DIR: keepDir,
      BACKUP_RETENTION_DAYS: "0",
    });

    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(old)).toBe(true);
  });
});

describe("encrypted backups", () => {
  let encryptedArchive = "";

  it("encrypts to the configured recipient", async () => {
    const result = await runBackup({
      ...scriptEnv,
      BACKUP_GPG_RECIPIENT: GPG_RECIPIENT,
      GNUPGHOME: gpgHome,
    });

    expect(result.status, result.stderr).toBe(0);
    encryptedArchive = writtenArchive(result);
    expect(encryptedArchive).toMatch(/\.tar\.gz\.gpg$/);
    expect(fileMode(encryptedArchive)).toBe(0o600);
    // A gzip stream starts with 1f 8b; the encrypted file must not.
    expect(readFileSync(encryptedArchive).subarray(0, 2).toString("hex")).not.toBe("1f8b");
    expect((await run("tar", ["-tzf", encryptedArchive])).status).not.toBe(0);
  });

  it("fails without the secret key and changes nothing", async () => {
    const result = await runRestore(["--force", encryptedArchive], {
      ...scriptEnv,
      GNUPGHOME: gpgPublicOnlyHome,
    });

    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("cannot decrypt");
    expect(await fingerprint()).toEqual(originalFingerprint);
  });

  it("restores with the key", async () => {
    await psql("TRUNCATE public.ops_probe; DELETE FROM jobs;");
    rmSync(uploadsDir, { recursive: true });

    const result = await runRestore(["--force", encryptedArchive], {
      ...scriptEnv,
      GNUPGHOME: gpgHome,
    });

    expect(result.status, result.stderr).toBe(0);
    expect(await fingerprint()).toEqual(originalFingerprint);
    expect(hashFiles(uploadsDir)).toEqual(originalUploads);
  });

  it("backs up with only the public key", async () => {
    const result = await runBackup({
      ...scriptEnv,
      BACKUP_GPG_RECIPIENT: GPG_RECIPIENT,
      GNUPGHOME: gpgPublicOnlyHome,
    });

    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain("checked by checksum only");
    expect(fileMode(writtenArchive(result))).toBe(0o600);
  });
});
