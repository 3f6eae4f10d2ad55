import { and, asc, between, count, eq, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";

import type { Clock } from "../../platform/clock";
import type { Database, Executor } from "../../platform/database";
import { notFound, problem } from "../../platform/errors";
import { versionConflict } from "../../platform/etag";
import { assertLoggableDate } from "../../platform/local-date";
import { assertDateRange } from "./date-range";

/**
 * Most entries of one kind on one day. Far above real use (twenty glasses of water is a lot), it
 * keeps a day card small enough to load quickly whatever a client sends.
 */
export const ENTRIES_PER_DAY_MAX = 100;

/** The columns the generic entry code touches; every entry table has them (entryColumns). */
export type EntryTable = PgTable & {
  id: PgColumn;
  userId: PgColumn;
  date: PgColumn;
  version: PgColumn;
  updatedAt: PgColumn;
  createdAt: PgColumn;
};

export interface EntryRowBase {
  id: string;
  userId: string;
  date: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Author of a write: the user id and the zone that local dates and times are read in. */
export interface EntryAuthor {
  userId: string;
  timeZone: string;
}

/** Parts a kind of entry (water, sleep…) adds to the shared create, list, edit and delete code. */
export interface EntryKind<Row extends EntryRowBase, View, Create, Patch> {
  /** Name used in messages, such as "Water entry". */
  label: string;
  table: EntryTable;
  toView(row: Row): View;
  /** Column values of a new row, `date` included. */
  toInsert(input: Create, author: EntryAuthor): Record<string, unknown> & { date: string };
  /** Column values that change; `date` is checked when present. */
  toUpdate(row: Row, patch: Patch, author: EntryAuthor): Record<string, unknown>;
}

export interface EntryService<Row, View, Create, Patch> {
  create(author: EntryAuthor, input: Create): Promise<View>;
  /** Lists entries of a date range, at most `limit`. `hasMore` is true when the range contains more. */
  list(
    userId: string,
    range: { from: string; to: string; limit: number },
  ): Promise<{ items: View[]; hasMore: boolean }>;
  get(userId: string, id: string): Promise<View>;
  update(author: EntryAuthor, id: string, patch: Patch, expected: number | null): Promise<View>;
  remove(userId: string, id: string, expected: number | null): Promise<void>;
  /** Rows of a date range for the day card and export, in date and creation order. */
  rowsBetween(executor: Executor, userId: string, from: string, to: string): Promise<Row[]>;
  toView(row: Row): View;
}

/** Builds the create, list, edit and delete rules shared by every kind of logged entry. */
export function createEntryService<Row extends EntryRowBase, View, Create, Patch>(
  deps: { db: Database; clock: Clock },
  kind: EntryKind<Row, View, Create, Patch>,
): EntryService<Row, View, Create, Patch> {
  const { table } = kind;

  async function findRow(userId: string, id: string): Promise<Row | null> {
    const rows = await deps.db
      .select()
      .from(table)
      .where(and(eq(table.id, id), eq(table.userId, userId)))
      .limit(1);
    return (rows[0] as Row | undefined) ?? null;
  }

  async function rowsBetween(
    executor: Executor,
    userId: string,
    from: string,
    to: string,
    limit?: number,
  ): Promise<Row[]> {
    const query = executor
      .select()
      .from(table)
      .where(and(eq(table.userId, userId), between(table.date, from, to)))
      .orderBy(asc(table.date), asc(table.createdAt), asc(table.id));
    return (await (limit === undefined ? query : query.limit(limit))) as Row[];
  }

  return {
    toView: kind.toView,

    async create(author, input) {
      const now = deps.clock.now();
      const values = kind.toInsert(input, author);
      assertLoggableDate(values.date, author.timeZone, now);
      const [existing] = await deps.db
        .select({ total: count() })
        .from(table)
        .where(and(eq(table.userId, author.userId), eq(table.date, values.date)));
      if ((existing?.total ?? 0) >= ENTRIES_PER_DAY_MAX) {
        throw problem("conflict", {
          detail: `This day already has ${ENTRIES_PER_DAY_MAX} ${kind.label.toLowerCase().replace(/ entry$/, "")} entries, the most a day holds; edit or delete one first.`,
        });
      }

      const rows = await deps.db
        .insert(table)
        .values({ ...values, userId: author.userId, createdAt: now, updatedAt: now } as never)
        .returning();
      return kind.toView(rows[0] as unknown as Row);
    },

    async list(userId, range) {
      assertDateRange(range.from, range.to);
      const rows = await rowsBetween(deps.db, userId, range.from, range.to, range.limit + 1);
      return {
        items: rows.slice(0, range.limit).map(kind.toView),
        hasMore: rows.length > range.limit,
      };
    },

    async get(userId, id) {
      const row = await findRow(userId, id);
      if (!row) throw notFound(`${kind.label} ${id}`);
      return kind.toView(row);
    },

    async update(author, id, patch, expected) {
      const row = await findRow(author.userId, id);
      if (!row) throw notFound(`${kind.label} ${id}`);
      if (expected !== null && row.version !== expected) throw versionConflict(kind.label);

      const changes = kind.toUpdate(row, patch, author);
      if (typeof changes.date === "string") {
        assertLoggableDate(changes.date, author.timeZone, deps.clock.now());
      }
      const updated = await deps.db
        .update(table)
        .set({
          ...changes,
          version: sql`${table.version} + 1`,
          updatedAt: deps.clock.now(),
        } as never)
        .where(
          and(eq(table.id, id), eq(table.userId, author.userId), eq(table.version, row.version)),
        )
        .returning();
      // Another request changed the row between the read and this write.
      if (updated.length === 0) throw versionConflict(kind.label);
      return kind.toView(updated[0] as unknown as Row);
    },

    async remove(userId, id, expected) {
      const deleted = await deps.db
        .delete(table)
        .where(
          and(
            eq(table.id, id),
            eq(table.userId, userId),
            expected === null ? undefined : eq(table.version, expected),
          ),
        )
        .returning({ id: table.id });
      if (deleted.length > 0) return;
      if (await findRow(userId, id)) throw versionConflict(kind.label);
      throw notFound(`${kind.label} ${id}`);
    },

    rowsBetween: (executor, userId, from, to) => rowsBetween(executor, userId, from, to),
  };
}

/** ISO text of a row's timestamps and its version: the meta fields every entry view carries. */
export function entryMeta(row: EntryRowBase): {
  id: string;
  date: string;
  version: number;
  createdAt: string;
  updatedAt: string;
} {
  return {
    id: row.id,
    date: row.date,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
