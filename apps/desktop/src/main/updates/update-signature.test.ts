import { execFile } from "node:child_process";
import { createPublicKey, generateKeyPairSync } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { promisify } from "node:util";
import type { AddressInfo } from "node:net";
import type { KeyObject } from "node:crypto";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import desktopPackage from "../../../package.json" with { type: "json" };
import { createTemporaryFolder } from "../../../test/helpers/temporary-folder";
import { sha512OfFile, verifyDownloadedUpdate } from "./update-signature";
import type { DownloadedUpdate } from "./update-signature";

const DESKTOP_DIR = path.resolve(import.meta.dirname, "../../..");
const runFile = promisify(execFile);

let folder: string;
let publicKey: KeyObject;
let artefact: string;
let server: Server;
let feedUrl: string;
const published = new Map<string, Buffer>();

/** Runs the release signing script, so the test covers the script and the check together. */
async function runSignScript(...args: string[]): Promise<void> {
  const tsx = path.join(DESKTOP_DIR, "../../node_modules/.bin/tsx");
  await runFile(tsx, ["scripts/sign-update.ts", ...args], { cwd: DESKTOP_DIR });
}

async function downloadedUpdate(
  overrides: Partial<DownloadedUpdate> = {},
): Promise<DownloadedUpdate> {
  return {
    version: desktopPackage.version,
    downloadedFile: artefact,
    files: [{ url: "FitCoach-update.AppImage", sha512: await sha512OfFile(artefact) }],
    ...overrides,
  };
}

beforeAll(async () => {
  folder = createTemporaryFolder("signature");
  await runSignScript("generate-key", folder);
  publicKey = createPublicKey(readFileSync(path.join(folder, "update-public-key.pem")));

  artefact = path.join(folder, "FitCoach-update.AppImage");
  writeFileSync(artefact, "pretend AppImage contents");
  await runSignScript("sign", path.join(folder, "update-private-key.pem"), artefact);
  published.set("/FitCoach-update.AppImage.sig", readFileSync(`${artefact}.sig`));

  server = createServer((request, response) => {
    const body = published.get(request.url ?? "");
    if (body === undefined) {
      response.statusCode = 404;
      response.end();
      return;
    }
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  if (server !== undefined) await new Promise((resolve) => server.close(resolve));
});

describe("verifyDownloadedUpdate", () => {
  test("accepts a file signed by the script", async () => {
    const result = await verifyDownloadedUpdate(
      await downloadedUpdate(),
      feedUrl,
      publicKey,
      fetch,
    );

    expect(result).toEqual({ ok: true });
  });

  test("rejects an older file under a newer version", async () => {
    const update = await downloadedUpdate({ version: "99.0.0" });

    const result = await verifyDownloadedUpdate(update, feedUrl, publicKey, fetch);

    expect(result).toEqual({ ok: false, reason: "signature invalid" });
  });

  test("rejects a signature from another key", async () => {
    const otherKey = generateKeyPairSync("ed25519").publicKey;

    const result = await verifyDownloadedUpdate(await downloadedUpdate(), feedUrl, otherKey, fetch);

    expect(result).toEqual({ ok: false, reason: "signature invalid" });
  });

  test("rejects a file missing from the feed", async () => {
    const update = await downloadedUpdate({
      files: [{ url: "FitCoach-update.AppImage", sha512: "c29tZXRoaW5nIGVsc2U=" }],
    });

    const result = await verifyDownloadedUpdate(update, feedUrl, publicKey, fetch);

    expect(result).toEqual({
      ok: false,
      reason: "downloaded file matches no file listed in the update feed",
    });
  });

  test("rejects a missing signature file", async () => {
    const renamed = path.join(folder, "Other.AppImage");
    writeFileSync(renamed, readFileSync(artefact));
    const update = await downloadedUpdate({
      downloadedFile: renamed,
      files: [{ url: "Other.AppImage", sha512: await sha512OfFile(renamed) }],
    });

    const result = await verifyDownloadedUpdate(update, feedUrl, publicKey, fetch);

    expect(result).toEqual({ ok: false, reason: "signature returned HTTP 404" });
  });

  test("rejects an oversized signature", async () => {
    published.set("/Big.AppImage.sig", Buffer.alloc(4096, "A"));
    const big = path.join(folder, "Big.AppImage");
    writeFileSync(big, "big");
    const update = await downloadedUpdate({
      downloadedFile: big,
      files: [{ url: "Big.AppImage", sha512: await sha512OfFile(big) }],
    });

    const result = await verifyDownloadedUpdate(update, feedUrl, publicKey, fetch);

    expect(result).toEqual({ ok: false, reason: "signature too large" });
  });
});
