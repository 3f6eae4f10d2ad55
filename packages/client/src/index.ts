import { createApiClientCore } from "./api-client";
import type { ApiClientCore, ApiClientOptions } from "./api-client";
import { createAuthApi } from "./auth-api";
import type { AuthApi } from "./auth-api";
import { createMeApi } from "./me-api";
import type { MeApi } from "./me-api";

export * from "./api-client";
export * from "./auth-api";
export * from "./me-api";
export * from "./problem-error";
export * from "./retry-after";
export * from "./token-store";
export * from "./idempotency";

/** The typed FitCoach API: the transport plus one object per feature. */
export interface ApiClient extends ApiClientCore {
  auth: AuthApi;
  me: MeApi;
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const core = createApiClientCore(options);
  return { ...core, auth: createAuthApi(core), me: createMeApi(core) };
}
