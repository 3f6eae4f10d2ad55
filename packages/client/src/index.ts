import { createApiClientCore } from "./api-client";
import type { ApiClientCore, ApiClientOptions } from "./api-client";
import { createAuthApi } from "./auth-api";
import type { AuthApi } from "./auth-api";
import { createMeApi } from "./me-api";
import type { MeApi } from "./me-api";
import { createNotificationsApi, createPushApi } from "./notifications-api";
import type { NotificationsApi, PushApi } from "./notifications-api";

export * from "./api-client";
export * from "./auth-api";
export * from "./me-api";
export * from "./notifications-api";
export * from "./problem-error";
export * from "./retry-after";
export * from "./token-store";
export * from "./idempotency";
export * from "./write-options";
export * from "./days-api";
export * from "./entries-api";
export * from "./foods-api";
export * from "./workouts-api";
export * from "./stats-api";
export * from "./goals-api";
export * from "./saved-meals-api";

/**
 * The typed FitCoach API: the transport plus one object per feature that the app shell uses.
 * Features used on one screen only are built from it on demand and imported from their own
 * entry point (`createCoachApi` from "@fitcoach/client/coach", `createRemindersApi` from
 * "@fitcoach/client/reminders"), so a web app can load them with that screen alone.
 */
export interface ApiClient extends ApiClientCore {
  auth: AuthApi;
  me: MeApi;
  notifications: NotificationsApi;
  push: PushApi;
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const core = createApiClientCore(options);
  return {
    ...core,
    auth: createAuthApi(core),
    me: createMeApi(core),
    notifications: createNotificationsApi(core),
    push: createPushApi(core),
  };
}
