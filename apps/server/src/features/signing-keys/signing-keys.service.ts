import { randomUUID } from "node:crypto";
import { and, gt, isNull, or, sql } from "drizzle-orm";
import { exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT } from "jose";
import type { CryptoKey, JWK, JWTHeaderParameters, KeyObject } from "jose";
import type { Logger } from "pino";

import type { Clock } from "../../platform/clock";
import type { SecretBox } from "../../platform/crypto";
import type { Database, Executor } from "../../platform/database";
import { signingKeys } from "./signing-keys.tables";

const ALGORITHM = "EdDSA";
export const ACCESS_TOKEN_TYPE = "at+jwt";
const CLOCK_LEEWAY_SECONDS = 30;
const KEY_CACHE_SECONDS = 60;
const UNKNOWN_KID_RELOAD_SECONDS = 5;
const ROTATION_LOCK_ID = 4_711_2028;

/** Claims of a valid access token. */
export interface AccessTokenClaims {
  userId: string;
  sessionId: string;
  tokenId: string;
  expiresAt: Date;
}

export interface SigningKeysService {
  signAccessToken(input: {
    userId: string;
    sessionId: string;
  }): Promise<{ token: string; expiresInSeconds: number }>;
  /** Returns the claims of a valid access token, or null for anything else. */
  verifyAccessToken(token: string): Promise<AccessTokenClaims | null>;
  /** Makes a new key the signing key; older keys keep verifying until their tokens expire. */
  rotate(): Promise<{ kid: string; retired: string[] }>;
  /** Rotates when there is no signing key or the current one is older than the rotation period. */
  rotateIfDue(): Promise<boolean>;
}

interface LoadedKey {
  kid: string;
  algorithm: string;
  publicKey: CryptoKey | KeyObject | Uint8Array;
  privateJwkEncrypted: string;
  createdAt: Date;
  retiredAt: Date | null;
  verifyUntil: Date | null;
}

