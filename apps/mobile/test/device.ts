import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { createMobileRuntime } from "../src/runtime/mobile-runtime";
import type { MobileRuntime } from "../src/runtime/mobile-runtime";
import { createSecureTokenStore } from "../src/session/secure-token-store";
import { openExpoSqliteDatabase } from "../src/storage/expo-sqlite-database";
import { migrateLocalDatabase } from "../src/storage/schema";
import { createSimulatedNetwork } from "./simulated-network";
import type { SimulatedNetwork } from "./simulated-network";
import { setDatabaseDirectory } from "./expo-sqlite-stand-in";

/** A phone in a test: its own database folder and network; the secure store stand-in is shared. */
export interface TestDevice {
  network: SimulatedNetwork;
  /** Folder of the device's database file. */
  databaseFolder: string;
  /** Starts the app (again), reading the database file and the tokens the last run left. */
  launch(): Promise<MobileRuntime>;
}

export function createTestDevice(serverUrl: string): TestDevice {
  const directory = mkdtempSync(path.join(tmpdir(), "fitcoach-device-"));
  const network = createSimulatedNetwork();

  return {
    network,
    databaseFolder: directory,
    async launch() {
      setDatabaseDirectory(directory);
      const database = await openExpoSqliteDatabase();
      await migrateLocalDatabase(database);
      return createMobileRuntime({
        database,
        serverUrl,
        tokenStore: createSecureTokenStore(),
        fetch: network.fetch,
      });
    },
  };
}
