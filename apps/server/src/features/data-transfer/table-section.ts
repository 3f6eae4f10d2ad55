import { asc, eq, getTableColumns } from "drizzle-orm";
import type { Column } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";

import type { Database, Executor } from "../../platform/database";
import type { DataSection } from "../nutrition-source/nutrition-source";
import { contentKey, existingContentKeys } from "./content-key";
import { ImportError } from "./import-error";
import type { RowCheck } from "./row-checks";

/** Maximum length of any imported text; the API's own limits are all below it. */
export const IMPORTED_TEXT_MAX_LENGTH = 20_000;
const IMPORTED_ARRAY_MAX_LENGTH = 100;
const IMPORT_BATCH_SIZE = 500;

interface SectionTable {
  table: PgTable;
  userId: PgColumn;
  orderBy: PgColumn[];
}

export interface TableSectionOptions {
  /** Whether an import keeps the exported `id` instead of giving the row a new one. */
  keepsId?: boolean;
  /** Columns left out of the export and the import, such as secrets and generated counters. */
  omit?: PgColumn[];
  /** Maximum length of a JSON column's value as text; IMPORTED_TEXT_MAX_LENGTH when absent. */
  jsonMaxLength?: number;
  /**
   * Whether the section is exported only. Such rows (sessions, delivery logs, cost ledgers) record
   * what happened to the account, so an import must not create them and skips the section.
   */
  exportOnly?: boolean;
  /** Check of each imported row beyond its column types. */
  checkRow?: RowCheck;
}

/** Limits of one import's value checks. */
export interface ValueLimits {
  jsonMaxLength: number;
}

const DEFAULT_LIMITS: ValueLimits = { jsonMaxLength: IMPORTED_TEXT_MAX_LENGTH };

/** Lists a table's columns by TypeScript name, without the owner column and the omitted ones. */
export function sectionColumns(table: PgTable, without: PgColumn[]): [string, Column][] {
  return Object.entries(getTableColumns(table)).filter(
    ([, column]) => !without.includes(column as PgColumn),
  );
}

/**
 * Builds the data section of one user-owned table. Every column but `user_id` is exported under
 * its TypeScript name, timestamps as ISO text. Imports check each value against the column's type,
 * give the row a new id and skip rows whose unique key (such as `source_key`) already exists.
 */
export function tableSection(
  db: Database,
  name: string,
  spec: SectionTable,
  options: TableSectionOptions = {},
): DataSection {
  const columns = sectionColumns(spec.table, [spec.userId, ...(options.omit ?? [])]);
  const limits = { jsonMaxLength: options.jsonMaxLength ?? IMPORTED_TEXT_MAX_LENGTH };

  return {
    name,

    async exportRows(userId) {
      const rows = await db
        .select()
        .from(spec.table)
        .where(eq(spec.userId, userId))
        .orderBy(...spec.orderBy.map((column) => asc(column)));
      return rows.map((row) => exportValues(row as Record<string, unknown>, columns));
    },

    async importRows(tx: Executor, userId, rows) {
      if (options.exportOnly) return 0;
      const userKey = keyOf(spec.userId, spec.table);
      const values = rows.map((row, index) => {
        const where = `${name}[${index}]`;
        const checked = importValues(row, columns, where, options.keepsId === true, limits);
        options.checkRow?.(checked, where);
        return { ...checked, [userKey]: userId };
      });
      // Rows kept by id already conflict on it; others are compared by what they hold.
      const seen = options.keepsId
        ? null
        : await existingContentKeys(tx, spec.table, spec.userId, userId, columns);
      const fresh = seen
        ? values.filter((row) => {
            const key = contentKey(row, columns);
            if (seen.has(key)) return false;
            seen.add(key);
            return true;
          })
        : values;
      let added = 0;
      for (let start = 0; start < fresh.length; start += IMPORT_BATCH_SIZE) {
        const inserted = await tx
          .insert(spec.table)
          .values(fresh.slice(start, start + IMPORT_BATCH_SIZE) as never)
          .onConflictDoNothing()
          .returning();
        added += inserted.length;
      }
      return added;
    },
  };
}

export function keyOf(column: PgColumn, table: PgTable): string {
  const entry = Object.entries(getTableColumns(table)).find(
    ([, candidate]) => candidate === column,
  );
  return entry![0];
}

export function exportValues(
  row: Record<string, unknown>,
  columns: [string, Column][],
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key] of columns) {
    const value = row[key];
    values[key] = value instanceof Date ? value.toISOString() : value;
  }
  return values;
}

