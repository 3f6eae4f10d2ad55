import type { QueuedWrite, WriteQueueStore } from "./write-queue";

const DATABASE_NAME = "fitcoach-offline";
const STORE_NAME = "writes";

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE_NAME, 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore(STORE_NAME, { keyPath: "id" });
      store.createIndex("createdAt", "createdAt");
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error("IndexedDB open failed."));
  });
}

function run<T>(
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  return openDatabase().then(
    (database) =>
      new Promise<T>((resolve, reject) => {
        const transaction = database.transaction(STORE_NAME, mode);
        const request = work(transaction.objectStore(STORE_NAME));
        transaction.oncomplete = () => {
          database.close();
          resolve(request.result);
        };
        transaction.onerror = () => {
          database.close();
          reject(transaction.error ?? new Error("IndexedDB transaction failed."));
        };
      }),
  );
}

/** Creates the write queue in IndexedDB, which the service worker and the page can both open. */
export function createIndexedDbQueueStore(): WriteQueueStore {
  return {
    async add(write) {
      await run("readwrite", (store) => store.put(write));
    },
    async list() {
      const writes = await run<QueuedWrite[]>("readonly", (store) =>
        store.index("createdAt").getAll(),
      );
      return writes;
    },
    async remove(id) {
      await run("readwrite", (store) => store.delete(id));
    },
    async clear() {
      await run("readwrite", (store) => store.clear());
    },
    count: () => run("readonly", (store) => store.count()),
  };
}
