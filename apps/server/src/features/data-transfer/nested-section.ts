import { asc, eq } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";

import type { Database, Executor } from "../../platform/database";
import type { DataSection } from "../nutrition-source/nutrition-source";
import { contentKey, existingContentKeys } from "./content-key";
import { ImportError } from "./import-error";
import type { RowCheck } from "./row-checks";
import {
  exportValues,
  IMPORTED_TEXT_MAX_LENGTH,
  importValues,
  keyOf,
  sectionColumns,
} from "./table-section";

interface ParentTable {
  table: PgTable;
  id: PgColumn;
  userId: PgColumn;
  orderBy: PgColumn[];
  omit?: PgColumn[];
  jsonMaxLength?: number;
  checkRow?: RowCheck;
}

interface ChildTable {
  table: PgTable;
  /** Column that refers to the parent row's id. */
  parentId: PgColumn;
  userId: PgColumn;
  orderBy: PgColumn[];
  omit?: PgColumn[];
  /** Field of the exported parent row that lists its children. */
  field: string;
}

/**
 * Builds the section of a table whose rows own rows of a second table, such as conversations and
 * their messages. Children are exported inside their parent without the parent id. An import
 * gives each parent a new id and writes its children in the exported order, so ordering columns
 * generated on insert (a bigserial sequence) come out in the same order.
 */
export function nestedSection(
  db: Database,
  name: string,
  parent: ParentTable,
  child: ChildTable,
): DataSection {
  const parentColumns = sectionColumns(parent.table, [parent.userId, ...(parent.omit ?? [])]);
  const childColumns = sectionColumns(child.table, [
    child.userId,
    child.parentId,
    ...(child.omit ?? []),
  ]);
  const parentIdKey = keyOf(parent.id, parent.table);
  const parentUserKey = keyOf(parent.userId, parent.table);
  const childParentKey = keyOf(child.parentId, child.table);
  const childUserKey = keyOf(child.userId, child.table);
  const limits = { jsonMaxLength: parent.jsonMaxLength ?? IMPORTED_TEXT_MAX_LENGTH };

  return {
    name,

    async exportRows(userId) {
      const parents = await db
        .select()
        .from(parent.table)
        .where(eq(parent.userId, userId))
        .orderBy(...parent.orderBy.map((column) => asc(column)));
      const children = await db
        .select()
        .from(child.table)
        .where(eq(child.userId, userId))
        .orderBy(...child.orderBy.map((column) => asc(column)));

      const byParent = new Map<unknown, Record<string, unknown>[]>();
      for (const row of children as Record<string, unknown>[]) {
        const list = byParent.get(row[childParentKey]) ?? [];
        list.push(exportValues(row, childColumns));
        byParent.set(row[childParentKey], list);
      }
      return (parents as Record<string, unknown>[]).map((row) => ({
        ...exportValues(row, parentColumns),
        [child.field]: byParent.get(row[parentIdKey]) ?? [],
      }));
    },

    async importRows(tx: Executor, userId, rows) {
      const prepared = rows.map((row, index) => {
        const where = `${name}[${index}]`;
        if (typeof row !== "object" || row === null || Array.isArray(row)) {
          throw new ImportError(`${where} must be an object.`);
        }
        const { [child.field]: nested, ...fields } = row;
        if (!Array.isArray(nested))
          throw new ImportError(`${where}.${child.field} must be a list.`);
        const values = importValues(fields, parentColumns, where, false, limits);
        parent.checkRow?.(values, where);
        return {
          parent: values,
          children: nested.map((item, childIndex) =>
            importValues(
              item as Record<string, unknown>,
              childColumns,
              `${where}.${child.field}[${childIndex}]`,
              false,
            ),
          ),
        };
      });

      const seen = await existingContentKeys(
        tx,
        parent.table,
        parent.userId,
        userId,
        parentColumns,
      );
      let added = 0;
      for (const item of prepared) {
        const key = contentKey(item.parent, parentColumns);
        if (seen.has(key)) continue;
        seen.add(key);
        const inserted = await tx
          .insert(parent.table)
          .values({ ...item.parent, [parentUserKey]: userId } as never)
          .onConflictDoNothing()
          .returning({ id: parent.id });
        const parentId = inserted[0]?.id;
        if (!parentId) continue;
        added += 1;
        // One INSERT per child keeps the exported order of generated sequence numbers. A child
        // repeated in the file (such as the same program set twice) is written once.
        for (const values of item.children) {
          await tx
            .insert(child.table)
            .values({ ...values, [childParentKey]: parentId, [childUserKey]: userId } as never)
            .onConflictDoNothing();
        }
      }
      return added;
    },
  };
}
