import type { Logger } from "pino";

import { openRuntime } from "../runtime";
import { createServices } from "../services";
import type { Services } from "../services";
import type { AppDependencies } from "../app";
import type { Config } from "../platform/config";
import type { RequestContext } from "../platform/request-context";

/** Request context recorded in the audit log for CLI actions. */
export const CLI_CONTEXT: RequestContext = { ip: "cli", userAgent: "fitcoach-cli" };

/** Opens the database and builds the services for one command, then closes everything. */
export async function withServices<T>(
  config: Config,
  logger: Logger,
  work: (services: Services, deps: AppDependencies) => Promise<T>,
): Promise<T> {
  const runtime = await openRuntime(config, logger, { migrate: true, webRoot: null });
  try {
    return await work(createServices(runtime), runtime);
  } finally {
    await runtime.close();
  }
}
