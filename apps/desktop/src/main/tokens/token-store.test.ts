import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, test } from "vitest";

import { safeStorage, standIn } from "../../../test/electron-stand-in";
import { createRecordingLogger } from "../../../test/helpers/recording-logger";
import { createTemporaryFolder } from "../../../test/helpers/temporary-folder";
import { openTokenStore } from "./token-store";
import type { TokenStoreOptions } from "./token-store";

const REFRESH_TOKEN = "refresh_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";
let filePath: string;

function options(overrides: Partial<TokenStoreOptions> = {}): TokenStoreOptions {
  return {
    filePath,
    safeStorage: safeStorage as unknown as TokenStoreOptions["safeStorage"],
    platform: "linux",
    log: createRecordingLogger(),
    ...overrides,
  };
}

beforeEach(() => {
  standIn.reset();
  filePath = path.join(createTemporaryFolder("tokens"), "tokens.json");
});

describe("openTokenStore with a keychain", () => {
  test("stores only ciphertext on disk", () => {
    const store = openTokenStore(options());

    store.set("refreshToken", REFRESH_TOKEN);

    const text = readFileSync(filePath, "utf8");
    expect(text).not.toContain(REFRESH_TOKEN);
    expect(JSON.parse(text).tokens.refreshToken).toBe(
      safeStorage.encryptString(REFRESH_TOKEN).toString("base64"),
    );
  });

  test("reads tokens back after restart", () => {
    openTokenStore(options()).set("refreshToken", REFRESH_TOKEN);

    const reopened = openTokenStore(options());

    expect(reopened.get("refreshToken")).toBe(REFRESH_TOKEN);
    expect(reopened.isPersistent()).toBe(true);
  });

  test("writes the file for the owner only", () => {
    openTokenStore(options()).set("deviceToken", REFRESH_TOKEN);

    expect(statSync(filePath).mode & 0o777).toBe(0o600);
  });

  test("clears one token and keeps the other", () => {
    const store = openTokenStore(options());
    store.set("refreshToken", REFRESH_TOKEN);
    store.set("deviceToken", "device_0123456789abcdef");

    store.clear("refreshToken");

    const reopened = openTokenStore(options());
    expect(reopened.get("refreshToken")).toBeNull();
    expect(reopened.get("deviceToken")).toBe("device_0123456789abcdef");
  });

  test("removes the file when all are cleared", () => {
    const store = openTokenStore(options());
    store.set("refreshToken", REFRESH_TOKEN);

    store.clearAll();

    expect(existsSync(filePath)).toBe(false);
  });

  test("drops tokens the keychain cannot decrypt", () => {
    openTokenStore(options()).set("refreshToken", REFRESH_TOKEN);
    standIn.isKeychainReset = true;
    const log = createRecordingLogger();

    const store = openTokenStore(options({ log }));

    expect(store.get("refreshToken")).toBeNull();
    expect(existsSync(filePath)).toBe(false);
    expect(log.lines.map((line) => line.message)).toEqual(["stored token unreadable, removed"]);
  });

  test("starts empty from a damaged file", () => {
    writeFileSync(filePath, "{not json");

    const store = openTokenStore(options());

    expect(store.get("refreshToken")).toBeNull();
  });

  test("never logs token values", () => {
    const log = createRecordingLogger();
    const store = openTokenStore(options({ log }));
    store.set("refreshToken", REFRESH_TOKEN);
    standIn.isKeychainReset = true;

    store.get("refreshToken");

    expect(JSON.stringify(log.lines)).not.toContain(REFRESH_TOKEN);
  });
});

describe("openTokenStore without a keychain", () => {
  test("keeps tokens in memory on basic_text", () => {
    standIn.storageBackend = "basic_text";
    const log = createRecordingLogger();

    const store = openTokenStore(options({ log }));
    store.set("refreshToken", REFRESH_TOKEN);

    expect(store.get("refreshToken")).toBe(REFRESH_TOKEN);
    expect(store.isPersistent()).toBe(false);
    expect(existsSync(filePath)).toBe(false);
    expect(log.lines[0]?.fields).toEqual({ backend: "basic_text" });
  });

  test("keeps tokens in memory when encryption is unavailable", () => {
    standIn.isEncryptionAvailable = false;

    const store = openTokenStore(options({ platform: "darwin" }));
    store.set("refreshToken", REFRESH_TOKEN);

    expect(store.isPersistent()).toBe(false);
    expect(existsSync(filePath)).toBe(false);
  });

  test("trusts the keychain on other platforms", () => {
    standIn.storageBackend = "basic_text";

    const store = openTokenStore(options({ platform: "win32" }));

    expect(store.isPersistent()).toBe(true);
  });
});
