// Fails when any item of Electron's security checklist is off. It covers the settings of every
// window the app creates, the fuses and the Content-Security-Policy of the served pages. It also
// covers the custom scheme, the permission and navigation handlers, IPC sender checks and updates.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { beforeAll, describe, expect, test } from "vitest";

import { createBuilderConfig } from "../electron-builder.config";
import desktopPackage from "../package.json" with { type: "json" };
import { prepareDesktopApp, startDesktopApp } from "../src/main/desktop-app";
import { parsePolicy } from "../src/main/security/content-security-policy";
import { secureWebPreferences } from "../src/main/security/web-preferences";
import { app, StandInEvent, standIn } from "./electron-stand-in";
import { createRecordingLogger } from "./helpers/recording-logger";
import { createTemporaryFolder } from "./helpers/temporary-folder";

const DESKTOP_DIR = path.resolve(import.meta.dirname, "..");
const SERVER_URL = "https://fit.example.com";

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|html)$/.test(entry.name))
    .filter((entry) => !entry.name.endsWith(".test.ts"))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

async function fetchPolicy(url: string): Promise<Record<string, readonly string[]>> {
  const handler = standIn.protocolHandlers.get("fitcoach");
  if (handler === undefined) throw new TypeError("The fitcoach scheme has no handler.");
  const response = await handler(new Request(url));
  expect(response.status).toBe(200);
  const header = response.headers.get("content-security-policy");
  if (header === null) throw new TypeError(`${url} was served without a CSP header.`);
  return parsePolicy(header);
}

beforeAll(() => {
  standIn.reset();
  const userData = createTemporaryFolder("checklist");
  app.paths = { userData };
  app.appPath = path.join(userData, "app");
  for (const page of ["renderer", "setup"]) {
    mkdirSync(path.join(app.appPath, "dist", page), { recursive: true });
    writeFileSync(path.join(app.appPath, "dist", page, "index.html"), "<head></head>");
  }
  writeFileSync(path.join(userData, "settings.json"), JSON.stringify({ serverUrl: SERVER_URL }));

  const log = createRecordingLogger();
  prepareDesktopApp(log);
  startDesktopApp(log);
});

