import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { renderRouter } from "expo-router/testing-library";

import { setDatabaseDirectory } from "./expo-sqlite-stand-in";
import { storedItems } from "./expo-secure-store-stand-in";

/**
 * Renders the whole app with its real routes, as a freshly installed copy: an empty database in a
 * new folder and an empty secure store. Returns the router test helpers and that folder.
 */
export function renderFreshApp(
  initialUrl = "/",
): ReturnType<typeof renderRouter> & { databaseFolder: string } {
  storedItems.clear();
  return renderAppOnDatabase(mkdtempSync(path.join(tmpdir(), "fitcoach-screen-")), initialUrl);
}

/** Renders the app again on a database folder a previous render left, as a restarted app. */
export function renderAppOnDatabase(
  databaseFolder: string,
  initialUrl = "/",
): ReturnType<typeof renderRouter> & { databaseFolder: string } {
  setDatabaseDirectory(databaseFolder);
  const result = renderRouter(path.resolve(__dirname, "../app"), { initialUrl });
  // renderRouter turns on Jest's fake timers, which also hold back process.nextTick and with it
  // Node's sockets and files; the app here talks to a real server and a real database file.
  jest.useRealTimers();
  return Object.assign(result, { databaseFolder });
}
