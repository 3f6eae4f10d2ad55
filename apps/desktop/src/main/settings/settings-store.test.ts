import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, test } from "vitest";

import { createRecordingLogger } from "../../../test/helpers/recording-logger";
import { createTemporaryFolder } from "../../../test/helpers/temporary-folder";
import { openSettingsStore } from "./settings-store";

let filePath: string;

beforeEach(() => {
  filePath = path.join(createTemporaryFolder("settings"), "nested", "settings.json");
});

describe("openSettingsStore", () => {
  test("starts with defaults", () => {
    const store = openSettingsStore(filePath, createRecordingLogger());

    expect(store.read()).toEqual({ serverUrl: null, windowState: undefined });
  });

  test("persists updates across restarts", () => {
    const windowState = { x: 10, y: 20, width: 900, height: 700, isMaximized: true };
    openSettingsStore(filePath, createRecordingLogger()).update({
      serverUrl: "https://fit.example.com",
      windowState,
    });

    const reopened = openSettingsStore(filePath, createRecordingLogger());

    expect(reopened.read()).toEqual({ serverUrl: "https://fit.example.com", windowState });
  });

  test("falls back to defaults on damage", () => {
    openSettingsStore(filePath, createRecordingLogger()).update({ serverUrl: "https://a.example" });
    writeFileSync(filePath, '{"serverUrl": 12}');
    const log = createRecordingLogger();

    const store = openSettingsStore(filePath, log);

    expect(store.read().serverUrl).toBeNull();
    expect(log.lines.map((line) => line.message)).toEqual([
      "settings file invalid, using defaults",
    ]);
  });

  test("ignores a hand-edited insecure URL", () => {
    openSettingsStore(filePath, createRecordingLogger()).update({ serverUrl: "https://a.example" });
    writeFileSync(filePath, JSON.stringify({ serverUrl: "http://fit.example.com" }));

    const store = openSettingsStore(filePath, createRecordingLogger());

    expect(store.read().serverUrl).toBeNull();
  });

  test("writes no temporary file behind", () => {
    const store = openSettingsStore(filePath, createRecordingLogger());

    store.update({ serverUrl: "https://fit.example.com" });

    expect(JSON.parse(readFileSync(filePath, "utf8"))).toEqual({
      serverUrl: "https://fit.example.com",
    });
    expect(() => readFileSync(`${filePath}.tmp`)).toThrow();
  });
});
