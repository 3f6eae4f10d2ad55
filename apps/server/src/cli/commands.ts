import type { Logger } from "pino";

import type { Config } from "../platform/config";
import { prepareDatabase } from "../database-setup";
import { openRuntime } from "../runtime";
import { adminCommands } from "./admin-commands";
import { userDataCommands } from "./user-data-commands";

export interface CommandContext {
  config: Config;
  logger: Logger;
  args: string[];
  print(line: string): void;
}

export interface Command {
  summary: string;
  /** Returns the process exit code. */
  run(context: CommandContext): Promise<number>;
}

export const COMMANDS: Record<string, Command> = {
  "config:check": {
    summary: "Validate the configuration (production rules included when NODE_ENV=production)",
    async run({ config, print }) {
      // Reaching this point means loadConfig accepted every variable.
      print(`Configuration is valid for ${config.env}.`);
      return 0;
    },
  },
  "db:migrate": {
    summary: "Apply pending database migrations",
    async run({ config, logger, print }) {
      const runtime = await openRuntime(config, logger, { migrate: true, webRoot: null });
      await runtime.close();
      print(`Migrations applied (${runtime.database.kind}).`);
      return 0;
    },
  },
  "db:seed": {
    summary: "Load the food and exercise catalogs (skipped when already loaded)",
    async run({ config, logger, print }) {
      const runtime = await openRuntime(config, logger, { migrate: true, webRoot: null });
      try {
        await prepareDatabase(runtime);
      } finally {
        await runtime.close();
      }
      print("Catalogs are loaded.");
      return 0;
    },
  },
  ...adminCommands,
  ...userDataCommands,
};
