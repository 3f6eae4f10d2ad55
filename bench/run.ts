// Benchmarks the daily card, water logging and five-year statistics against a server started
// here on loopback, with a generated user. Usage (from the repository root):
//   node --import tsx bench/run.ts postgres    (needs PostgreSQL; BENCH_ADMIN_URL to override)
//   node --import tsx bench/run.ts pglite
// BENCH_DURATION (seconds per throughput run, default 20) and BENCH_CARD_RATE (default 1000)
// change the load.
// Every request goes to 127.0.0.1; every run is bounded by its duration or request count.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { DateTime } from "luxon";
import pg from "pg";
import pino from "pino";

import { prepareDatabase } from "../apps/server/src/database-setup";
import { loadConfig } from "../apps/server/src/platform/config";
import { openDatabase } from "../apps/server/src/platform/database";
import { generateUser } from "./generate-user";

const mode = process.argv[2] === "pglite" ? "pglite" : "postgres";
const PORT = 8123;
const BASE = `http://127.0.0.1:${PORT}`;
const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const BENCH_DATABASE = "fitcoach_bench";
const CARD_RATE = Number(process.env.BENCH_CARD_RATE ?? 1000);
const DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 20);
const YEARS = 5;

const dataDir = mkdtempSync(path.join(tmpdir(), "fitcoach-bench-"));
const databaseUrl = (() => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${BENCH_DATABASE}`;
  return url.toString();
})();
// Production mode, as deployed: no OpenAPI routes, production logging. Mail is enabled because
// production requires it, but nothing in these runs queues any.
const environment: Record<string, string> = {
  NODE_ENV: "production",
  ENABLE_EMAIL: "true",
  SMTP_HOST: "127.0.0.1",
  HOST: "127.0.0.1",
  PORT: String(PORT),
  LOG_LEVEL: "warn",
  DATA_DIR: dataDir,
  SECRET_KEY: "bench-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
  PASSWORD_PEPPER: "bench-password-pepper-0123456789abcdefghijklmnop",
  BCRYPT_COST: "12",
  ACCESS_TOKEN_TTL_SECONDS: "3600",
  // The load generator is one address sending thousands of requests a second.
  RATE_LIMIT_API: "9999999/second",
  FRONTEND_URL: "https://fitcoach.example.test",
  CORS_ORIGINS: BASE,
  ...(mode === "postgres" ? { DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: "10" } : {}),
};

interface Measured {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
}

async function resetPostgres(): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(`drop database if exists "${BENCH_DATABASE}" with (force)`);
  await client.query(`create database "${BENCH_DATABASE}"`);
  await client.end();
}

async function seed(lastDate: string): Promise<Awaited<ReturnType<typeof generateUser>>> {
  const result = loadConfig(environment as NodeJS.ProcessEnv);
  if (!result.ok) throw new Error(result.errors.join("; "));
  const logger = pino({ level: "warn" });
  const database = await openDatabase({
    databaseUrl: result.config.databaseUrl,
    dataDir,
    poolSize: 4,
    logger,
  });
  try {
    await database.migrate();
    await prepareDatabase({ database, logger });
    const started = Date.now();
    const user = await generateUser(database.db, result.config, {
      email: "bench@example.test",
      password: "plum-Harbor-quiet-Lantern-58",
      years: YEARS,
      lastDate,
    });
    // Fresh bulk inserts leave the planner without statistics until autovacuum runs.
    await database.db.execute(sql`analyze`);
    console.log(`generated ${user.rows} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return user;
  } finally {
    await database.close();
  }
}

