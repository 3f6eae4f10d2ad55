import type { StoredTokens, TokenStore } from "@fitcoach/client";

import type { DesktopTokenName, DesktopTokenStore } from "./desktop-api";

/**
 * Keeps the refresh and device tokens in the desktop app's OS keychain and the access token in
 * this page's memory only. Writes go out only for tokens that changed, because each one is an IPC
 * round trip and a keychain write.
 */
export function createDesktopTokenStore(keychain: DesktopTokenStore): TokenStore {
  let accessToken: string | null = null;
  const known: Record<DesktopTokenName, string | null | undefined> = {
    refreshToken: undefined,
    deviceToken: undefined,
  };

  async function write(name: DesktopTokenName, value: string | null): Promise<void> {
    if (known[name] === value) return;
    if (value === null) await keychain.clear(name);
    else await keychain.set(name, value);
    known[name] = value;
  }

  return {
    async load(): Promise<StoredTokens> {
      const [refreshToken, deviceToken] = await Promise.all([
        keychain.get("refreshToken"),
        keychain.get("deviceToken"),
      ]);
      known.refreshToken = refreshToken;
      known.deviceToken = deviceToken;
      return { accessToken, refreshToken, deviceToken };
    },
    async save(tokens: StoredTokens): Promise<void> {
      accessToken = tokens.accessToken;
      await write("refreshToken", tokens.refreshToken);
      await write("deviceToken", tokens.deviceToken);
    },
  };
}
