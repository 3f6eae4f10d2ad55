import type { SqlDatabase } from "./sql-database";

/**
 * Settings of this device that outlive a session: where the server is, which account the local
 * data belongs to, the chosen language and whether reminders show as notifications on this device.
 */
export type DevicePreference = "server-url" | "account-id" | "language" | "reminders-on-device";

export async function readDevicePreference(
  database: SqlDatabase,
  name: DevicePreference,
): Promise<string | null> {
  const row = await database.first<{ value: string }>(
    "SELECT value FROM device_preferences WHERE name = ?",
    [name],
  );
  return row?.value ?? null;
}

/** Stores a preference; null removes it. */
export async function writeDevicePreference(
  database: SqlDatabase,
  name: DevicePreference,
  value: string | null,
): Promise<void> {
  if (value === null) {
    await database.run("DELETE FROM device_preferences WHERE name = ?", [name]);
    return;
  }
  await database.run(
    "INSERT INTO device_preferences (name, value) VALUES (?, ?) " +
      "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
    [name, value],
  );
}
