import type { FastifyInstance } from "fastify";
import pino from "pino";
import type { Logger } from "pino";
import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";

import { buildApp } from "../../src/app";
import type { AppDependencies } from "../../src/app";
import { ManualClock } from "../../src/platform/clock";
import type { Clock } from "../../src/platform/clock";
import { loadConfig } from "../../src/platform/config";
import type { Config } from "../../src/platform/config";
import { openRuntime } from "../../src/runtime";
import type { PushTransport } from "../../src/features/notifications/push.service";
import type { ServiceOverrides } from "../../src/services";
import { createTestDatabase } from "./database";

export const TEST_REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/** Environment every test app starts from; tests override single variables. */
export function testEnvironment(
  overrides: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
  return {
    NODE_ENV: "test",
    SECRET_KEY: "test-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
    PASSWORD_PEPPER: "test-password-pepper-0123456789abcdefghijklmnop",
    BCRYPT_COST: "4",
    LOG_LEVEL: "info",
    FRONTEND_URL: "http://localhost:8000",
    CORS_ORIGINS: "http://localhost:8000,https://app.example.test",
    DATA_DIR: "/tmp/fitcoach-test-data",
    RATE_LIMIT_LOGIN: "1000/minute",
    RATE_LIMIT_REGISTER: "1000/minute",
    RATE_LIMIT_PASSWORD_RESET: "1000/minute",
    RATE_LIMIT_TWO_FACTOR: "1000/minute",
    RATE_LIMIT_ACCOUNT_MAIL: "1000/hour",
    RATE_LIMIT_EXPORT: "1000/hour",
    // Suites send many requests from one address; the API-wide limit has its own tests.
    RATE_LIMIT_API: "100000/minute",
    // Test runs share the machine's Redis; a prefix per app keeps their counters apart.
    REDIS_KEY_PREFIX: `test-${randomBytes(6).toString("hex")}:`,
    ...overrides,
  };
}

export function testConfig(overrides: Record<string, string | undefined> = {}): Config {
  const result = loadConfig(testEnvironment(overrides) as NodeJS.ProcessEnv);
  if (!result.ok) throw new Error(`invalid test configuration: ${result.errors.join("; ")}`);
  return result.config;
}

/** Log lines a test app wrote, parsed; tests read mailed links and request lines from here. */
export class LogCapture {
  readonly lines: Record<string, unknown>[] = [];

  readonly logger: Logger;

  constructor(level = "info") {
    const stream = new Writable({
      write: (chunk: Buffer, _encoding, callback) => {
        for (const text of chunk.toString("utf8").split("\n").filter(Boolean)) {
          this.lines.push(JSON.parse(text) as Record<string, unknown>);
        }
        callback();
      },
    });
    this.logger = pino({ level }, stream);
  }

  find(predicate: (line: Record<string, unknown>) => boolean): Record<string, unknown> | undefined {
    return this.lines.find(predicate);
  }
}

export interface TestApp {
  app: FastifyInstance;
  deps: AppDependencies;
  clock: Clock;
  logs: LogCapture;
  databaseUrl: string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string | undefined>;
  clock?: Clock;
  /** Reuse an existing database (a second instance); otherwise each app gets a fresh copy. */
  databaseUrl?: string;
  webRoot?: string | null;
  /** Runs after the app is built and before it is ready, to add test-only routes. */
  configure?: (app: FastifyInstance) => void;
  /** Sends push requests through this agent, such as one that trusts a fake push service. */
  pushTransport?: PushTransport;
  services?: ServiceOverrides;
}

/** Builds an app on a fresh copy of the template database, ready for inject(). */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.databaseUrl ? null : await createTestDatabase();
  const databaseUrl = options.databaseUrl ?? database!.url;
  const config = testConfig({ DATABASE_URL: databaseUrl, ...options.env });
  const logs = new LogCapture(config.logLevel);
  const clock = options.clock ?? new ManualClock();
  const runtime = await openRuntime(config, logs.logger, {
    clock,
    migrate: false,
    webRoot: options.webRoot ?? null,
    pushTransport: options.pushTransport,
  });
  const app = await buildApp(runtime, options.services);
  options.configure?.(app);
  await app.ready();

  return {
    app,
    deps: runtime,
    clock,
    logs,
    databaseUrl,
    async close() {
      await app.close();
      await runtime.close();
      await database?.drop();
    },
  };
}
