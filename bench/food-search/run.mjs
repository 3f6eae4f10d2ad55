// Food search benchmark: starts a FitCoach server on loopback with a fresh database, signs up
// one user and measures GET /api/v1/foods?q= with autocannon: at full speed, at a fixed request
// rate and over a single connection. Usage:
//
//   node bench/food-search/run.mjs --database postgres|pglite [--duration 20] [--connections 10]
//     [--rate 200]
//
// PostgreSQL runs use BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) only
// to create and drop a database named fitcoach_bench_<random>; the server gets that database.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const HOST = "127.0.0.1";

/** Queries as people type them while logging: words, prefixes, typos and two-word names. */
const QUERIES = [
  "banana",
  "banan",
  "bananna",
  "b",
  "ch",
  "chicken breast",
  "chiken brest",
  "egg",
  "whole milk",
  "apple",
  "brown rice",
  "oats",
  "salmon",
  "cheddar",
  "peanut butter",
  "yoghurt",
  "brocoli",
  "olive oil",
  "greek yogurt",
  "spagetti",
];

const { values: options } = parseArgs({
  options: {
    database: { type: "string", default: "postgres" },
    duration: { type: "string", default: "20" },
    connections: { type: "string", default: "10" },
    rate: { type: "string", default: "200" },
  },
});
if (!["postgres", "pglite"].includes(options.database)) {
  throw new Error("--database must be postgres or pglite");
}

const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
assertLoopback(new URL(adminUrl).hostname);

buildServer();
const dataDir = mkdtempSync(path.join(os.tmpdir(), "fitcoach-bench-"));
const databaseName = `fitcoach_bench_${randomBytes(4).toString("hex")}`;
let server;
try {
  const databaseUrl = options.database === "postgres" ? await createDatabase() : undefined;
  const port = await freePort();
  server = await startServer(port, databaseUrl);
  const base = `http://${HOST}:${port}`;
  const token = await signUp(base);
  for (const query of QUERIES) await search(base, token, query);

  const duration = Number(options.duration);
  const connections = Number(options.connections);
  // Warms up the JIT and PL/pgSQL plan caches and opens every pooled database connection, so the
  // CPU measurements below see all backends.
  await measure(base, token, { duration: 5, connections });
  const saturated = await withCpuTime(server.pid, databaseUrl, () =>
    measure(base, token, { duration, connections }),
  );
  const paced = await withCpuTime(server.pid, databaseUrl, () =>
    measure(base, token, { duration, connections, overallRate: Number(options.rate) }),
  );
  // One connection: each request starts when the previous one ends, so no request waits in a
  // queue of this benchmark's own making.
  const sequential = await withCpuTime(server.pid, databaseUrl, () =>
    measure(base, token, { duration, connections: 1 }),
  );
  const rssMb = residentSetMb(server.pid);

  console.log(
    JSON.stringify({ machine: machine(), options, saturated, paced, sequential, rssMb }, null, 2),
  );
} finally {
  server?.kill("SIGTERM");
  await new Promise((resolve) => (server ? server.once("exit", resolve) : resolve()));
  rmSync(dataDir, { recursive: true, force: true });
  if (options.database === "postgres") await dropDatabase();
}

function assertLoopback(hostname) {
  if (!["127.0.0.1", "::1", "[::1]", "localhost"].includes(hostname)) {
    throw new Error(`BENCH_DATABASE_URL must point at loopback, not ${hostname}`);
  }
}

function buildServer() {
  // Build output goes to stderr, so stdout carries only the JSON result.
  const result = spawnSync("npm", ["run", "build", "-w", "@fitcoach/server"], {
    cwd: root,
    stdio: ["ignore", 2, 2],
  });
  if (result.status !== 0) throw new Error("the server build failed");
}

