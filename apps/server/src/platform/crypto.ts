import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from "node:crypto";

/** Random opaque token, 256 bits from the OS's CSPRNG, base64url (43 characters). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/**
 * Digest under which opaque tokens are stored. Tokens carry 256 random bits, so a fast hash is
 * enough: a preimage cannot be guessed, and a database leak reveals no usable token.
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("base64url");
}

export function hmacSha256(key: string | Buffer, value: string): Buffer {
  return createHmac("sha256", key).update(value, "utf8").digest();
}

/** Compares two strings in time that depends only on their lengths. */
export function constantTimeEqual(left: string, right: string): boolean {
  const a = Buffer.from(left, "utf8");
  const b = Buffer.from(right, "utf8");
  if (a.length !== b.length) return false;
  return timingSafeEqual(a, b);
}

const ENCRYPTION_FORMAT = "v1";

/**
 * Encrypts secrets at rest (TOTP secrets, private signing keys) with AES-256-GCM. The key is
 * derived from SECRET_KEY with HKDF under a purpose label, and each ciphertext names the key it
 * was made with, so SECRET_KEY can change while older values stay readable through
 * SECRET_KEY_PREVIOUS.
 */
export class SecretBox {
  private readonly current: { id: string; key: Buffer };
  private readonly keys: Map<string, Buffer>;

  constructor(secretKey: string, previousSecretKeys: string[], purpose: string) {
    const all = [secretKey, ...previousSecretKeys].map((secret) => deriveKey(secret, purpose));
    this.current = all[0]!;
    this.keys = new Map(all.map((entry) => [entry.id, entry.key]));
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.current.key, iv);
    const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [
      ENCRYPTION_FORMAT,
      this.current.id,
      iv.toString("base64url"),
      body.toString("base64url"),
      tag.toString("base64url"),
    ].join(".");
  }

  /** Decrypts a value from encrypt(); throws when the key is unknown or the value was altered. */
  decrypt(sealed: string): string {
    const [format, keyId, iv, body, tag] = sealed.split(".");
    if (format !== ENCRYPTION_FORMAT || !keyId || !iv || !body || !tag) {
      throw new TypeError("Encrypted value has an unknown format.");
    }
    const key = this.keys.get(keyId);
    if (!key) throw new TypeError(`Encrypted value uses key ${keyId}, which is not configured.`);

    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([
      decipher.update(Buffer.from(body, "base64url")),
      decipher.final(),
    ]).toString("utf8");
  }

  /** Whether a value was sealed with an older key and should be encrypted again. */
  isStale(sealed: string): boolean {
    return sealed.split(".")[1] !== this.current.id;
  }
}

/**
 * Derives a 256-bit key for one purpose from SECRET_KEY with HKDF, so a key leaked from one use
 * (say, link signatures) reveals nothing about another. The id names the key without exposing it.
 */
export function deriveKey(secret: string, purpose: string): { id: string; key: Buffer } {
  const key = Buffer.from(hkdfSync("sha256", secret, "fitcoach", `fitcoach/${purpose}`, 32));
  const id = createHash("sha256").update(key).digest("hex").slice(0, 8);
  return { id, key };
}
