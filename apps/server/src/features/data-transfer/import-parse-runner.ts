import { Worker } from "node:worker_threads";

import { ConcurrencyLimit } from "../../platform/concurrency-limit";
import type { ParseOutcome, ParseRequest } from "./import-parser";

/**
 * Heap of one parse thread. A 50 MB export of 288,000 water rows (the default upload limit)
 * parses within it, measured with Node 20; a file that needs more is rejected.
 */
const PARSE_HEAP_MAX_MB = 512;

export interface ImportParseRunner {
  /** Parses one file in a worker thread; queued behind any parse already running. */
  parse(request: ParseRequest): Promise<ParseOutcome>;
}

/**
 * Creates the runner that parses import files off the main thread, one file at a time per
 * process, because each parse keeps the whole file and its rows in memory.
 */
export function createImportParseRunner(): ImportParseRunner {
  const limit = new ConcurrencyLimit(1);
  return {
    async parse(request) {
      return (await limit.run(() => parseInWorker(request)))!;
    },
  };
}

function parseInWorker(request: ParseRequest): Promise<ParseOutcome> {
  const worker = startWorker(request);
  return new Promise((resolve, reject) => {
    let isSettled = false;
    worker.once("message", (outcome: ParseOutcome) => {
      isSettled = true;
      resolve(outcome);
    });
    worker.once("error", (error: NodeJS.ErrnoException) => {
      isSettled = true;
      if (error.code === "ERR_WORKER_OUT_OF_MEMORY") {
        const detail = `Reading the file needs more than the ${PARSE_HEAP_MAX_MB} MB this server allows; split it into smaller files.`;
        resolve({ kind: "rejected", detail, errors: [{ field: "file", message: detail }] });
        return;
      }
      reject(error);
    });
    worker.once("exit", (code) => {
      if (!isSettled) reject(new Error(`The import parse thread exited with code ${code}.`));
    });
  });
}

/**
 * Starts the worker thread. In the esbuild bundle the entry is dist/import-worker.js, while this
 * code may sit in dist/main.js or in a chunk under dist/chunks/. From source (tsx, vitest) the
 * entry is the TypeScript file beside this one, so the thread registers tsx before loading it.
 */
function startWorker(request: ParseRequest): Worker {
  const options = {
    workerData: request,
    resourceLimits: { maxOldGenerationSizeMb: PARSE_HEAP_MAX_MB },
  };
  if (!import.meta.url.endsWith(".ts")) {
    const folder = new URL(".", import.meta.url);
    const dist = folder.pathname.endsWith("/chunks/") ? new URL("..", folder) : folder;
    return new Worker(new URL("import-worker.js", dist), options);
  }

  const entry = new URL("./import-worker.ts", import.meta.url).href;
  const tsxApi = import.meta.resolve("tsx/esm/api");
  const bootstrap = `import(${JSON.stringify(tsxApi)})
    .then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}
