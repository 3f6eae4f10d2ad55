/** Values a log line may carry. Callers pass ids, counts and names, never tokens or health data. */
export type LogFields = Record<string, unknown>;

export interface Logger {
  info(fields: LogFields, message: string): void;
  warn(fields: LogFields, message: string): void;
  error(fields: LogFields, message: string): void;
}

type LogLevel = "info" | "warn" | "error";

/**
 * Creates a logger that writes one JSON object per line, in the shape pino uses on the server, so
 * the same tools read both. An `err` field is reduced to its name and message.
 */
export function createLogger(write: (line: string) => void, base: LogFields = {}): Logger {
  function emit(level: LogLevel, fields: LogFields, message: string): void {
    const { err, ...rest } = fields;
    const line: Record<string, unknown> = {
      level,
      time: Date.now(),
      ...base,
      ...rest,
      msg: message,
    };
    if (err !== undefined) line.err = describeError(err);
    write(JSON.stringify(line) + "\n");
  }
  return {
    info: (fields, message) => emit("info", fields, message),
    warn: (fields, message) => emit("warn", fields, message),
    error: (fields, message) => emit("error", fields, message),
  };
}

function describeError(error: unknown): { type: string; message: string } {
  if (error instanceof Error) return { type: error.name, message: error.message };
  return { type: typeof error, message: String(error) };
}