async function withAdmin(work) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function createDatabase() {
  await withAdmin((client) => client.query(`create database "${databaseName}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${databaseName}`;
  return url.toString();
}

async function dropDatabase() {
  await withAdmin((client) =>
    client.query(`drop database if exists "${databaseName}" with (force)`),
  );
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function startServer(port, databaseUrl) {
  // Production settings, so the server runs as deployed (no OpenAPI pages, production checks).
  // Mail goes to a closed port on loopback: nothing is sent, and the sign-up does not need it.
  const origin = "https://fitcoach.example.test";
  const env = {
    PATH: process.env.PATH,
    NODE_ENV: "production",
    HOST,
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    SECRET_KEY: randomBytes(32).toString("base64url"),
    PASSWORD_PEPPER: randomBytes(32).toString("base64url"),
    FRONTEND_URL: origin,
    CORS_ORIGINS: origin,
    ENABLE_EMAIL: "true",
    SMTP_HOST: HOST,
    SMTP_PORT: "1",
    SMTP_SECURITY: "none",
    // The default of 600 requests a minute per user would cut the benchmark short.
    RATE_LIMIT_API: "9999999/minute",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  const child = spawn(process.execPath, [path.join(root, "apps/server/dist/main.js")], {
    cwd: root,
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      const response = await fetch(`http://${HOST}:${port}/health/ready`);
      if (response.ok) return child;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill("SIGTERM");
  throw new Error("the server did not become ready within 180 s");
}

async function signUp(base) {
  const email = `bench-${randomBytes(4).toString("hex")}@example.test`;
  const password = "plum-Harbor-quiet-Lantern-58";
  const register = await fetch(`${base}/api/v1/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (register.status !== 202) throw new Error(`register failed with ${register.status}`);
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-client-type": "native" },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`login failed with ${login.status}`);
  return (await login.json()).accessToken;
}

async function search(base, token, query) {
  const response = await fetch(`${base}/api/v1/foods?q=${encodeURIComponent(query)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (response.status !== 200) throw new Error(`search "${query}" failed with ${response.status}`);
  await response.arrayBuffer();
}

async function measure(base, token, settings) {
  let next = 0;
  const result = await autocannon({
    url: base,
    ...settings,
    requests: [
      {
        method: "GET",
        headers: { authorization: `Bearer ${token}` },
        setupRequest(request) {
          const query = QUERIES[next % QUERIES.length];
          next += 1;
          return { ...request, path: `/api/v1/foods?q=${encodeURIComponent(query)}` };
        },
      },
    ],
  });
  return {
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

/**
 * Runs a measurement and adds the CPU time the server process and the PostgreSQL backends of the
 * benchmark database spent per request. Unlike latency, this does not grow when other processes
 * compete for the machine's cores. A backend that closes during the run (the pool drops idle
 * connections after 30 s) is left out, because its final CPU time can no longer be read.
 */
async function withCpuTime(serverPid, databaseUrl, run) {
  const backends = databaseUrl ? await backendPids() : [];
  const before = cpuMsByPid([serverPid, ...backends]);
  const result = await run();
  const after = cpuMsByPid([serverPid, ...backends]);

  const spent = (pid) => (after.has(pid) && before.has(pid) ? after.get(pid) - before.get(pid) : 0);
  const requests = Math.max(result.requests, 1);
  const databaseMs = backends.reduce((total, pid) => total + spent(pid), 0);
  return {
    ...result,
    serverCpuMsPerRequest: Number((spent(serverPid) / requests).toFixed(2)),
    databaseCpuMsPerRequest: Number((databaseMs / requests).toFixed(2)),
    databaseBackends: backends.filter((pid) => after.has(pid)).length,
  };
}

async function backendPids() {
  const result = await withAdmin((client) =>
    client.query("select pid from pg_stat_activity where datname = $1", [databaseName]),
  );
  return result.rows.map((row) => row.pid);
}

/** CPU time (user + system) per live process in milliseconds, read from /proc. */
function cpuMsByPid(pids) {
  // USER_HZ, the unit of /proc/<pid>/stat times, is 100 on Linux.
  const ticksPerSecond = 100;
  const times = new Map();
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      times.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond);
    } catch {
      // The process has ended.
    }
  }
  return times;
}

function residentSetMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kilobytes = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kilobytes / 1024);
}

function machine() {
  const postgres = existsSync("/usr/bin/psql")
    ? spawnSync("psql", ["--version"], { encoding: "utf8" }).stdout.trim()
    : "unknown";
  return {
    cpu: os.cpus()[0]?.model,
    cpus: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    postgresClient: postgres,
    loadAverage: os.loadavg().map((value) => value.toFixed(2)),
  };
}
