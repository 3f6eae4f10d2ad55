import { existsSync } from "node:fs";

import { buildApp } from "./app";
import { loadConfig } from "./platform/config";
import { createLogger } from "./platform/logger";
import { openRuntime } from "./runtime";
import { prepareDatabase } from "./database-setup";

const SHUTDOWN_TIMEOUT_MS = 15_000;

// Files the server creates (the embedded database, uploads, secrets) are for its own user only.
process.umask(0o077);

async function main(): Promise<void> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const result = loadConfig();
  if (!result.ok) {
    console.error("FitCoach cannot start; fix these settings:");
    for (const error of result.errors) console.error(`  - ${error}`);
    process.exit(1);
  }
  const config = result.config;
  const logger = createLogger(config);

  const runtime = await openRuntime(config, logger);
  await prepareDatabase(runtime);
  const app = await buildApp(runtime);
  await app.listen({ port: config.port, host: config.host });
  await app.services.signingKeys.rotateIfDue();
  // Generates and stores the VAPID key pair on the first start unless VAPID_* configure one.
  await app.services.push.publicKey();
  runtime.jobs.start();
  app.scheduler.start();

  const shownHost = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  const url = `http://${shownHost.includes(":") ? `[${shownHost}]` : shownHost}:${config.port}`;
  logger.info(
    { url, database: runtime.database.kind, redis: config.redisUrl ? "configured" : "off" },
    "server started",
  );
  process.stdout.write(`\nFitCoach is running at ${url}\n\n`);

  let shuttingDown = false;
  async function shutdown(signal: string): Promise<void> {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, "shutting down");
    const timer = setTimeout(() => {
      logger.error("shutdown timed out, exiting");
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    timer.unref();
    // close() stops accepting connections and waits for in-flight requests before resolving.
    app.scheduler.stop();
    await app.close();
    await runtime.close();
    logger.info("server stopped");
    process.exit(0);
  }
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  console.error("FitCoach failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
