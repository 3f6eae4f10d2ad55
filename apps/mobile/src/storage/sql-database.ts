/** A value SQLite stores in a column this app uses. */
export type SqlValue = string | number | null;

/** Statements inside one transaction. */
export interface SqlExecutor {
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  all<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
}

/**
 * The local database as the rest of the app sees it. Every call waits for the previous one, so a
 * transaction never interleaves with statements from another part of the app.
 */
export interface SqlDatabase extends SqlExecutor {
  /** Runs several statements without parameters, such as a migration. */
  execute(sql: string): Promise<void>;
  first<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row | null>;
  /** Runs `work` in one transaction that is rolled back when `work` throws. */
  transaction<T>(work: (executor: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Runs tasks one after another, in the order they were queued. */
export function createSerialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();

  return function enqueue<T>(task: () => Promise<T>): Promise<T> {
    const result = tail.then(task, task);
    tail = result.catch(() => undefined);
    return result;
  };
}
