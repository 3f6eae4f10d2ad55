// Compares login response times for an existing account (wrong password), a missing account and a
// locked account. Each answer must take about as long as the others, or an attacker could tell
// which emails have accounts. Run alone on an idle machine:
//
//   npm run build -w @fitcoach/server && node bench/login-timing.mjs
//
// It starts the built server on a free port against a fresh PostgreSQL database (DATABASE_URL's
// server, default postgres://postgres@127.0.0.1:5432/test), uses bcrypt cost 12 as in production,
// takes 30 samples per case in interleaved order and passes when every median is within 20 % of
// the others.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SAMPLES = 30;
const TOLERANCE = 0.2;
const baseUrl = new URL(process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test");
const databaseName = `fitcoach_timing_${randomBytes(4).toString("hex")}`;

async function admin(sql) {
  const client = new pg.Client({ connectionString: baseUrl.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForServer(url) {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      if ((await fetch(`${url}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("server did not become ready");
}

async function post(url, body) {
  const started = process.hrtime.bigint();
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  await response.text();
  return { status: response.status, milliseconds: Number(process.hrtime.bigint() - started) / 1e6 };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

await admin(`create database "${databaseName}"`);
const databaseUrl = new URL(baseUrl);
databaseUrl.pathname = `/${databaseName}`;
const port = await freePort();
const server = spawn("node", ["apps/server/dist/main.js"], {
  cwd: root,
  env: {
    ...process.env,
    NODE_ENV: "development",
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_URL: databaseUrl.toString(),
    REDIS_URL: "",
    BCRYPT_COST: "12",
    LOG_LEVEL: "warn",
    DATA_DIR: path.join(root, "data", "bench-timing"),
    RATE_LIMIT_LOGIN: "100000/minute",
    RATE_LIMIT_REGISTER: "100000/minute",
    LOCKOUT_BASE_MINUTES: "15",
  },
  stdio: ["ignore", "ignore", "inherit"],
});

try {
  const base = `http://127.0.0.1:${port}`;
  await waitForServer(base);
  const password = "plum-Harbor-quiet-Lantern-58";
  const existing = Array.from({ length: SAMPLES }, (_, index) => `timing-${index}@example.test`);
  for (const email of [...existing, "locked@example.test"]) {
    await post(`${base}/api/v1/auth/register`, { email, password });
  }
  // Five failures more than a second apart lock the account by count, for LOCKOUT_BASE_MINUTES,
  // which outlasts the whole run.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    await post(`${base}/api/v1/auth/login`, {
      email: "locked@example.test",
      password: "wrong-guess-Password-1",
    });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
  }

  const times = { existing: [], missing: [], locked: [] };
  for (let index = 0; index < SAMPLES; index += 1) {
    const cases = [
      ["existing", { email: existing[index], password: "wrong-guess-Password-1" }],
      ["missing", { email: `missing-${index}@example.test`, password: "wrong-guess-Password-1" }],
      ["locked", { email: "locked@example.test", password }],
    ];
    // Rotate the order so warm-up and drift do not favour one case.
    for (let offset = 0; offset < cases.length; offset += 1) {
      const [name, body] = cases[(index + offset) % cases.length];
      const result = await post(`${base}/api/v1/auth/login`, body);
      if (result.status !== 401)
        throw new Error(`${name} login answered ${result.status}, expected 401`);
      times[name].push(result.milliseconds);
    }
  }

  const medians = Object.fromEntries(
    Object.entries(times).map(([name, values]) => [name, median(values)]),
  );
  const fastest = Math.min(...Object.values(medians));
  const slowest = Math.max(...Object.values(medians));
  const spread = (slowest - fastest) / fastest;
  for (const [name, value] of Object.entries(medians))
    console.log(`${name.padEnd(9)} median ${value.toFixed(1)} ms`);
  console.log(`spread ${(spread * 100).toFixed(1)} % (limit ${TOLERANCE * 100} %)`);
  process.exitCode = spread <= TOLERANCE ? 0 : 1;
} finally {
  server.kill("SIGTERM");
  await new Promise((resolve) => server.on("exit", resolve));
  await admin(`drop database if exists "${databaseName}" with (force)`);
}
