/**
 * Address of the FitCoach server that test/global-setup.ts started for this run; throws when a
 * test runs outside the "node" Jest project, which has no server.
 */
export function sharedServerUrl(): string {
  const url = process.env.FITCOACH_TEST_SERVER_URL;
  if (!url) throw new Error("No FitCoach server: run this test in the node Jest project.");
  return url;
}

/** Port the web export test serves the app on; the shared server's CORS settings allow it. */
export function sharedWebPort(): number {
  const port = Number(process.env.FITCOACH_TEST_WEB_PORT);
  if (!Number.isInteger(port) || port <= 0) {
    throw new Error("No port for the web export: run this test in the node Jest project.");
  }
  return port;
}
