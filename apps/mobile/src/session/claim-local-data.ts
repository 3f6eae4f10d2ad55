import type { MobileRuntime } from "../runtime/mobile-runtime";
import { writeCachedResource } from "../storage/cached-resources";
import { readDevicePreference, writeDevicePreference } from "../storage/device-preferences";
import { wipeAccountData } from "../storage/schema";

/**
 * Makes the local data belong to the account that just logged in. Data another account left
 * behind (a browser tab closed without logging out keeps its database) is wiped before any
 * screen shows it or the queue sends it. When the account cannot be read, the data is wiped too,
 * because it cannot be shown to belong to this account.
 */
export async function claimLocalData(runtime: MobileRuntime): Promise<void> {
  const { database } = runtime;
  await writeDevicePreference(database, "server-url", runtime.serverUrl);

  const previousAccount = await readDevicePreference(database, "account-id");
  let me;
  try {
    me = await runtime.api.me.get();
  } catch (error) {
    console.warn(
      "reading the account after login failed",
      error instanceof Error ? error.name : error,
    );
    await wipeAccountData(database);
    await writeDevicePreference(database, "account-id", null);
    return;
  }

  if (me.id !== previousAccount) {
    await wipeAccountData(database);
    await writeDevicePreference(database, "account-id", me.id);
  }
  await writeCachedResource(database, "/me", me, null);
}
