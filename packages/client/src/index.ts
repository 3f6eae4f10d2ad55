import { createApiClientCore } from "./api-client";
import type { ApiClientCore, ApiClientOptions } from "./api-client";
import { createAuthApi } from "./auth-api";
import type { AuthApi } from "./auth-api";
import { createMeApi } from "./me-api";
import type { MeApi } from "./me-api";
import { createCoachApi } from "./coach-api";
import type { CoachApi } from "./coach-api";
import { createNotificationsApi, createPushApi } from "./notifications-api";
import type { NotificationsApi, PushApi } from "./notifications-api";
import { createRemindersApi } from "./reminders-api";
import type { RemindersApi } from "./reminders-api";

export * from "./api-client";
export * from "./auth-api";
export * from "./me-api";
export * from "./coach-api";
export * from "./notifications-api";
export * from "./reminders-api";
export * from "./server-sent-events";
export * from "./problem-error";
export * from "./retry-after";
export * from "./token-store";
export * from "./idempotency";

/** The typed FitCoach API: the transport plus one object per feature. */
export interface ApiClient extends ApiClientCore {
  auth: AuthApi;
  me: MeApi;
  coach: CoachApi;
  reminders: RemindersApi;
  notifications: NotificationsApi;
  push: PushApi;
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const core = createApiClientCore(options);
  return {
    ...core,
    auth: createAuthApi(core),
    me: createMeApi(core),
    coach: createCoachApi(core),
    reminders: createRemindersApi(core),
    notifications: createNotificationsApi(core),
    push: createPushApi(core),
  };
}
