import type { RunningServer } from "./fitcoach-server";

/** Stops the server that global-setup.ts started and drops its database. */
export default async function globalTeardown(): Promise<void> {
  await (globalThis as { fitcoachServer?: RunningServer }).fitcoachServer?.stop();
}
