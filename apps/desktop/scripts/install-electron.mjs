// Downloads the Electron binary for this machine. npm does not run Electron's install script here
// (the repository allows no install scripts by default), so developers who want to start or package
// the app run this once: npm run electron:install -w @fitcoach/desktop
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const installScript = require.resolve("electron/install.js");

const env = { ...process.env };
delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
const result = spawnSync(process.execPath, [installScript], { env, stdio: "inherit" });
process.exit(result.status ?? 1);
