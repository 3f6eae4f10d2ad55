import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

import type { Logger } from "../log";
import { normalizeServerUrl } from "../server/server-url";
import { windowStateSchema } from "../window/window-state";
import type { WindowState } from "../window/window-state";

const settingsFileSchema = z.object({
  serverUrl: z.string().optional(),
  windowState: windowStateSchema.optional(),
});

/** Settings kept between runs. Secrets are not settings; they live in the token store. */
export interface Settings {
  serverUrl: string | null;
  windowState: WindowState | undefined;
}

export interface SettingsStore {
  read(): Settings;
  update(changes: Partial<Settings>): void;
}

/**
 * Opens the settings file, a small JSON document in the user-data folder. A missing or damaged
 * file yields default settings, so the app falls back to the first-run page instead of failing.
 */
export function openSettingsStore(filePath: string, log: Logger): SettingsStore {
  let settings = loadSettings(filePath, log);

  return {
    read: () => ({ ...settings }),
    update(changes) {
      settings = { ...settings, ...changes };
      writeSettings(filePath, settings);
    },
  };
}

function loadSettings(filePath: string, log: Logger): Settings {
  let text: string;
  try {
    text = readFileSync(filePath, "utf8");
  } catch {
    return { serverUrl: null, windowState: undefined };
  }

  let parsed: z.infer<typeof settingsFileSchema>;
  try {
    parsed = settingsFileSchema.parse(JSON.parse(text));
  } catch (error) {
    log.warn({ err: error, filePath }, "settings file invalid, using defaults");
    return { serverUrl: null, windowState: undefined };
  }

  // A URL edited by hand must pass the same check as one typed on the first-run page.
  const serverUrl = parsed.serverUrl === undefined ? null : normalizeServerUrl(parsed.serverUrl);
  if (serverUrl !== null && !serverUrl.ok) {
    log.warn({ filePath }, "stored server URL invalid, asking again");
  }
  return {
    serverUrl: serverUrl?.ok ? serverUrl.serverUrl : null,
    windowState: parsed.windowState,
  };
}

function writeSettings(filePath: string, settings: Settings): void {
  const document = {
    serverUrl: settings.serverUrl ?? undefined,
    windowState: settings.windowState,
  };
  mkdirSync(path.dirname(filePath), { recursive: true });
  // Writing a temporary file and renaming it keeps the old settings if the app dies mid-write.
  const temporaryPath = `${filePath}.tmp`;
  writeFileSync(temporaryPath, JSON.stringify(document, null, 2), { mode: 0o600 });
  renameSync(temporaryPath, filePath);
}
