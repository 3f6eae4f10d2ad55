// Packaging for Linux (AppImage, deb), macOS (dmg, notarised when Apple credentials are set) and
// Windows (nsis, signed when a certificate is set). Settings that depend on keys come from
// environment variables, so the same file serves local test builds and signed releases.
import type { Configuration } from "electron-builder";

import desktopPackage from "./package.json" with { type: "json" };

export type BuilderEnvironment = Record<string, string | undefined>;

/** Returns whether the environment contains a credential set that @electron/notarize accepts. */
export function hasNotarizationCredentials(env: BuilderEnvironment): boolean {
  const apiKey = env.APPLE_API_KEY && env.APPLE_API_KEY_ID && env.APPLE_API_ISSUER;
  const appleId = env.APPLE_ID && env.APPLE_APP_SPECIFIC_PASSWORD && env.APPLE_TEAM_ID;
  const keychain = env.APPLE_KEYCHAIN && env.APPLE_KEYCHAIN_PROFILE;
  return Boolean(apiKey || appleId || keychain);
}

/**
 * Builds the electron-builder configuration from the environment:
 * FITCOACH_UPDATE_URL (https feed of update files), FITCOACH_UPDATE_PUBLIC_KEY_FILE (Ed25519 key
 * that Linux builds check update signatures with), FITCOACH_WIN_PUBLISHER_NAME (subject of the
 * Windows certificate), FITCOACH_HOMEPAGE_URL and FITCOACH_MAINTAINER (deb metadata).
 */
export function createBuilderConfig(env: BuilderEnvironment): Configuration {
  const updateUrl = env.FITCOACH_UPDATE_URL;
  if (updateUrl !== undefined && !updateUrl.startsWith("https://")) {
    throw new TypeError(
      `FITCOACH_UPDATE_URL must start with https://, got "${updateUrl}"; updates never use http.`,
    );
  }
  const publicKeyFile = env.FITCOACH_UPDATE_PUBLIC_KEY_FILE;
  const publisherName = env.FITCOACH_WIN_PUBLISHER_NAME;

  return {
    appId: "org.fitcoach.desktop",
    productName: "FitCoach",
    electronVersion: desktopPackage.devDependencies.electron,
    directories: { output: "release", buildResources: "build" },
    files: ["package.json", "dist/**/*", "!dist/**/*.map"],
    asar: true,
    // The app has no native modules, so nothing needs rebuilding for Electron's Node.
    npmRebuild: false,
    extraMetadata: env.FITCOACH_HOMEPAGE_URL ? { homepage: env.FITCOACH_HOMEPAGE_URL } : undefined,
    extraResources: publicKeyFile ? [{ from: publicKeyFile, to: "update-public-key.pem" }] : [],
    electronFuses: {
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    },
    // Without a feed URL the build has no app-update.yml and the app never looks for updates.
    publish: updateUrl ? [{ provider: "generic", url: updateUrl }] : null,
    linux: {
      target: ["AppImage", "deb"],
      category: "Utility",
      executableName: "fitcoach-desktop",
      synopsis: "Personal health tracker",
      maintainer: env.FITCOACH_MAINTAINER,
    },
    mac: {
      // electron-updater installs macOS updates from the zip; the dmg is for first installs.
      target: ["dmg", "zip"],
      category: "public.app-category.healthcare-fitness",
      hardenedRuntime: true,
      notarize: hasNotarizationCredentials(env),
    },
    win: {
      target: ["nsis"],
      // electron-updater refuses an update whose Authenticode publisher differs from this build's.
      verifyUpdateCodeSignature: true,
      signtoolOptions: publisherName ? { publisherName } : undefined,
    },
    nsis: {
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
    },
  };
}

export default createBuilderConfig(process.env);
