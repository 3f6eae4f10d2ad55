import { Platform } from "react-native";
import { createMemoryTokenStore } from "@fitcoach/client";
import type { TokenStore } from "@fitcoach/client";

import { createSecureTokenStore } from "./secure-token-store";

/**
 * Picks the token store for this platform. The web build has no secure storage, so it keeps tokens
 * in memory only and a reload asks for the password again.
 */
export function createPlatformTokenStore(): TokenStore {
  return Platform.OS === "web" ? createMemoryTokenStore() : createSecureTokenStore();
}
