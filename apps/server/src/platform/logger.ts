import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import pino from "pino";
import type { Logger, LoggerOptions } from "pino";

import type { Config } from "./config";

// Keys whose values are secrets or personal data. A log line keeps the key and replaces the value,
// so it is still visible that the field was present.
const SECRET_KEY_PATTERN =
  /^(authorization|cookie|set-cookie|x-api-key)$|pass(word)?|token|secret|otp|totp|recovery|^code$|pepper|apikey|api_key/i;

// The development mail line is the one deliberate exception: its `link` field carries the token so
// that developers can follow it. `link` does not match the pattern above.
const REDACTED = "[redacted]";
const MAX_DEPTH = 6;

/** Returns a copy of a log object with every secret-looking field replaced. */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH || value === null || typeof value !== "object") return value;
  if (value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1));

  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = SECRET_KEY_PATTERN.test(key) ? REDACTED : redactSecrets(item, depth + 1);
  }
  return copy;
}

export function loggerOptions(config: Pick<Config, "logLevel" | "env">): LoggerOptions {
  const options: LoggerOptions = {
    level: config.logLevel,
    base: { service: "fitcoach" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      log: (object) => redactSecrets(object) as Record<string, unknown>,
    },
    serializers: {
      err: serializeError,
    },
  };
  if (config.env === "development" && process.stdout.isTTY) {
    options.transport = {
      target: "pino-pretty",
      options: { translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname,service" },
    };
  }
  return options;
}

// Drizzle puts the failed statement and its parameters into error messages; parameters are user
// data (health values, notes), so they are cut from every logged error.
const QUERY_PARAMETERS_PATTERN = /\nparams: [\s\S]*$/;

/** Serializes an error for the log without the parameters of a failed database query. */
export function serializeError(error: Error): Record<string, unknown> {
  const serialized = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  for (const key of ["message", "stack"] as const) {
    if (typeof serialized[key] === "string") {
      serialized[key] = (serialized[key] as string).replace(
        QUERY_PARAMETERS_PATTERN,
        "\nparams: [redacted]",
      );
    }
  }
  delete serialized.params;
  const cause = serialized.cause as Record<string, unknown> | undefined;
  if (cause && typeof cause === "object") {
    for (const key of ["message", "stack", "detail", "where"]) {
      if (typeof cause[key] === "string")
        cause[key] = (cause[key] as string).replace(
          QUERY_PARAMETERS_PATTERN,
          "\nparams: [redacted]",
        );
    }
    delete cause.parameters;
  }
  return serialized;
}

export function createLogger(config: Pick<Config, "logLevel" | "env">): Logger {
  return pino(loggerOptions(config));
}

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

/** Keeps a well-formed incoming X-Request-Id so traces join across proxies; otherwise makes one. */
export function requestIdFor(request: IncomingMessage): string {
  const incoming = request.headers["x-request-id"];
  if (typeof incoming === "string" && REQUEST_ID_PATTERN.test(incoming)) return incoming;
  return randomUUID();
}
