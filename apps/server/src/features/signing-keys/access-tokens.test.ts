import { generateKeyPair, SignJWT } from "jose";
import type { CryptoKey } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestApp } from "../../../test/helpers/app";
import type { TestApp } from "../../../test/helpers/app";
import { bearer, registerAndLogin } from "../../../test/helpers/auth";
import type { RegisteredUser } from "../../../test/helpers/auth";
import type { ManualClock } from "../../platform/clock";
import { SecretBox } from "../../platform/crypto";
import { createServices } from "../../services";
import { createSigningKeysService } from "./signing-keys.service";

function decodePart(part: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Record<string, unknown>;
}

function encodePart(value: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

describe("access tokens", () => {
  let subject: TestApp;
  let clock: ManualClock;
  let user: RegisteredUser;

  beforeAll(async () => {
    subject = await createTestApp();
    clock = subject.clock as ManualClock;
    user = await registerAndLogin(subject.app, subject.logs, () => subject.deps.jobs.drain());
  });
  afterAll(async () => {
    await subject.close();
  });

  function me(token: string) {
    return subject.app.inject({ method: "GET", url: "/api/v1/me", headers: bearer(token) });
  }

  it("carries the expected header and claims", () => {
    const [header, payload] = user.accessToken.split(".");

    expect(decodePart(header!)).toMatchObject({ alg: "EdDSA", typ: "at+jwt" });
    expect(typeof decodePart(header!).kid).toBe("string");
    expect(Object.keys(decodePart(payload!)).sort()).toEqual([
      "aud",
      "exp",
      "iat",
      "iss",
      "jti",
      "nbf",
      "sid",
      "sub",
    ]);
  });

  it("rejects every forged or mistyped token", async () => {
    const [header, payload, signature] = user.accessToken.split(".") as [string, string, string];
    const headerJson = decodePart(header);
    const payloadJson = decodePart(payload);
    const { privateKey: strangerKey } = await generateKeyPair("EdDSA", { crv: "Ed25519" });
    const hmacSecret = new TextEncoder().encode("a".repeat(32));

    async function signed(
      overrides: { header?: Record<string, unknown>; claims?: Record<string, unknown> },
      key: CryptoKey | Uint8Array = strangerKey as CryptoKey,
    ): Promise<string> {
      const claims = { ...payloadJson, ...overrides.claims };
      return new SignJWT(claims)
        .setProtectedHeader({ ...(headerJson as { alg: string }), ...overrides.header })
        .sign(key);
    }

    const cases: Record<string, string> = {
      "alg none": `${encodePart({ ...headerJson, alg: "none" })}.${payload}.`,
      "algorithm switched to HS256": await signed({ header: { alg: "HS256" } }, hmacSecret),
      "wrong key": await signed({}),
      "unknown kid": `${encodePart({ ...headerJson, kid: "../../etc/passwd" })}.${payload}.${signature}`,
      "tampered payload": `${header}.${encodePart({ ...payloadJson, sub: "00000000-0000-0000-0000-000000000000" })}.${signature}`,
      "wrong typ": `${encodePart({ ...headerJson, typ: "JWT" })}.${payload}.${signature}`,
      "no signature": `${header}.${payload}.`,
      "not a jwt": "not-a-token-at-all-but-long-enough",
    };
    for (const [name, token] of Object.entries(cases)) {
      const response = await me(token);

      expect(response.statusCode, name).toBe(401);
      expect(response.json().type, name).toBe("/problems/authentication-required");
    }
  });

  it("rejects tokens signed by the server with bad claims", async () => {
    const services = createServices(subject.deps);
    const keys = services.signingKeys;
    const good = await keys.signAccessToken({
      userId: payloadOf(user.accessToken).sub as string,
      sessionId: payloadOf(user.accessToken).sid as string,
    });
    expect((await me(good.token)).statusCode).toBe(200);

    const issuedAt = clock.now();
    clock.advance(15 * 60_000 + 31_000);
    expect((await me(good.token)).statusCode, "expired").toBe(401);
    clock.set(issuedAt);

    clock.advance(-120_000);
    const early = await keys.signAccessToken({
      userId: payloadOf(user.accessToken).sub as string,
      sessionId: payloadOf(user.accessToken).sid as string,
    });
    clock.set(issuedAt);
    expect((await me(early.token)).statusCode, "issued in the past is fine").toBe(200);
    clock.advance(120_000);
    const future = await keys.signAccessToken({
      userId: payloadOf(user.accessToken).sub as string,
      sessionId: payloadOf(user.accessToken).sid as string,
    });
    clock.set(issuedAt);
    expect((await me(future.token)).statusCode, "not yet valid").toBe(401);
  });

  it("rejects a wrong issuer or audience", async () => {
    const { config } = subject.deps;
    const claims = {
      userId: payloadOf(user.accessToken).sub as string,
      sessionId: payloadOf(user.accessToken).sid as string,
    };
    function signerFor(issuer: string, audience: string) {
      return createSigningKeysService({
        db: subject.deps.database.db,
        clock,
        logger: subject.deps.logger,
        secretBox: new SecretBox(config.secretKey, [], "signing-key"),
        issuer,
        audience,
        accessTokenTtlSeconds: 900,
        rotationDays: 30,
      });
    }

    const wrongIssuer = await signerFor(
      "https://evil.example",
      config.auth.audience,
    ).signAccessToken(claims);
    const wrongAudience = await signerFor(config.auth.issuer, "another-api").signAccessToken(
      claims,
    );
    const control = await signerFor(config.auth.issuer, config.auth.audience).signAccessToken(
      claims,
    );

    expect((await me(wrongIssuer.token)).statusCode).toBe(401);
    expect((await me(wrongAudience.token)).statusCode).toBe(401);
    expect((await me(control.token)).statusCode).toBe(200);
  });

  it("does not accept other tokens as access tokens", async () => {
    for (const token of [user.refreshToken, user.deviceToken]) {
      const response = await me(token);

      expect(response.statusCode).toBe(401);
    }
  });

  it("keeps old tokens valid after a key rotation", async () => {
    const before = user.accessToken;

    await subject.app.services.signingKeys.rotate();
    const refreshed = await subject.app.inject({
      method: "POST",
      url: "/api/v1/auth/refresh",
      headers: { "x-client-type": "native" },
      payload: { refreshToken: user.refreshToken },
    });
    user.refreshToken = refreshed.json().refreshToken;

    expect((await me(before)).statusCode).toBe(200);
    expect(decodePart(refreshed.json().accessToken.split(".")[0]).kid).not.toBe(
      decodePart(before.split(".")[0]!).kid,
    );
    expect((await me(refreshed.json().accessToken)).statusCode).toBe(200);
  });

  it("stops verifying a retired key once its tokens expired", async () => {
    const oldToken = (
      await subject.app.inject({
        method: "POST",
        url: "/api/v1/auth/refresh",
        headers: { "x-client-type": "native" },
        payload: { refreshToken: user.refreshToken },
      })
    ).json();
    user.refreshToken = oldToken.refreshToken;

    await subject.app.services.signingKeys.rotate();
    clock.advance(16 * 60_000);

    expect((await me(oldToken.accessToken)).statusCode).toBe(401);
  });
});

function payloadOf(token: string): Record<string, unknown> {
  return decodePart(token.split(".")[1]!);
}