async function waitForServer(): Promise<void> {
  for (let attempt = 0; attempt < 240; attempt += 1) {
    try {
      const response = await fetch(`${BASE}/health/ready`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the server did not become ready within 60 seconds");
}

function rssMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : 0;
}

async function measure(name: string, options: Omit<autocannon.Options, "url">): Promise<Measured> {
  const result = await autocannon({ ...options, url: BASE });
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

async function main(): Promise<void> {
  if (!existsSync("apps/server/dist/main.js")) {
    spawnSync("npm", ["run", "build", "-w", "@fitcoach/server"], { stdio: "inherit" });
  }
  if (mode === "postgres") await resetPostgres();
  const lastDate = DateTime.now().setZone("Europe/Berlin").toISODate()!;
  const user = await seed(lastDate);

  // BENCH_NODE_FLAGS passes V8 options to the server, such as --max-semi-space-size=4.
  const nodeFlags = (process.env.BENCH_NODE_FLAGS ?? "").split(" ").filter(Boolean);
  const server = spawn(process.execPath, [...nodeFlags, "apps/server/dist/main.js"], {
    env: { ...process.env, ...environment },
    stdio: ["ignore", "ignore", "inherit"],
  });
  let peakRss = 0;
  const sampler = setInterval(() => {
    if (server.pid) peakRss = Math.max(peakRss, rssMegabytes(server.pid));
  }, 200);

  try {
    await waitForServer();
    const idleRss = rssMegabytes(server.pid!);
    const login = await fetch(`${BASE}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-client-type": "native" },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const headers = { authorization: `Bearer ${accessToken}` };
    const days = Math.round(
      DateTime.fromISO(user.lastDate).diff(DateTime.fromISO(user.firstDate), "days").days,
    );
    const randomDate = (): string =>
      DateTime.fromISO(user.firstDate)
        .plus({ days: Math.floor(Math.random() * days) })
        .toISODate()!;
    const cardRequest = {
      method: "GET" as const,
      setupRequest: (request: autocannon.Request) => ({
        ...request,
        path: `/api/v1/days/${randomDate()}`,
      }),
    };

    // Warm-up: JIT, connection pool and the database's buffer cache.
    await measure("warm-up", { connections: 10, duration: 5, headers, requests: [cardRequest] });
    const results: Measured[] = [];
    results.push(
      await measure(`GET /api/v1/days/:date at ${CARD_RATE} req/s`, {
        connections: 50,
        duration: DURATION_SECONDS,
        overallRate: CARD_RATE,
        headers,
        requests: [cardRequest],
      }),
    );
    results.push(
      await measure("GET /api/v1/days/:date, unthrottled", {
        connections: 20,
        duration: DURATION_SECONDS / 2,
        headers,
        requests: [cardRequest],
      }),
    );
    results.push(
      await measure("POST /api/v1/water, unthrottled", {
        connections: 20,
        duration: DURATION_SECONDS / 2,
        headers: { ...headers, "content-type": "application/json" },
        requests: [
          {
            method: "POST",
            path: "/api/v1/water",
            body: JSON.stringify({ date: lastDate, ml: 250 }),
          },
        ],
      }),
    );
    const range = `from=${user.firstDate}&to=${user.lastDate}`;
    for (const [metric, period] of [
      ["weight", "day"],
      ["water", "week"],
      ["sleep", "month"],
      ["training-volume", "week"],
    ] as const) {
      results.push(
        await measure(`GET /api/v1/stats/${metric}?period=${period} over 5 years, one at a time`, {
          connections: 1,
          amount: 200,
          headers,
          requests: [{ method: "GET", path: `/api/v1/stats/${metric}?period=${period}&${range}` }],
        }),
      );
    }

    console.log(
      JSON.stringify(
        {
          mode,
          node: process.version,
          nodeFlags: nodeFlags.join(" "),
          cpus: `${cpus().length} × ${cpus()[0]?.model ?? "unknown"}`,
          memoryGb: Math.round(totalmem() / 1024 ** 3),
          rows: user.rows,
          idleRssMb: Math.round(idleRss),
          peakRssMb: Math.round(peakRss),
          loadAverage: loadavg()
            .map((value) => value.toFixed(1))
            .join(" "),
          results,
        },
        null,
        2,
      ),
    );
    console.log("\n| request | req/s | p50 ms | p99 ms | max ms | errors | non-2xx |");
    console.log("|---|---|---|---|---|---|---|");
    for (const row of results) {
      console.log(
        `| ${row.name} | ${row.requestsPerSecond} | ${row.p50} | ${row.p99} | ${row.max} | ${row.errors} | ${row.non2xx} |`,
      );
    }
    console.log(
      `\nserver RSS: ${Math.round(idleRss)} MB after start, peak ${Math.round(peakRss)} MB`,
    );
  } finally {
    clearInterval(sampler);
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
