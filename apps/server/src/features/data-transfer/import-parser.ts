import { EXPORT_FORMAT_NAME, EXPORT_FORMAT_VERSION } from "@fitcoach/contract";
import type { FieldError, ImportFields } from "@fitcoach/contract";

import type { NewWorkout } from "../workouts/workouts.service";
import { ImportError } from "./import-error";
import { checkDocumentRows, checkImportedWorkouts } from "./import-row-rules";
import { parseWorkoutCsv } from "./workout-csv";
import type { CsvImportOptions } from "./workout-csv";

/** Everything a parse needs, passed by value because it runs in a worker thread. */
export interface ParseRequest {
  format: ImportFields["format"];
  bytes: Uint8Array;
  /** Names of the sections this server can import, in import order. */
  sectionNames: string[];
  /** Latest date an imported entry may carry: tomorrow in the account's time zone. */
  latestDate: string;
  csv: Omit<CsvImportOptions, "format"> | null;
}

export type ParseOutcome =
  | { kind: "document"; profile: unknown; sections: Record<string, Record<string, unknown>[]> }
  | { kind: "workouts"; workouts: NewWorkout[] }
  | { kind: "rejected"; detail: string; errors: FieldError[] };

/**
 * Reads an uploaded import file and checks every row against the API's bounds. Runs without I/O,
 * so the caller can run it in a worker thread. A file that cannot be imported comes back as
 * `rejected` with the first problems, never as a thrown error.
 */
export function parseImportFile(request: ParseRequest): ParseOutcome {
  const text = Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.length)
    .toString("utf8")
    .replace(/^\uFEFF/, "");
  try {
    if (request.format === "fitcoach-json") {
      const document = parseDocument(text, request.sectionNames);
      const errors = checkDocumentRows(document.sections, request.latestDate);
      if (errors.length > 0) return rejected(errors);
      return { kind: "document", ...document };
    }

    const workouts = parseWorkoutCsv(text, { format: request.format, ...request.csv! });
    const errors = checkImportedWorkouts(workouts, request.latestDate);
    if (errors.length > 0) return rejected(errors);
    return { kind: "workouts", workouts };
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    return {
      kind: "rejected",
      detail: error.message,
      errors: [{ field: "file", message: error.message }],
    };
  }
}

function rejected(errors: FieldError[]): ParseOutcome {
  const first = errors[0]!;
  return {
    kind: "rejected",
    detail: `The file has invalid values, so nothing was imported. First: ${first.field} ${first.message}.`,
    errors,
  };
}

const DOCUMENT_KEYS = new Set([
  "format",
  "version",
  "exportedAt",
  "account",
  "profile",
  "sections",
]);

/**
 * Rejects "__proto__" keys while parsing. JSON.parse keeps such a key as an own property, and a
 * later object merge would turn it into a prototype. No export contains one.
 */
function rejectProtoKeys(key: string, value: unknown): unknown {
  if (key === "__proto__")
    throw new ImportError('The file contains a "__proto__" key; nothing was imported.');
  return value;
}

/** Checks the envelope of a fitcoach-json document; rows are checked by `checkDocumentRows`. */
function parseDocument(
  text: string,
  sectionNames: string[],
): { profile: unknown; sections: Record<string, Record<string, unknown>[]> } {
  let document: { format?: unknown; version?: unknown; profile?: unknown; sections?: unknown };
  try {
    document = JSON.parse(text, rejectProtoKeys) as typeof document;
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError("The file is not valid JSON.");
  }

  if (typeof document !== "object" || document === null || document.format !== EXPORT_FORMAT_NAME) {
    throw new ImportError(
      `The file is not a FitCoach export (format must be "${EXPORT_FORMAT_NAME}").`,
    );
  }

  const version = document.version;
  if (
    typeof version !== "number" ||
    !Number.isInteger(version) ||
    version < 1 ||
    version > EXPORT_FORMAT_VERSION
  ) {
    throw new ImportError(
      `Export version ${String(version)} is not supported; this server reads versions 1 to ${EXPORT_FORMAT_VERSION}.`,
    );
  }

  const extra = Object.keys(document).find((key) => !DOCUMENT_KEYS.has(key));
  if (extra !== undefined) {
    throw new ImportError(
      `The field "${extra}" is not part of a FitCoach export; nothing was imported.`,
    );
  }

  if (document.sections === undefined) {
    throw new ImportError("The file has no sections; nothing was imported.");
  }

  const known = new Set(sectionNames);
  const sections = document.sections;
  if (typeof sections !== "object" || sections === null || Array.isArray(sections)) {
    throw new ImportError("sections must be an object of lists.");
  }
  for (const [name, rows] of Object.entries(sections)) {
    if (!known.has(name)) {
      throw new ImportError(
        `The section "${name}" is not known to this server; nothing was imported.`,
      );
    }
    if (!Array.isArray(rows)) throw new ImportError(`sections.${name} must be a list.`);
  }

  return {
    profile: document.profile ?? {},
    sections: sections as Record<string, Record<string, unknown>[]>,
  };
}