/** Checks one imported row against the table's columns and converts it to insertable values. */
export function importValues(
  row: Record<string, unknown>,
  columns: [string, Column][],
  where: string,
  keepsId: boolean,
  limits: ValueLimits = DEFAULT_LIMITS,
): Record<string, unknown> {
  if (typeof row !== "object" || row === null || Array.isArray(row)) {
    throw new ImportError(`${where} must be an object.`);
  }
  const known = new Set(columns.map(([key]) => key));
  const unknown = Object.keys(row).find((key) => !known.has(key));
  if (unknown) throw new ImportError(`${where}.${unknown} is not a field of this section.`);

  const values: Record<string, unknown> = {};
  for (const [key, column] of columns) {
    if (key === "id" && !keepsId) continue;
    const value = row[key];
    if (value === undefined || value === null) {
      if (column.notNull && !column.hasDefault) {
        throw new ImportError(`${where}.${key} is missing.`);
      }
      if (value === null && !column.notNull) values[key] = null;
      continue;
    }
    values[key] = checkValue(value, column, `${where}.${key}`, limits);
  }
  return values;
}

function checkValue(value: unknown, column: Column, where: string, limits: ValueLimits): unknown {
  const enumValues = (column as { enumValues?: string[] }).enumValues;
  switch (column.columnType) {
    case "PgTimestamp": {
      const instant = typeof value === "string" ? new Date(value) : null;
      if (!instant || Number.isNaN(instant.getTime())) {
        throw new ImportError(`${where} must be an ISO 8601 timestamp.`);
      }
      return instant;
    }
    case "PgDateString":
      if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        throw new ImportError(`${where} must be a date as YYYY-MM-DD.`);
      }
      return value;
    case "PgUUID":
      if (typeof value !== "string" || !/^[0-9a-f-]{36}$/i.test(value)) {
        throw new ImportError(`${where} must be a UUID.`);
      }
      return value;
    case "PgInteger":
    case "PgSmallInt":
      if (!Number.isInteger(value) || Math.abs(value as number) > 2_000_000_000) {
        throw new ImportError(`${where} must be a whole number.`);
      }
      if (column.columnType === "PgSmallInt" && Math.abs(value as number) > 32_000) {
        throw new ImportError(`${where} is out of range.`);
      }
      return value;
    case "PgBoolean":
      if (typeof value !== "boolean") throw new ImportError(`${where} must be true or false.`);
      return value;
    case "PgNumericNumber":
      if (typeof value !== "number" || !Number.isFinite(value) || Math.abs(value) >= 1e6) {
        throw new ImportError(`${where} must be a number below 1,000,000.`);
      }
      return value;
    case "PgArray":
      if ((column as { baseColumn?: Column }).baseColumn?.columnType === "PgInteger") {
        if (
          !Array.isArray(value) ||
          value.length > IMPORTED_ARRAY_MAX_LENGTH ||
          !value.every(
            (item) => Number.isInteger(item) && Math.abs(item as number) <= 2_000_000_000,
          )
        ) {
          throw new ImportError(
            `${where} must be a list of at most ${IMPORTED_ARRAY_MAX_LENGTH} whole numbers.`,
          );
        }
        return value;
      }
      if (
        !Array.isArray(value) ||
        value.length > IMPORTED_ARRAY_MAX_LENGTH ||
        !value.every((item) => typeof item === "string" && item.length <= IMPORTED_TEXT_MAX_LENGTH)
      ) {
        throw new ImportError(
          `${where} must be a list of at most ${IMPORTED_ARRAY_MAX_LENGTH} texts.`,
        );
      }
      return value;
    case "PgJsonb":
      if (typeof value !== "object") throw new ImportError(`${where} must be an object.`);
      if (JSON.stringify(value).length > limits.jsonMaxLength) {
        throw new ImportError(
          `${where} must have at most ${limits.jsonMaxLength} characters as JSON.`,
        );
      }
      return value;
    default:
      if (typeof value !== "string" || value.length > IMPORTED_TEXT_MAX_LENGTH) {
        throw new ImportError(
          `${where} must be a text of at most ${IMPORTED_TEXT_MAX_LENGTH} characters.`,
        );
      }
      if (enumValues && !enumValues.includes(value)) {
        throw new ImportError(`${where} must be one of ${enumValues.join(", ")}.`);
      }
      return value;
  }
}
