import { useMemo } from "react";
import { createCoachApi } from "@fitcoach/client/coach";
import type { CoachApi } from "@fitcoach/client/coach";

import { useApi } from "../../app/api-context";

/** Returns the coach's API; it is built here so its schemas load with the coach screens only. */
export function useCoachApi(): CoachApi {
  const api = useApi();
  return useMemo(() => createCoachApi(api), [api]);
}
