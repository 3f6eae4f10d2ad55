import { existsSync } from "node:fs";
import pino from "pino";
import type { Logger } from "pino";

import { loadConfig } from "../platform/config";
import type { Config } from "../platform/config";
import { loggerOptions } from "../platform/logger";
import { COMMANDS } from "./commands";

/**
 * Admin CLI: `fitcoach <command> [arguments]`. Runs with plain node on the built code (bin/fitcoach.mjs)
 * or through `npm run cli -- <command>` in development.
 */
// Files the server creates (the embedded database, uploads, secrets) are for its own user only.
process.umask(0o077);

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    printUsage(name);
    return name === undefined || name === "help" || name === "--help" ? 0 : 2;
  }

  if (existsSync(".env")) process.loadEnvFile(".env");
  const result = loadConfig();
  if (!result.ok) {
    console.error("Configuration is invalid:");
    for (const error of result.errors) console.error(`  - ${error}`);
    return 1;
  }
  const config: Config = result.config;
  const logger = createCliLogger({ ...config, logLevel: process.env.LOG_LEVEL ?? "warn" });
  return command.run({ config, logger, args, print: (line) => process.stdout.write(`${line}\n`) });
}

/**
 * Creates the logger of a command on stderr, because stdout carries the command's output, such as
 * the JSON document of `users:export` without `--out`.
 */
function createCliLogger(config: Pick<Config, "logLevel" | "env">): Logger {
  const options = loggerOptions(config);
  if (options.transport && "target" in options.transport) {
    options.transport = {
      ...options.transport,
      options: { ...options.transport.options, destination: 2 },
    };
    return pino(options);
  }
  return pino(options, pino.destination(2));
}

function printUsage(unknown: string | undefined): void {
  if (unknown && unknown !== "help" && unknown !== "--help")
    console.error(`Unknown command: ${unknown}\n`);
  console.log("Usage: fitcoach <command> [arguments]\n\nCommands:");
  const width = Math.max(...Object.keys(COMMANDS).map((key) => key.length));
  for (const [key, command] of Object.entries(COMMANDS)) {
    console.log(`  ${key.padEnd(width)}  ${command.summary}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