export function createSigningKeysService(deps: {
  db: Database;
  clock: Clock;
  logger: Logger;
  secretBox: SecretBox;
  issuer: string;
  audience: string;
  accessTokenTtlSeconds: number;
  rotationDays: number;
}): SigningKeysService {
  const log = deps.logger.child({ component: "signing-keys" });
  let cache: { keys: Map<string, LoadedKey>; loadedAt: number } | undefined;
  let lastUnknownKidReload = 0;
  let signingKey: { kid: string; key: CryptoKey | KeyObject | Uint8Array } | undefined;

  async function loadKeys(): Promise<Map<string, LoadedKey>> {
    const now = deps.clock.now();
    const rows = await deps.db
      .select()
      .from(signingKeys)
      .where(or(isNull(signingKeys.verifyUntil), gt(signingKeys.verifyUntil, now)));
    const keys = new Map<string, LoadedKey>();
    for (const row of rows) {
      keys.set(row.kid, {
        kid: row.kid,
        algorithm: row.algorithm,
        publicKey: await importJWK(row.publicJwk as JWK, row.algorithm),
        privateJwkEncrypted: row.privateJwkEncrypted,
        createdAt: row.createdAt,
        retiredAt: row.retiredAt,
        verifyUntil: row.verifyUntil,
      });
    }
    cache = { keys, loadedAt: Date.now() };
    signingKey = undefined;
    return keys;
  }

  async function currentKeys(): Promise<Map<string, LoadedKey>> {
    if (!cache || Date.now() - cache.loadedAt > KEY_CACHE_SECONDS * 1000) return loadKeys();
    return cache.keys;
  }

  async function activeSigningKey(): Promise<{
    kid: string;
    key: CryptoKey | KeyObject | Uint8Array;
  }> {
    const keys = await currentKeys();
    if (signingKey && keys.has(signingKey.kid)) return signingKey;

    let active = newestActive(keys);
    if (!active) {
      await rotateIfDue();
      active = newestActive(await loadKeys());
    }
    if (!active) throw new Error("no signing key is available after rotation");
    const privateJwk = JSON.parse(deps.secretBox.decrypt(active.privateJwkEncrypted)) as JWK;
    signingKey = { kid: active.kid, key: await importJWK(privateJwk, active.algorithm) };
    return signingKey;
  }

  // Retires the signing key and inserts a new one; the caller holds the rotation lock.
  async function replaceActiveKey(
    tx: Executor,
    now: Date,
  ): Promise<{ kid: string; retired: string[] }> {
    await assertKeysReadable(tx);
    const { publicKey, privateKey } = await generateKeyPair(ALGORITHM, {
      crv: "Ed25519",
      extractable: true,
    });
    const kid = `${now.toISOString().slice(0, 10)}-${randomUUID().slice(0, 8)}`;
    const verifyUntil = new Date(
      now.getTime() + (deps.accessTokenTtlSeconds + CLOCK_LEEWAY_SECONDS) * 1000,
    );

    const previous = await tx
      .update(signingKeys)
      .set({ retiredAt: now, verifyUntil })
      .where(isNull(signingKeys.retiredAt))
      .returning({ kid: signingKeys.kid });
    await tx.insert(signingKeys).values({
      kid,
      algorithm: ALGORITHM,
      publicJwk: (await exportJWK(publicKey)) as Record<string, string>,
      privateJwkEncrypted: deps.secretBox.encrypt(JSON.stringify(await exportJWK(privateKey))),
      createdAt: now,
    });
    return { kid, retired: previous.map((row) => row.kid) };
  }

  // A key sealed with another SECRET_KEY cannot be read back; rotating from a shell with different
  // secrets would leave a signing key the servers cannot use, so every login would fail.
  async function assertKeysReadable(tx: Executor): Promise<void> {
    const active = await tx
      .select({ kid: signingKeys.kid, sealed: signingKeys.privateJwkEncrypted })
      .from(signingKeys)
      .where(isNull(signingKeys.retiredAt));
    for (const key of active) {
      try {
        deps.secretBox.decrypt(key.sealed);
      } catch {
        throw new Error(
          `Signing key ${key.kid} cannot be decrypted with this SECRET_KEY. Run the command with the same SECRET_KEY (and SECRET_KEY_PREVIOUS) as the server.`,
        );
      }
    }
  }

  async function rotate(): Promise<{ kid: string; retired: string[] }> {
    const now = deps.clock.now();
    const result = await deps.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${ROTATION_LOCK_ID})`);
      return replaceActiveKey(tx, now);
    });
    log.info(result, "signing key rotated");
    await loadKeys();
    return result;
  }

  async function rotateIfDue(): Promise<boolean> {
    const now = deps.clock.now();
    const dueBefore = new Date(now.getTime() - deps.rotationDays * 86_400_000);
    // Several instances may check at once; the transaction-level lock lets one of them rotate.
    const result = await deps.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${ROTATION_LOCK_ID})`);
      const fresh = await tx
        .select({ kid: signingKeys.kid })
        .from(signingKeys)
        .where(and(isNull(signingKeys.retiredAt), gt(signingKeys.createdAt, dueBefore)))
        .limit(1);
      if (fresh.length > 0) return null;
      return replaceActiveKey(tx, now);
    });
    if (!result) return false;

    log.info(result, "signing key rotated on schedule");
    await loadKeys();
    return true;
  }

  async function keyForHeader(
    header: JWTHeaderParameters,
  ): Promise<CryptoKey | KeyObject | Uint8Array> {
    if (typeof header.kid !== "string") throw new Error("token has no kid");
    let keys = await currentKeys();
    let key = keys.get(header.kid);
    if (!key && Date.now() - lastUnknownKidReload > UNKNOWN_KID_RELOAD_SECONDS * 1000) {
      // Another instance may have rotated; reload once, but not for every forged kid.
      lastUnknownKidReload = Date.now();
      keys = await loadKeys();
      key = keys.get(header.kid);
    }
    if (!key) throw new Error("unknown kid");
    if (header.alg !== key.algorithm) throw new Error("algorithm does not match the key");
    if (key.verifyUntil && key.verifyUntil <= deps.clock.now())
      throw new Error("key no longer verifies");
    return key.publicKey;
  }

  return {
    async signAccessToken({ userId, sessionId }) {
      const key = await activeSigningKey();
      const now = Math.floor(deps.clock.now().getTime() / 1000);
      const token = await new SignJWT({ sid: sessionId })
        .setProtectedHeader({ alg: ALGORITHM, kid: key.kid, typ: ACCESS_TOKEN_TYPE })
        .setIssuer(deps.issuer)
        .setAudience(deps.audience)
        .setSubject(userId)
        .setIssuedAt(now)
        .setNotBefore(now)
        .setExpirationTime(now + deps.accessTokenTtlSeconds)
        .setJti(randomUUID())
        .sign(key.key);
      return { token, expiresInSeconds: deps.accessTokenTtlSeconds };
    },

    async verifyAccessToken(token) {
      try {
        const { payload } = await jwtVerify(token, keyForHeader, {
          algorithms: [ALGORITHM],
          issuer: deps.issuer,
          audience: deps.audience,
          typ: ACCESS_TOKEN_TYPE,
          clockTolerance: CLOCK_LEEWAY_SECONDS,
          currentDate: deps.clock.now(),
          requiredClaims: ["sub", "sid", "iat", "nbf", "exp", "jti"],
        });
        if (
          typeof payload.sid !== "string" ||
          typeof payload.sub !== "string" ||
          typeof payload.jti !== "string"
        ) {
          return null;
        }
        return {
          userId: payload.sub,
          sessionId: payload.sid,
          tokenId: payload.jti,
          expiresAt: new Date(payload.exp! * 1000),
        };
      } catch {
        return null;
      }
    },

    rotate,
    rotateIfDue,
  };
}

function newestActive(keys: Map<string, LoadedKey>): LoadedKey | undefined {
  return [...keys.values()]
    .filter((key) => key.retiredAt === null)
    .sort((left, right) => right.createdAt.getTime() - left.createdAt.getTime())[0];
}
