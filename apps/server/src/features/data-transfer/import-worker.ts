import { parentPort, workerData } from "node:worker_threads";

import { parseImportFile } from "./import-parser";
import type { ParseRequest } from "./import-parser";

// Entry of the worker thread that parses one import file, so parsing a large file does not block
// the event loop that serves requests. The thread exits after posting its one result.
parentPort!.postMessage(parseImportFile(workerData as ParseRequest));
