import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";

const REPOSITORY_ROOT = path.resolve(__dirname, "../../..");
const ADMIN_DATABASE_URL =
  process.env.E2E_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const STARTUP_TIMEOUT_MS = 90_000;
const MAIL_WAIT_TIMEOUT_MS = 15_000;

export interface RunningServer {
  url: string;
  /** Waits for a mail to `to` with the given template and returns its action link. */
  waitForMailLink(to: string, template: string): Promise<string>;
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** Extra origins allowed by CORS, such as the address the web export is served from. */
  corsOrigins?: string[];
}

/**
 * Starts the real FitCoach server from source on a free loopback port, against a new, empty
 * PostgreSQL database that it migrates itself. Email is off, so mailed links come from the JSON log.
 */
export async function startFitCoachServer(options: ServerOptions = {}): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const database = await createDatabase();
  const dataDir = mkdtempSync(path.join(tmpdir(), "fitcoach-mobile-"));
  const mails: { to: string; template: string; link: string | null }[] = [];
  const mailWaiters = new Set<() => void>();

  const child = spawn(process.execPath, ["--import", "tsx", "apps/server/src/main.ts"], {
    cwd: REPOSITORY_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "development",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      FRONTEND_URL: url,
      CORS_ORIGINS: [url, ...(options.corsOrigins ?? [])].join(","),
      ENABLE_EMAIL: "false",
      LOG_LEVEL: "info",
      // The lowest cost bcrypt allows keeps logins fast; production refuses anything under 12.
      BCRYPT_COST: "4",
      REDIS_KEY_PREFIX: `fitcoach-mobile-${randomBytes(4).toString("hex")}:`,
      // Each test signs up a fresh account from 127.0.0.1; the default 10 per minute would make
      // later tests in a file wait for the limit instead of testing sync.
      RATE_LIMIT_LOGIN: "200/minute",
      RATE_LIMIT_REGISTER: "200/minute",
      RATE_LIMIT_API: "100000/minute",
    },
  });
  const stderr: string[] = [];
  child.stderr?.on("data", (chunk: Buffer) => stderr.push(chunk.toString("utf8")));
  readLog(child, (line) => {
    if (line.component !== "mail" || typeof line.to !== "string") return;
    mails.push({
      to: line.to,
      template: String(line.template),
      link: (line.link as string) ?? null,
    });
    for (const wake of mailWaiters) wake();
  });

  async function stop(): Promise<void> {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  try {
    await waitUntilReady(url, child);
  } catch (error) {
    await stop();
    throw new Error(
      `The FitCoach server did not start: ${(error as Error).message}\n${stderr.join("")}`,
      { cause: error },
    );
  }

  return {
    url,
    stop,
    waitForMailLink: (to, template) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          mailWaiters.delete(check);
          reject(new Error(`No ${template} mail to ${to} within ${MAIL_WAIT_TIMEOUT_MS} ms.`));
        }, MAIL_WAIT_TIMEOUT_MS);
        function check(): void {
          const mail = mails.find((item) => item.to === to && item.template === template);
          if (!mail?.link) return;
          clearTimeout(timer);
          mailWaiters.delete(check);
          resolve(mail.link);
        }
        mailWaiters.add(check);
        check();
      }),
  };
}

function readLog(child: ChildProcess, onLine: (line: Record<string, unknown>) => void): void {
  if (!child.stdout) return;
  const lines = createInterface({ input: child.stdout });
  lines.on("line", (text) => {
    if (!text.startsWith("{")) return;
    try {
      onLine(JSON.parse(text) as Record<string, unknown>);
    } catch {
      // Not a JSON log line (the start banner, say).
    }
  });
}

async function waitUntilReady(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`it exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/health/live`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no answer on ${url}/health/live within ${STARTUP_TIMEOUT_MS} ms`);
}

async function createDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `fitcoach_mobile_${randomBytes(6).toString("hex")}`;
  await withAdminClient((client) => client.query(`create database "${name}"`));
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await withAdminClient((client) =>
        client.query(`drop database if exists "${name}" with (force)`),
      );
    },
  };
}

async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
