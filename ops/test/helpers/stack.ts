import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

import { writeMailCertificates } from "./certificates";
import type { ContainerEngine } from "./engine";
import type { QueryRunner } from "./fingerprint";
import { SERVER_IMAGE, STANDIN_PREFIX } from "./images";
import { REPO_DIR, run, runOk } from "./process";
import type { RunResult } from "./process";

/** The compose stack under test: production files plus the test override, on free local ports. */
export interface Stack {
  engine: ContainerEngine;
  project: string;
  /** Work folder: env file, TLS files for the mail catcher, backups. */
  dir: string;
  envFile: string;
  backupDir: string;
  httpPort: number;
  httpsPort: number;
  /** The public address; "localhost" makes Caddy use its local CA. */
  origin: string;
  /** Container id per service, filled by startStack; restores stop and start the same containers. */
  containers: Map<string, string>;
}

export const STACK_FILES = "compose.yaml:compose.production.yaml:ops/test/compose.test.yaml";
export const SERVICES = ["db", "redis", "mail", "server", "proxy"];
const HEALTH_TIMEOUT_MS = 180_000;

/** Writes the env file and TLS files of a new stack; starts nothing. */
export async function createStack(engine: ContainerEngine): Promise<Stack> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "fitcoach-ops-stack-"));
  const tlsDir = path.join(dir, "tls");
  mkdirSync(tlsDir);
  await writeMailCertificates(tlsDir);

  const httpPort = await freePort();
  const httpsPort = await freePort();
  const origin = `https://localhost:${httpsPort}`;
  const settings: Record<string, string> = {
    COMPOSE_FILE: STACK_FILES,
    COMPOSE_PROJECT_NAME: "fitcoach_ops_test",
    FITCOACH_IMAGE: SERVER_IMAGE,
    FITCOACH_STANDIN_PREFIX: STANDIN_PREFIX,
    FITCOACH_TEST_TLS_DIR: tlsDir,
    POSTGRES_USER: "fitcoach",
    POSTGRES_DB: "fitcoach",
    POSTGRES_PASSWORD: randomBytes(24).toString("hex"),
    REDIS_PASSWORD: randomBytes(24).toString("hex"),
    SECRET_KEY: randomBytes(48).toString("base64"),
    PASSWORD_PEPPER: randomBytes(48).toString("base64"),
    FITCOACH_DOMAIN: "localhost",
    FRONTEND_URL: origin,
    CORS_ORIGINS: origin,
    ACME_EMAIL: "ops-test@example.invalid",
    SMTP_HOST: "mail",
    SMTP_PORT: "1025",
    SMTP_FROM: "FitCoach <no-reply@localhost>",
    FITCOACH_BIND_ADDRESS: "127.0.0.1",
    FITCOACH_HTTP_PORT: String(httpPort),
    FITCOACH_HTTPS_PORT: String(httpsPort),
  };
  const envFile = path.join(dir, "env");
  writeFileSync(
    envFile,
    Object.entries(settings)
      .map(([key, value]) => `${key}=${value}\n`)
      .join(""),
    { mode: 0o600 },
  );

  return {
    engine,
    project: settings.COMPOSE_PROJECT_NAME!,
    dir,
    envFile,
    backupDir: path.join(dir, "backups"),
    httpPort,
    httpsPort,
    origin,
    containers: new Map(),
  };
}

/** Runs docker-compose with the stack's env file from the repository root. */
export function compose(stack: Stack, args: string[], input?: string | Buffer): Promise<RunResult> {
  return run(stack.engine.compose, ["--env-file", stack.envFile, ...args], {
    env: stack.engine.env,
    input,
    timeoutMs: 300_000,
  });
}

export async function composeOk(
  stack: Stack,
  args: string[],
  input?: string | Buffer,
): Promise<string> {
  const result = await compose(stack, args, input);
  if (result.status !== 0) {
    throw new Error(
      `docker-compose ${args.join(" ")} exited with ${result.status}\n${result.stderr}`,
    );
  }
  return result.stdout;
}

/** Starts the stack (removing what an interrupted earlier run left) and waits until all is healthy. */
export async function startStack(stack: Stack): Promise<void> {
  await compose(stack, ["down", "--volumes", "--remove-orphans"]);
  const up = await compose(stack, ["up", "--detach", "--no-build"]);
  if (up.status !== 0) {
    const logs = await compose(stack, ["logs", "--no-color", "--tail", "40"]);
    throw new Error(`docker-compose up failed:\n${up.stderr}\n${logs.stdout}`);
  }
  for (const service of SERVICES) {
    const id = (await composeOk(stack, ["ps", "-q", service])).trim();
    if (!id) throw new Error(`service ${service} has no container after docker-compose up`);
    stack.containers.set(service, id);
  }
  for (const service of SERVICES) await waitForHealthy(stack, service);
}

/** Stops the stack and deletes its volumes and work folder. */
export async function removeStack(stack: Stack): Promise<void> {
  await compose(stack, ["down", "--volumes", "--remove-orphans"]);
  rmSync(stack.dir, { recursive: true, force: true });
}

export function containerId(stack: Stack, service: string): string {
  const id = stack.containers.get(service);
  if (!id) throw new Error(`service ${service} has no container`);
  return id;
}

/** Runs a command in a service's running container with docker exec, stdin attached. */
export function execIn(
  stack: Stack,
  service: string,
  command: string[],
  input?: string | Buffer,
): Promise<string> {
  return runOk(stack.engine.docker, ["exec", "-i", containerId(stack, service), ...command], {
    env: stack.engine.env,
    input,
  });
}

export async function healthStatus(stack: Stack, service: string): Promise<string> {
  const id = containerId(stack, service);
  return (
    await runOk(stack.engine.docker, ["inspect", "-f", "{{.State.Health.Status}}", id], {
      env: stack.engine.env,
    })
  ).trim();
}

export async function waitForHealthy(stack: Stack, service: string): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let status = "";
  while (Date.now() < deadline) {
    status = await healthStatus(stack, service).catch(() => "missing");
    if (status === "healthy") return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const logs = await compose(stack, ["logs", "--no-color", "--tail", "30", service]);
  throw new Error(
    `${service} is ${status}, not healthy, after ${HEALTH_TIMEOUT_MS / 1000} s\n${logs.stdout}`,
  );
}

/** Runs SQL with psql inside the db container, as the FitCoach database user. */
export function databaseQuery(stack: Stack): QueryRunner {
  const psql = 'exec psql -X -q -At -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d "$POSTGRES_DB"';
  return (sql) => execIn(stack, "db", ["sh", "-c", psql], sql);
}

/** Runs a shell script in the running server container, as its user (UID 1000). */
export function serverShell(
  stack: Stack,
  script: string,
  args: string[] = [],
  input?: Buffer,
): Promise<string> {
  return execIn(stack, "server", ["sh", "-c", script, "sh", ...args], input);
}

/** Environment for ops/backup.sh and ops/restore.sh working on this stack. */
export function stackScriptEnv(stack: Stack): NodeJS.ProcessEnv {
  return {
    ...stack.engine.env,
    FITCOACH_ENV_FILE: stack.envFile,
    BACKUP_DIR: stack.backupDir,
    DATABASE_URL: "",
    RESTORE_HEALTH_TIMEOUT_SECONDS: "180",
  };
}

export function repoPath(relative: string): string {
  return path.join(REPO_DIR, relative);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}