describe("every BrowserWindow", () => {
  test("the app creates at least one window", () => {
    expect(standIn.windows.length).toBeGreaterThan(0);
  });

  test.each([
    ["contextIsolation", true],
    ["sandbox", true],
    ["nodeIntegration", false],
    ["nodeIntegrationInWorker", false],
    ["nodeIntegrationInSubFrames", false],
    ["webSecurity", true],
    ["allowRunningInsecureContent", false],
    ["experimentalFeatures", false],
    ["webviewTag", false],
    ["navigateOnDragDrop", false],
  ])("sets %s to %s", (name, expected) => {
    for (const window of standIn.windows) {
      const preferences = window.options.webPreferences as Record<string, unknown> | undefined;
      expect(preferences?.[name]).toBe(expected);
    }
  });

  test("enables no Blink features or remote module", () => {
    for (const window of standIn.windows) {
      const preferences = (window.options.webPreferences ?? {}) as Record<string, unknown>;
      expect(preferences.enableBlinkFeatures).toBeUndefined();
      expect(preferences.enableRemoteModule).toBeUndefined();
    }
  });

  test("loads only the bundled preload", () => {
    for (const window of standIn.windows) {
      expect(window.options.webPreferences?.preload).toBe(
        path.join(app.appPath, "dist", "preload.cjs"),
      );
    }
  });

  test("loads only app pages", () => {
    for (const window of standIn.windows) {
      for (const url of window.loadedUrls) expect(url).toMatch(/^fitcoach:\/\/(app|setup)\//);
    }
  });

  test("packaged builds have no DevTools", () => {
    expect(secureWebPreferences("/preload.cjs", true).devTools).toBe(false);
  });

  test("sandbox is forced app-wide", () => {
    expect(app.sandboxEnabled).toBe(true);
  });

  test("is created only through the secure settings", () => {
    const offenders = sourceFiles(path.join(DESKTOP_DIR, "src")).filter((file) => {
      const text = readFileSync(file, "utf8");
      const createsWindow = /new BrowserWindow\(|new BrowserView\(|new WebContentsView\(/.test(
        text,
      );
      return createsWindow && !text.includes("webPreferences: secureWebPreferences(");
    });

    expect(offenders).toEqual([]);
  });
});

describe("source code", () => {
  test.each([
    "nodeIntegration: true",
    "contextIsolation: false",
    "sandbox: false",
    "webSecurity: false",
    "allowRunningInsecureContent: true",
    "bypassCSP: true",
    "allowServiceWorkers: true",
    "@electron/remote",
    "enableRemoteModule",
    "'unsafe-inline'",
    "'unsafe-eval'",
    "disableAsarIntegrity",
  ])("never contains %s", (forbidden) => {
    const files = [...sourceFiles(path.join(DESKTOP_DIR, "src")), "electron-builder.config.ts"];
    const offenders = files.filter((file) =>
      readFileSync(path.resolve(DESKTOP_DIR, file), "utf8").includes(forbidden),
    );

    expect(offenders).toEqual([]);
  });

  test("depends on no remote module", () => {
    const dependencies = { ...desktopPackage.dependencies, ...desktopPackage.devDependencies };

    expect(Object.keys(dependencies)).not.toContain("@electron/remote");
  });
});

describe("fitcoach scheme", () => {
  test("keeps CSP and service workers on", () => {
    expect(standIn.privilegedSchemes).toEqual([
      {
        scheme: "fitcoach",
        privileges: {
          standard: true,
          secure: true,
          supportFetchAPI: true,
          corsEnabled: true,
          codeCache: true,
        },
      },
    ]);
  });
});

describe("Content-Security-Policy", () => {
  test("web app allows only its own code", async () => {
    const policy = await fetchPolicy("fitcoach://app/");

    expect(policy["default-src"]).toEqual(["'self'"]);
    expect(policy["script-src"]).toEqual(["'self'"]);
    expect(policy["style-src"]).toEqual(["'self'"]);
    expect(policy["object-src"]).toEqual(["'none'"]);
    expect(policy["frame-src"]).toEqual(["'none'"]);
    expect(policy["frame-ancestors"]).toEqual(["'none'"]);
    expect(policy["base-uri"]).toEqual(["'self'"]);
  });

  test("web app connects only to the server", async () => {
    const policy = await fetchPolicy("fitcoach://app/today");

    expect(policy["connect-src"]).toEqual(["'self'", SERVER_URL]);
  });

  test("setup page allows nothing else", async () => {
    const policy = await fetchPolicy("fitcoach://setup/index.html");

    expect(policy["default-src"]).toEqual(["'none'"]);
    expect(policy["script-src"]).toEqual(["'self'"]);
    expect(policy["connect-src"]).toEqual(["'none'"]);
  });

  test("no policy allows inline code or eval", async () => {
    for (const url of ["fitcoach://app/", "fitcoach://setup/index.html"]) {
      const sources = Object.values(await fetchPolicy(url)).flat();
      expect(sources).not.toContain("'unsafe-inline'");
      expect(sources).not.toContain("'unsafe-eval'");
      expect(sources).not.toContain("*");
    }
  });
});

describe("permission requests", () => {
  test("handlers are installed", () => {
    expect(standIn.permissionRequestHandler).not.toBeNull();
    expect(standIn.permissionCheckHandler).not.toBeNull();
    expect(standIn.devicePermissionHandler).not.toBeNull();
  });

  test.each([
    "media",
    "geolocation",
    "notifications",
    "display-capture",
    "midiSysex",
    "openExternal",
  ])("denies %s", (permission) => {
    const grants: boolean[] = [];

    standIn.permissionRequestHandler?.({}, permission, (granted) => grants.push(granted), {
      requestingUrl: "fitcoach://app/",
    });

    expect(grants).toEqual([false]);
  });
});

describe("navigation", () => {
  test("every window is guarded", () => {
    for (const window of standIn.windows) {
      const contents = window.webContents;
      expect(contents.windowOpenHandler?.({ url: "https://example.com" })).toEqual({
        action: "deny",
      });
      for (const event of [
        "will-navigate",
        "will-frame-navigate",
        "will-redirect",
        "will-attach-webview",
      ]) {
        expect(contents.listenerCount(event)).toBeGreaterThan(0);
      }
    }
  });

  test("leaving the app is prevented", () => {
    const event = new StandInEvent({ url: "https://phish.example.com/login", isMainFrame: true });

    standIn.windows[0]?.webContents.emit("will-navigate", event);

    expect(event.defaultPrevented).toBe(true);
  });
});

describe("IPC", () => {
  test("every channel checks its sender", () => {
    expect(standIn.ipcHandlers.size).toBeGreaterThan(0);
    const contents = standIn.windows[0]!.webContents;

    for (const [channel, handler] of standIn.ipcHandlers) {
      const event = {
        sender: contents,
        senderFrame: { url: "https://evil.example/", parent: null },
      };
      expect(() => handler(event), channel).toThrow("is not available to this page");
    }
  });
});

describe("fuses and packaging", () => {
  const config = createBuilderConfig({});

  test.each([
    ["runAsNode", false],
    ["enableCookieEncryption", true],
    ["enableNodeOptionsEnvironmentVariable", false],
    ["enableNodeCliInspectArguments", false],
    ["enableEmbeddedAsarIntegrityValidation", true],
    ["onlyLoadAppFromAsar", true],
    ["grantFileProtocolExtraPrivileges", false],
  ] as const)("fuse %s is %s", (name, expected) => {
    expect(config.electronFuses?.[name]).toBe(expected);
  });

  test("packs the app into ASAR", () => {
    expect(config.asar).toBe(true);
    expect(config.disableAsarIntegrity).toBeUndefined();
  });

  test("electron-builder accepts the configuration", async () => {
    const require = createRequire(import.meta.url);
    const { validateConfiguration } = require("app-builder-lib/out/util/config/config");
    const { DebugLogger } = require("builder-util");

    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  test("rejects a plain http update feed", () => {
    const build = () => createBuilderConfig({ FITCOACH_UPDATE_URL: "http://updates.example.com" });

    expect(build).toThrow("FITCOACH_UPDATE_URL must start with https://");
  });

  test("publishes to an https feed", () => {
    const withFeed = createBuilderConfig({ FITCOACH_UPDATE_URL: "https://updates.example.com" });

    expect(withFeed.publish).toEqual([{ provider: "generic", url: "https://updates.example.com" }]);
  });

  test("checks Windows update signatures", () => {
    expect(config.win?.verifyUpdateCodeSignature).toBe(true);
  });

  test("hardens and notarises macOS builds", () => {
    const withKeys = createBuilderConfig({
      APPLE_API_KEY: "/keys/AuthKey.p8",
      APPLE_API_KEY_ID: "ABC123",
      APPLE_API_ISSUER: "issuer-id",
    });

    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(config.mac?.notarize).toBe(false);
    expect(withKeys.mac?.notarize).toBe(true);
  });
});
