import { app } from "electron";

import { prepareDesktopApp, startDesktopApp } from "./desktop-app";
import { createLogger } from "./log";

const log = createLogger((line) => process.stderr.write(line));

if (prepareDesktopApp(log)) {
  app
    .whenReady()
    .then(() => startDesktopApp(log))
    .catch((error: unknown) => {
      log.error({ err: error }, "desktop app failed to start");
      app.exit(1);
    });
}
