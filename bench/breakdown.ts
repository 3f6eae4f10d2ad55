// Times the parts of a card and a stats request in one process, one request at a time, against
// the database that `bench/run.ts postgres` leaves behind (fitcoach_bench). Usage:
//   node --import tsx bench/breakdown.ts
import { sql } from "drizzle-orm";
import pino from "pino";
import { dayCardSchema, statsSchema } from "@fitcoach/contract";

import { buildApp } from "../apps/server/src/app";
import { readCardRows } from "../apps/server/src/features/days/card-query";
import { loadConfig } from "../apps/server/src/platform/config";
import { rowsOf } from "../apps/server/src/platform/database";
import { openRuntime } from "../apps/server/src/runtime";

const ROUNDS = 300;
const databaseUrl =
  process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/fitcoach_bench";

async function timeEach(
  label: string,
  rounds: number,
  work: (round: number) => Promise<unknown>,
): Promise<void> {
  const durations: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now();
    await work(round);
    durations.push(performance.now() - started);
  }
  durations.sort((a, b) => a - b);
  const at = (share: number): string =>
    durations[Math.floor(share * (durations.length - 1))]!.toFixed(2);
  console.log(`| ${label} | ${at(0.5)} | ${at(0.99)} |`);
}

async function main(): Promise<void> {
  const result = loadConfig({
    NODE_ENV: "development",
    DATABASE_URL: databaseUrl,
    SECRET_KEY: "bench-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
    PASSWORD_PEPPER: "bench-password-pepper-0123456789abcdefghijklmnop",
    LOG_LEVEL: "warn",
    DATA_DIR: "/tmp/fitcoach-breakdown",
  } as NodeJS.ProcessEnv);
  if (!result.ok) throw new Error(result.errors.join("; "));
  const runtime = await openRuntime(result.config, pino({ level: "warn" }), {
    migrate: false,
    webRoot: null,
  });
  const app = await buildApp(runtime);
  await app.ready();
  const db = runtime.database.db;
  const user = rowsOf<{ id: string; time_zone: string }>(
    await db.execute(sql`select id, time_zone from users where email = 'bench@example.test'`),
  )[0]!;
  const author = { userId: user.id, timeZone: user.time_zone };
  const date = (round: number): string => `2024-0${1 + (round % 9)}-1${round % 10}`;
  const card = await app.services.days.getCard(author, "2024-03-12");
  const range = { from: "2021-01-01", to: "2025-12-31" };
  const stats = await app.services.stats.stats(author, "weight", { period: "day", ...range });

  console.log("| part | p50 ms | p99 ms |\n|---|---|---|");
  await timeEach("card: SQL statement", ROUNDS, (round) => readCardRows(db, user.id, date(round)));
  await timeEach("card: service (SQL and scores)", ROUNDS, (round) =>
    app.services.days.getCard(author, date(round)),
  );
  await timeEach("card: response check and JSON", ROUNDS, async () =>
    JSON.stringify(dayCardSchema.parse(card)),
  );
  await timeEach("stats weight/day 5 years: service", 50, () =>
    app.services.stats.stats(author, "weight", { period: "day", ...range }),
  );
  await timeEach("stats weight/day 5 years: response check and JSON", 50, async () =>
    JSON.stringify(statsSchema.parse(stats)),
  );
  await timeEach("stats water/week 5 years: service", 50, () =>
    app.services.stats.stats(author, "water", { period: "week", ...range }),
  );
  await app.close();
  await runtime.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
