import { dayCardSchema } from "@fitcoach/contract";
import type { DayCard, DayPatch } from "@fitcoach/contract";

import type { ApiClientCore } from "./api-client";
import { etagForVersion } from "./reminders-api";
import { idempotencyKeyOf } from "./write-options";
import type { WriteOptions } from "./write-options";

/** The daily card: everything logged on one local date, with goal progress and scores. */
export interface DaysApi {
  getDay(date: string, signal?: AbortSignal): Promise<DayCard>;
  /**
   * Changes the day's tags and note. `version` is the card's version as loaded; the server returns
   * 412 when another device saved the day in the meantime.
   */
  updateDay(
    date: string,
    version: number,
    patch: DayPatch,
    options?: WriteOptions,
  ): Promise<DayCard>;
}

export function createDaysApi(core: ApiClientCore): DaysApi {
  return {
    getDay: (date, signal) =>
      core.request({ path: `/days/${encodeURIComponent(date)}`, schema: dayCardSchema, signal }),
    updateDay: (date, version, patch, options) =>
      core.request({
        method: "PATCH",
        path: `/days/${encodeURIComponent(date)}`,
        body: patch,
        ifMatch: etagForVersion(version),
        idempotencyKey: idempotencyKeyOf(options),
        schema: dayCardSchema,
      }),
  };
}
