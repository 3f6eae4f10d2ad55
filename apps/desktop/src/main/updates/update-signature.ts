import { createHash, verify } from "node:crypto";
import { createReadStream } from "node:fs";
import type { KeyObject } from "node:crypto";

/** Largest signature file accepted, in bytes; an Ed25519 signature in base64 has 88 characters. */
const SIGNATURE_MAX_BYTES = 1024;
const SIGNATURE_TIMEOUT_MS = 30_000;

/**
 * Builds the signed message for one update file. It names the version and the file next to the
 * digest, so a validly signed older release cannot be offered under a newer version number.
 */
export function updateSignatureMessage(
  version: string,
  fileName: string,
  sha512Base64: string,
): Buffer {
  return Buffer.from(`FITCOACH-UPDATE-SIGNATURE-1\n${version}\n${fileName}\n${sha512Base64}\n`);
}

export async function sha512OfFile(filePath: string): Promise<string> {
  const hash = createHash("sha512");
  for await (const chunk of createReadStream(filePath)) hash.update(chunk as Buffer);
  return hash.digest("base64");
}

export function isValidUpdateSignature(
  message: Buffer,
  signatureBase64: string,
  publicKey: KeyObject,
): boolean {
  const signature = Buffer.from(signatureBase64.trim(), "base64");
  try {
    // Ed25519 hashes internally, so the algorithm argument must be null.
    return verify(null, message, publicKey, signature);
  } catch {
    return false;
  }
}

export interface DownloadedUpdate {
  version: string;
  downloadedFile: string;
  files: readonly { url: string; sha512: string }[];
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/**
 * Checks a downloaded update against the Ed25519 signature published next to it as
 * "<file name>.sig" in the update feed. The file is found in the feed by its SHA-512 digest.
 */
export async function verifyDownloadedUpdate(
  update: DownloadedUpdate,
  feedUrl: string,
  publicKey: KeyObject,
  fetchFunction: (url: string, init: RequestInit) => Promise<Response>,
): Promise<SignatureCheck> {
  const digest = await sha512OfFile(update.downloadedFile);
  const entry = update.files.find((file) => file.sha512 === digest);
  if (entry === undefined) {
    return { ok: false, reason: "downloaded file matches no file listed in the update feed" };
  }
  const fileName = entry.url.split("/").pop() ?? entry.url;

  const signatureUrl = new URL(`${encodeURIComponent(fileName)}.sig`, `${feedUrl}/`).toString();
  let signature: string;
  try {
    const response = await fetchFunction(signatureUrl, {
      redirect: "error",
      cache: "no-store",
      signal: AbortSignal.timeout(SIGNATURE_TIMEOUT_MS),
    });
    if (!response.ok) return { ok: false, reason: `signature returned HTTP ${response.status}` };
    const bytes = Buffer.from(await response.arrayBuffer());
    if (bytes.length > SIGNATURE_MAX_BYTES) return { ok: false, reason: "signature too large" };
    signature = bytes.toString("utf8");
  } catch (error) {
    return { ok: false, reason: `signature download failed: ${String(error)}` };
  }

  const message = updateSignatureMessage(update.version, fileName, digest);
  if (!isValidUpdateSignature(message, signature, publicKey)) {
    return { ok: false, reason: "signature invalid" };
  }
  return { ok: true };
}
