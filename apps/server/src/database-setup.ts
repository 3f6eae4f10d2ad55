import type { AppDependencies } from "./app";

/** Loads reference data that migrations do not carry (catalogs); safe to run at every start. */
export async function prepareDatabase(
  _deps: Pick<AppDependencies, "database" | "logger">,
): Promise<void> {}
