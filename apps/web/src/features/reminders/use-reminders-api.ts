import { useMemo } from "react";
import { createRemindersApi } from "@fitcoach/client/reminders";
import type { RemindersApi } from "@fitcoach/client/reminders";

import { useApi } from "../../app/api-context";

/** Returns the reminders API; it is built here so its schemas load with this screen only. */
export function useRemindersApi(): RemindersApi {
  const api = useApi();
  return useMemo(() => createRemindersApi(api), [api]);
}
