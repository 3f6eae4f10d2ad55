import { createPublicKey } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { KeyObject } from "node:crypto";
import { load } from "js-yaml";

/** File that electron-builder writes into the resources folder from the "publish" setting. */
export const UPDATE_CONFIG_FILE = "app-update.yml";

/** Ed25519 public key (PEM) that checks update signatures on Linux, added at packaging time. */
export const UPDATE_PUBLIC_KEY_FILE = "update-public-key.pem";

export type UpdateFeed =
  { ok: true; feedUrl: string; publicKey: KeyObject | null } | { ok: false; reason: string };

/**
 * Reads the update feed of a packaged app and rejects any feed whose updates cannot be verified.
 * The feed must be a generic https feed. Windows builds must name the code-signing publisher that
 * electron-updater checks, and Linux builds must carry the key for the update signatures.
 */
export function readUpdateFeed(resourcesPath: string, platform: NodeJS.Platform): UpdateFeed {
  let config: unknown;
  try {
    config = load(readFileSync(path.join(resourcesPath, UPDATE_CONFIG_FILE), "utf8"));
  } catch {
    return { ok: false, reason: `${UPDATE_CONFIG_FILE} missing; this build has no update feed` };
  }
  if (typeof config !== "object" || config === null) {
    return { ok: false, reason: `${UPDATE_CONFIG_FILE} is not a mapping` };
  }
  const { provider, url, publisherName } = config as Record<string, unknown>;

  if (provider !== "generic" || typeof url !== "string") {
    return { ok: false, reason: "update feed must use the generic provider with a url" };
  }
  if (!url.startsWith("https://")) {
    return { ok: false, reason: "update feed URL must start with https://" };
  }
  if (platform === "win32" && (publisherName === undefined || publisherName === null)) {
    return { ok: false, reason: "unsigned Windows build; updates need a code-signing publisher" };
  }

  let publicKey: KeyObject | null = null;
  if (platform === "linux") {
    try {
      publicKey = createPublicKey(readFileSync(path.join(resourcesPath, UPDATE_PUBLIC_KEY_FILE)));
    } catch {
      return { ok: false, reason: `${UPDATE_PUBLIC_KEY_FILE} missing or unreadable` };
    }
    if (publicKey.asymmetricKeyType !== "ed25519") {
      return { ok: false, reason: `${UPDATE_PUBLIC_KEY_FILE} must be an Ed25519 key` };
    }
  }
  return { ok: true, feedUrl: url.replace(/\/+$/, ""), publicKey };
}
