import { dayCardSchema } from "@fitcoach/contract";
import type { DayCard } from "@fitcoach/contract";

import { useServerResource } from "../../sync/use-server-resource";
import type { ServerResource } from "../../sync/use-server-resource";
import { dayPath, overlayDayWrites } from "./day-writes";

/** One day's card, offline first, with queued entries shown as they will be. */
export function useDay(date: string): ServerResource<DayCard> {
  return useServerResource(dayPath(date), dayCardSchema, overlayDayWrites);
}
