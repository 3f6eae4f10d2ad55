import { applyDayResponse } from "../features/today/day-writes";
import type { ResponseApplier } from "../sync/sync-engine";

/**
 * Updates every cached record a sent write touched: the record at its own path and the cached day
 * cards that list it.
 */
export const applyServerResponse: ResponseApplier = applyDayResponse;
