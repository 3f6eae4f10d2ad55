import type { Logger, LogFields } from "../../src/main/log";

export interface LogLine {
  level: "info" | "warn" | "error";
  fields: LogFields;
  message: string;
}

/** Creates a logger that keeps every line in memory, so tests can assert what was logged. */
export function createRecordingLogger(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  return {
    lines,
    info: (fields, message) => void lines.push({ level: "info", fields, message }),
    warn: (fields, message) => void lines.push({ level: "warn", fields, message }),
    error: (fields, message) => void lines.push({ level: "error", fields, message }),
  };
}
