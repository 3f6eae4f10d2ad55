import * as SecureStore from "expo-secure-store";
import { EMPTY_TOKENS } from "@fitcoach/client";
import type { StoredTokens, TokenStore } from "@fitcoach/client";

/** Key of the one Keychain (iOS) or Keystore-backed (Android) item that holds the tokens. */
export const TOKENS_KEY = "fitcoach.tokens";

// Readable only while the device is unlocked, and never copied into backups or to a new device.
const STORE_OPTIONS: SecureStore.SecureStoreOptions = {
  keychainAccessible: SecureStore.WHEN_UNLOCKED_THIS_DEVICE_ONLY,
};

/**
 * Keeps the access, refresh and device tokens in expo-secure-store as one item, so they change
 * together. No other store of the app (SQLite, files, AsyncStorage) ever sees a token.
 */
export function createSecureTokenStore(): TokenStore {
  return {
    async load() {
      const text = await SecureStore.getItemAsync(TOKENS_KEY, STORE_OPTIONS);
      return parseTokens(text);
    },
    async save(tokens) {
      const isEmpty = !tokens.accessToken && !tokens.refreshToken && !tokens.deviceToken;
      if (isEmpty) {
        await SecureStore.deleteItemAsync(TOKENS_KEY, STORE_OPTIONS);
        return;
      }
      await SecureStore.setItemAsync(TOKENS_KEY, JSON.stringify(tokens), STORE_OPTIONS);
    },
  };
}

function parseTokens(text: string | null): StoredTokens {
  if (!text) return { ...EMPTY_TOKENS };
  try {
    const value = JSON.parse(text) as Partial<StoredTokens>;
    return {
      accessToken: typeof value.accessToken === "string" ? value.accessToken : null,
      refreshToken: typeof value.refreshToken === "string" ? value.refreshToken : null,
      deviceToken: typeof value.deviceToken === "string" ? value.deviceToken : null,
    };
  } catch {
    // An unreadable item counts as no session; the next login overwrites it.
    return { ...EMPTY_TOKENS };
  }
}
