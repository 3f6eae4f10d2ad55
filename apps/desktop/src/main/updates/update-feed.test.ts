import { generateKeyPairSync } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, test } from "vitest";

import { createTemporaryFolder } from "../../../test/helpers/temporary-folder";
import { readUpdateFeed, UPDATE_CONFIG_FILE, UPDATE_PUBLIC_KEY_FILE } from "./update-feed";

let resources: string;

function writeConfig(text: string): void {
  writeFileSync(path.join(resources, UPDATE_CONFIG_FILE), text);
}

function writePublicKey(type: "ed25519" | "rsa"): void {
  const { publicKey } =
    type === "ed25519"
      ? generateKeyPairSync("ed25519")
      : generateKeyPairSync("rsa", { modulusLength: 2048 });
  writeFileSync(
    path.join(resources, UPDATE_PUBLIC_KEY_FILE),
    publicKey.export({ type: "spki", format: "pem" }),
  );
}

beforeEach(() => {
  resources = createTemporaryFolder("resources");
});

describe("readUpdateFeed", () => {
  test("turns updates off without a config", () => {
    expect(readUpdateFeed(resources, "darwin")).toEqual({
      ok: false,
      reason: "app-update.yml missing; this build has no update feed",
    });
  });

  test("accepts an https feed on macOS", () => {
    writeConfig("provider: generic\nurl: https://updates.example.com/desktop/\n");

    expect(readUpdateFeed(resources, "darwin")).toEqual({
      ok: true,
      feedUrl: "https://updates.example.com/desktop",
      publicKey: null,
    });
  });

  test("rejects a plain http feed", () => {
    writeConfig("provider: generic\nurl: http://updates.example.com/\n");

    expect(readUpdateFeed(resources, "darwin")).toEqual({
      ok: false,
      reason: "update feed URL must start with https://",
    });
  });

  test("rejects other providers", () => {
    writeConfig("provider: github\nowner: someone\nrepo: fitcoach\n");

    const feed = readUpdateFeed(resources, "darwin");

    expect(feed.ok).toBe(false);
  });

  test("rejects unsigned Windows builds", () => {
    writeConfig("provider: generic\nurl: https://updates.example.com/\n");

    expect(readUpdateFeed(resources, "win32")).toEqual({
      ok: false,
      reason: "unsigned Windows build; updates need a code-signing publisher",
    });
  });

  test("accepts signed Windows builds", () => {
    writeConfig(
      "provider: generic\nurl: https://updates.example.com/\npublisherName:\n  - FitCoach Ltd\n",
    );

    expect(readUpdateFeed(resources, "win32").ok).toBe(true);
  });

  test("requires the key on Linux", () => {
    writeConfig("provider: generic\nurl: https://updates.example.com/\n");

    expect(readUpdateFeed(resources, "linux")).toEqual({
      ok: false,
      reason: "update-public-key.pem missing or unreadable",
    });
  });

  test("rejects a non-Ed25519 key", () => {
    writeConfig("provider: generic\nurl: https://updates.example.com/\n");
    writePublicKey("rsa");

    expect(readUpdateFeed(resources, "linux")).toEqual({
      ok: false,
      reason: "update-public-key.pem must be an Ed25519 key",
    });
  });

  test("loads the Ed25519 key on Linux", () => {
    writeConfig("provider: generic\nurl: https://updates.example.com/\n");
    writePublicKey("ed25519");

    const feed = readUpdateFeed(resources, "linux");

    expect(feed.ok).toBe(true);
    expect(feed.ok ? feed.publicKey?.asymmetricKeyType : null).toBe("ed25519");
  });
});
