import type { AppDependencies } from "./app";
import { loadExerciseCatalog } from "./features/exercises/exercise-catalog";
import { loadFoodCatalog } from "./features/foods/food-catalog";

/** Loads reference data that migrations do not carry (catalogs); safe to run at every start. */
export async function prepareDatabase(
  deps: Pick<AppDependencies, "database" | "logger">,
): Promise<void> {
  await loadExerciseCatalog(deps.database.db, deps.logger);
  await loadFoodCatalog(deps.database.db, deps.logger);
}
