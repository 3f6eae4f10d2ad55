import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { SafeStorage } from "electron";
import { z } from "zod";

import type { DesktopTokenName } from "../../preload-api";
import type { Logger } from "../log";

/** Secrets the web client hands to the desktop app: its refresh token and device token. */
export interface TokenStore {
  get(name: DesktopTokenName): string | null;
  set(name: DesktopTokenName, value: string): void;
  clear(name: DesktopTokenName): void;
  clearAll(): void;
  /** Whether tokens survive a restart; false when the OS offers no keychain. */
  isPersistent(): boolean;
}

export interface TokenStoreOptions {
  filePath: string;
  safeStorage: Pick<
    SafeStorage,
    "isEncryptionAvailable" | "encryptString" | "decryptString" | "getSelectedStorageBackend"
  >;
  platform: NodeJS.Platform;
  log: Logger;
}

const tokenFileSchema = z.object({
  version: z.literal(1),
  /** Base64 of the bytes safeStorage returned for each token. */
  tokens: z.record(z.string(), z.string()),
});

/**
 * Opens the token store. With an OS keychain, each token is encrypted with safeStorage and the
 * ciphertext is kept in a file in the user-data folder. Without one, tokens stay in memory for
 * this run only, because the fallback on Linux ("basic_text") encrypts with a fixed, public
 * password and would amount to a plain file.
 */
export function openTokenStore(options: TokenStoreOptions): TokenStore {
  const { filePath, safeStorage, log } = options;

  if (!hasKeychain(options)) {
    const backend = options.platform === "linux" ? safeStorage.getSelectedStorageBackend() : null;
    log.warn({ backend }, "no OS keychain, tokens kept in memory only");
    return createMemoryTokenStore();
  }

  let encrypted = readTokenFile(filePath, log);

  function save(): void {
    if (Object.keys(encrypted).length === 0) {
      rmSync(filePath, { force: true });
      return;
    }
    mkdirSync(path.dirname(filePath), { recursive: true });
    const temporaryPath = `${filePath}.tmp`;
    writeFileSync(temporaryPath, JSON.stringify({ version: 1, tokens: encrypted }), {
      mode: 0o600,
    });
    renameSync(temporaryPath, filePath);
  }

  return {
    get(name) {
      const ciphertext = encrypted[name];
      if (ciphertext === undefined) return null;
      try {
        return safeStorage.decryptString(Buffer.from(ciphertext, "base64"));
      } catch (error) {
        // The keychain entry changed (new OS user, reset keyring); the token cannot be recovered.
        log.warn({ err: error, token: name }, "stored token unreadable, removed");
        const { [name]: _removed, ...rest } = encrypted;
        encrypted = rest;
        save();
        return null;
      }
    },
    set(name, value) {
      encrypted = { ...encrypted, [name]: safeStorage.encryptString(value).toString("base64") };
      save();
    },
    clear(name) {
      const { [name]: _removed, ...rest } = encrypted;
      encrypted = rest;
      save();
    },
    clearAll() {
      encrypted = {};
      save();
    },
    isPersistent: () => true,
  };
}

function hasKeychain(options: TokenStoreOptions): boolean {
  if (!options.safeStorage.isEncryptionAvailable()) return false;
  if (options.platform !== "linux") return true;
  const backend = options.safeStorage.getSelectedStorageBackend();
  return backend !== "basic_text" && backend !== "unknown";
}

function readTokenFile(filePath: string, log: Logger): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(filePath, "utf8");
  } catch {
    return {};
  }
  const parsed = tokenFileSchema.safeParse(safeJsonParse(text));
  if (!parsed.success) {
    log.warn({ filePath }, "token file invalid, starting empty");
    return {};
  }
  return parsed.data.tokens;
}

function safeJsonParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function createMemoryTokenStore(): TokenStore {
  const tokens = new Map<DesktopTokenName, string>();
  return {
    get: (name) => tokens.get(name) ?? null,
    set: (name, value) => void tokens.set(name, value),
    clear: (name) => void tokens.delete(name),
    clearAll: () => tokens.clear(),
    isPersistent: () => false,
  };
}
