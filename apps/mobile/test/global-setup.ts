import { freePort, startFitCoachServer } from "./fitcoach-server";
import type { RunningServer } from "./fitcoach-server";

/**
 * Starts one FitCoach server for every test file of the "node" project, because each start
 * migrates a new database. The web export test serves the app on WEB_PORT, which the server's
 * CORS settings allow. Test workers read both from the environment.
 */
export default async function globalSetup(): Promise<void> {
  const webPort = await freePort();
  const server = await startFitCoachServer({ corsOrigins: [`http://127.0.0.1:${webPort}`] });
  process.env.FITCOACH_TEST_SERVER_URL = server.url;
  process.env.FITCOACH_TEST_WEB_PORT = String(webPort);
  (globalThis as { fitcoachServer?: RunningServer }).fitcoachServer = server;
}
