import type { AppDependencies } from "./app";
import { loadFoodCatalog } from "./features/foods/food-catalog";

/** Loads reference data that migrations do not carry (catalogs); safe to run at every start. */
export async function prepareDatabase(
  deps: Pick<AppDependencies, "database" | "logger">,
): Promise<void> {
  await loadFoodCatalog(deps.database.db, deps.logger);
}
