import { createApiClient } from "@fitcoach/client";
import type { ApiClient } from "@fitcoach/client";

import type { FitcoachDesktopApi } from "./desktop-api";
import { createDesktopTokenStore } from "./desktop-token-store";

/**
 * Creates the API client for the desktop shell: a native client (tokens in bodies, no cookies)
 * that calls the server the user chose and keeps its tokens in the OS keychain. Resolves to null
 * when no server is chosen yet, which the shell normally settles on its own first-run page.
 */
export async function createDesktopApiClient(
  desktop: FitcoachDesktopApi,
): Promise<ApiClient | null> {
  const serverUrl = await desktop.getServerUrl();
  if (!serverUrl) return null;
  return createApiClient({
    platform: "native",
    baseUrl: serverUrl,
    tokenStore: createDesktopTokenStore(desktop.tokenStore),
  });
}
