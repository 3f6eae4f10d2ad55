import { createHash } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { and, count, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { EXPORT_FORMAT_VERSION, mePatchSchema } from "@fitcoach/contract";
import type { ImportFields, ImportJob } from "@fitcoach/contract";
import type { Logger } from "pino";

import type { Clock } from "../../platform/clock";
import type { Config } from "../../platform/config";
import type { Database, Executor } from "../../platform/database";
import { notFound, problem } from "../../platform/errors";
import { enqueueJob } from "../../platform/jobs/job-queue";
import type { JobWorker } from "../../platform/jobs/job-queue";
import { ConcurrencyLimit } from "../../platform/concurrency-limit";
import { addDays, todayIn } from "../../platform/local-date";
import type { RequestContext } from "../../platform/request-context";
import type { AccountsService } from "../accounts/accounts.service";
import type { AuditService } from "../audit/audit.service";
import type { ExercisesService } from "../exercises/exercises.service";
import type { DataSection, NutritionSource } from "../nutrition-source/nutrition-source";
import type { NewWorkout, WorkoutsService } from "../workouts/workouts.service";
import { trackingSections } from "./core-sections";
import { importJobs } from "./data-transfer.tables";
import type { ImportJobRow } from "./data-transfer.tables";
import { buildExportDocument, exportZip } from "./export-document";
import type { ExportDocument } from "./export-document";
import { ImportError } from "./import-error";
import { createImportParseRunner } from "./import-parse-runner";
import type { ParseRequest } from "./import-parser";

export const IMPORT_JOB_KIND = "data-transfer.import";
/** Imports one user may have queued or running at once; each keeps its file on disk until done. */
const PENDING_IMPORTS_MAX = 3;

export interface DataTransferService {
  exportDocument(
    userId: string,
    context: RequestContext,
    format: "json" | "csv",
  ): Promise<ExportDocument>;
  exportZip(document: ExportDocument): Uint8Array;
  /** Builds the JSON export without recording it; the caller records who asked for it. */
  buildExport(userId: string): Promise<ExportDocument>;
  /** Stores the file, records the import and queues it; the job does the work. */
  startImport(userId: string, file: Buffer, fields: ImportFields): Promise<ImportJob>;
  /** Runs a queued import to its end; the job row records success or the reason it failed. */
  runImport(importId: string): Promise<void>;
  getImport(userId: string, id: string): Promise<ImportJob>;
  listImports(userId: string): Promise<ImportJob[]>;
}

export interface DataTransferDependencies {
  db: Database;
  clock: Clock;
  config: Config;
  logger: Logger;
  jobs: JobWorker;
  audit: AuditService;
  accounts: AccountsService;
  exercises: ExercisesService;
  workouts: WorkoutsService;
  nutrition: NutritionSource;
  /**
   * Whether a second connection can write while the import's transaction is open. PGlite has a
   * single connection, so there the import writes progress only outside its transaction.
   */
  concurrentWrites: boolean;
  /** Sections of features added later (coach conversations, reminder rules), exported last. */
  extraSections?: DataSection[];
}

export function createDataTransferService(deps: DataTransferDependencies): DataTransferService {
  const log = deps.logger.child({ component: "data-transfer" });
  const sections: DataSection[] = [
    ...trackingSections(deps.db, deps.exercises),
    ...deps.nutrition.sections,
    ...(deps.extraSections ?? []),
  ];

  const parser = createImportParseRunner();
  // One import at a time per process, because each keeps its file, its parsed rows and a long
  // transaction open.
  const importLimit = new ConcurrencyLimit(1);

  function uploadPath(userId: string, importId: string): string {
    return path.join(deps.config.dataDir, "imports", userId, `${importId}.upload`);
  }

  async function setProgress(
    importId: string,
    percent: number,
    inTransaction: boolean,
  ): Promise<void> {
    if (inTransaction && !deps.concurrentWrites) return;
    await deps.db
      .update(importJobs)
      .set({ progressPercent: Math.round(percent) })
      .where(eq(importJobs.id, importId));
  }

  async function finishImport(
    job: ImportJobRow,
    outcome: { added: Record<string, number>; duplicateOf?: string } | { error: string },
  ): Promise<void> {
    const now = deps.clock.now();
    await deps.db.transaction(async (tx) => {
      if ("error" in outcome) {
        await tx
          .update(importJobs)
          .set({ status: "failed", error: outcome.error, finishedAt: now })
          .where(eq(importJobs.id, job.id));
      } else {
        await tx
          .update(importJobs)
          .set({
            status: "completed",
            progressPercent: 100,
            added: outcome.added,
            duplicateOf: outcome.duplicateOf ?? null,
            finishedAt: now,
          })
          .where(eq(importJobs.id, job.id));
      }
      await deps.audit.record(tx, {
        event: "error" in outcome ? "account.import.failed" : "account.import.completed",
        userId: job.userId,
        context: null,
        metadata: {
          importId: job.id,
          format: job.format,
          ...("error" in outcome
            ? {}
            : { added: outcome.added, duplicateOf: outcome.duplicateOf ?? null }),
        },
      });
    });
    await rm(uploadPath(job.userId, job.id), { force: true });
  }

  async function parseRequest(
    userId: string,
    format: ImportFields["format"],
    options: Record<string, string>,
    bytes: Uint8Array,
  ): Promise<ParseRequest> {
    const me = await deps.accounts.getMe(userId);
    const latestDate = addDays(todayIn(me.timeZone, deps.clock.now()), 1);
    const csv =
      format === "fitcoach-json"
        ? null
        : {
            unit:
              (options.unit as "kg" | "lb" | undefined) ?? (me.units === "imperial" ? "lb" : "kg"),
            timeZone: options.timeZone ?? me.timeZone,
            dateOrder: options.dateOrder as "dmy" | "mdy" | undefined,
            catalog: await deps.exercises.idsByName(deps.db),
          };
    return {
      format,
      bytes,
      sectionNames: sections.map((section) => section.name),
      latestDate,
      csv,
    };
  }

  async function importDocument(
    job: ImportJobRow,
    document: { profile: unknown; sections: Record<string, Record<string, unknown>[]> },
  ): Promise<Record<string, number>> {
    const total = Object.values(document.sections).reduce((sum, rows) => sum + rows.length, 0);

    return deps.db.transaction(async (tx) => {
      await applyProfile(tx, job.userId, document.profile);
      const added: Record<string, number> = {};
      const account = await deps.accounts.findById(tx, job.userId);
      const context = { idMap: new Map<string, string>(), timeZone: account?.timeZone ?? "UTC" };
      let done = 0;
      for (const section of sections) {
        const rows = document.sections[section.name] ?? [];
        added[section.name] =
          rows.length === 0 ? 0 : await section.importRows(tx, job.userId, rows, context);
        done += rows.length;
        await setProgress(job.id, 30 + (65 * done) / Math.max(total, 1), true);
      }
      return added;
    });
  }

  async function applyProfile(tx: Executor, userId: string, profile: unknown): Promise<void> {
    const parsed = mePatchSchema.safeParse(profile);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ImportError(`profile.${issue.path.join(".")} ${issue.message}.`);
    }
    await deps.accounts.updateProfile(userId, parsed.data, tx);
  }

  async function importWorkouts(
    job: ImportJobRow,
    workouts: NewWorkout[],
  ): Promise<Record<string, number>> {
    return deps.db.transaction(async (tx) => {
      let added = 0;
      for (const [index, workout] of workouts.entries()) {
        if (await deps.workouts.insertPrepared(tx, job.userId, workout)) added += 1;
        if (index % 100 === 99)
          await setProgress(job.id, 30 + (65 * index) / workouts.length, true);
      }
      return { workouts: added };
    });
  }

  async function runClaimedImport(job: ImportJobRow): Promise<void> {
    const importId = job.id;
    try {
      const bytes = await readFile(uploadPath(job.userId, job.id));
      await setProgress(job.id, 10, false);
      const outcome = await parser.parse(
        await parseRequest(job.userId, job.format, job.options, bytes),
      );
      if (outcome.kind === "rejected") throw new ImportError(outcome.detail);
      await setProgress(job.id, 30, false);
      const added =
        outcome.kind === "document"
          ? await importDocument(job, outcome)
          : await importWorkouts(job, outcome.workouts);
      await finishImport(job, { added });
      log.info({ userId: job.userId, importId, added }, "import completed");
    } catch (error) {
      if (error instanceof ImportError) {
        log.info({ userId: job.userId, importId }, "import rejected");
        await finishImport(job, { error: error.message });
        return;
      }
      log.error({ err: error, userId: job.userId, importId }, "import failed");
      await finishImport(job, {
        error: `The import failed on the server; nothing was added. Quote import ${importId} when reporting it.`,
      });
    }
  }

  async function runQueuedImport(importId: string): Promise<void> {
    const rows = await deps.db
      .select()
      .from(importJobs)
      .where(eq(importJobs.id, importId))
      .limit(1);
    const job = rows[0];
    if (!job || job.status === "completed" || job.status === "failed") return;
    if (job.status === "running") {
      // An earlier run died with its transaction open, so the database rolled it back.
      log.warn({ userId: job.userId, importId }, "import interrupted");
      await finishImport(job, {
        error: "The import was interrupted and nothing was added; upload the file again.",
      });
      return;
    }
    // Claims the import only if it is still queued, so two servers that both picked up the job
    // (after its lease ran out while it waited here) cannot both run it.
    const claimed = await deps.db
      .update(importJobs)
      .set({ status: "running", progressPercent: 5 })
      .where(and(eq(importJobs.id, importId), eq(importJobs.status, "queued")))
      .returning({ id: importJobs.id });
    if (claimed.length === 0) return;

    const earlier = await deps.db
      .select({ id: importJobs.id })
      .from(importJobs)
      .where(
        and(
          eq(importJobs.userId, job.userId),
          eq(importJobs.contentHash, job.contentHash),
          eq(importJobs.status, "completed"),
          ne(importJobs.id, job.id),
        ),
      )
      .limit(1);
    if (earlier[0]) {
      await finishImport(job, { added: {}, duplicateOf: earlier[0].id });
      return;
    }

    await runClaimedImport(job);
  }

  return {
    async exportDocument(userId, context, format) {
      const me = await deps.accounts.getMe(userId);
      const document = await buildExportDocument(me, sections, deps.clock.now());
      await deps.audit.record(deps.db, {
        event: "account.export",
        userId,
        context,
        metadata: { format, version: EXPORT_FORMAT_VERSION },
      });
      return document;
    },

    exportZip,

    async buildExport(userId) {
      const me = await deps.accounts.getMe(userId);
      return buildExportDocument(me, sections, deps.clock.now());
    },

    async startImport(userId, file, fields) {
      // Checked before parsing to spare the work, and again under a lock before the job is added.
      await assertImportSlot(deps.db, userId);

      const outcome = await parser.parse(
        await parseRequest(
          userId,
          fields.format,
          {
            ...(fields.unit ? { unit: fields.unit } : {}),
            ...(fields.timeZone ? { timeZone: fields.timeZone } : {}),
            ...(fields.dateOrder ? { dateOrder: fields.dateOrder } : {}),
          },
          file,
        ),
      );
      if (outcome.kind === "rejected") {
        log.info(
          { userId, format: fields.format, problems: outcome.errors.length },
          "import rejected",
        );
        throw problem("validation-failed", { detail: outcome.detail, errors: outcome.errors });
      }

      const hash = createHash("sha256")
        .update(
          JSON.stringify([
            fields.format,
            fields.unit ?? null,
            fields.timeZone ?? null,
            fields.dateOrder ?? null,
          ]),
        )
        .update(file)
        .digest("hex");
      const now = deps.clock.now();
      const options: Record<string, string> = {};
      if (fields.unit) options.unit = fields.unit;
      if (fields.timeZone) options.timeZone = fields.timeZone;
      if (fields.dateOrder) options.dateOrder = fields.dateOrder;

      const row = await deps.db.transaction(async (tx) => {
        // Parallel uploads of one account take turns here, so none slips past the count.
        await tx.execute(
          sql`select pg_advisory_xact_lock(hashtextextended(${`import:${userId}`}, 0))`,
        );
        await assertImportSlot(tx, userId);
        const inserted = await tx
          .insert(importJobs)
          .values({ userId, format: fields.format, options, contentHash: hash, createdAt: now })
          .returning();
        const job = inserted[0]!;
        const target = uploadPath(userId, job.id);
        await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
        await writeFile(target, file, { mode: 0o600 });
        await enqueueJob(tx, {
          kind: IMPORT_JOB_KIND,
          payload: { importId: job.id },
          runAt: now,
          // A second attempt only records that the first one was interrupted.
          maxAttempts: 2,
        });
        return job;
      });
      deps.jobs.kick();
      log.info(
        { userId, importId: row.id, format: row.format, bytes: file.length },
        "import queued",
      );
      return toImportJob(row);
    },

    async runImport(importId) {
      await importLimit.run(() => runQueuedImport(importId));
    },

    async getImport(userId, id) {
      const rows = await deps.db
        .select()
        .from(importJobs)
        .where(and(eq(importJobs.id, id), eq(importJobs.userId, userId)))
        .limit(1);
      if (!rows[0]) throw notFound(`Import ${id}`);
      return toImportJob(rows[0]);
    },

    async listImports(userId) {
      const rows = await deps.db
        .select()
        .from(importJobs)
        .where(eq(importJobs.userId, userId))
        .orderBy(desc(importJobs.createdAt))
        .limit(50);
      return rows.map(toImportJob);
    },
  };
}

function toImportJob(row: ImportJobRow): ImportJob {
  return {
    id: row.id,
    format: row.format,
    status: row.status,
    progressPercent: row.progressPercent,
    added: row.added,
    duplicateOf: row.duplicateOf,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** Refuses a new import while the account already has the most imports waiting or running. */
async function assertImportSlot(executor: Executor, userId: string): Promise<void> {
  const [waiting] = await executor
    .select({ total: count() })
    .from(importJobs)
    .where(and(eq(importJobs.userId, userId), inArray(importJobs.status, ["queued", "running"])));
  if ((waiting?.total ?? 0) >= PENDING_IMPORTS_MAX) {
    throw problem("rate-limited", {
      detail: `${PENDING_IMPORTS_MAX} imports are already waiting; try again when one has finished.`,
      headers: { "retry-after": "60" },
    });
  }
}
