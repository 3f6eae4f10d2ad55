import type { TokenStore } from "@fitcoach/client";

import { deviceLanguageTags } from "../i18n/device-language";
import { isDevelopmentBuild } from "../platform/server-url";
import { openExpoSqliteDatabase } from "../storage/expo-sqlite-database";
import type { SqlDatabase } from "../storage/sql-database";
import { createNetworkConnectivity } from "../sync/network-connectivity";
import type { Connectivity } from "../sync/sync-scheduler";
import { createPlatformTokenStore } from "./platform-token-store";

/** What the app takes from the device; tests replace parts of it. */
export interface AppServices {
  openDatabase(): Promise<SqlDatabase>;
  tokenStore: TokenStore;
  fetch?: typeof fetch;
  connectivity?: Connectivity;
  deviceLanguageTags(): string[];
  /** Whether plain HTTP to this machine is allowed for the server address. */
  isDevelopment: boolean;
}

export function createDeviceServices(): AppServices {
  return {
    openDatabase: () => openExpoSqliteDatabase(),
    tokenStore: createPlatformTokenStore(),
    connectivity: createNetworkConnectivity(),
    deviceLanguageTags,
    isDevelopment: isDevelopmentBuild(),
  };
}
