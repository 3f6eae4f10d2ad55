import { randomInt } from "node:crypto";
import { Secret, TOTP } from "otpauth";

import { hashToken } from "../../platform/crypto";

const PERIOD_SECONDS = 30;
const DIGITS = 6;
const ISSUER = "FitCoach";

/** New TOTP secret (160 bits, the size RFC 4226 recommends), as base32. */
export function generateTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secretBase32: string, accountEmail: string): string {
  return totp(secretBase32, accountEmail).toString();
}

/**
 * Returns the time step a code belongs to, or null when the code matches none of the previous,
 * current and next steps (one step of tolerance for clock drift either way).
 */
export function matchTotpStep(secretBase32: string, code: string, now: Date): number | null {
  const delta = totp(secretBase32, "").validate({
    token: code,
    timestamp: now.getTime(),
    window: 1,
  });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
}

/** Returns the code for a time. Only tests call it; the request path never generates codes. */
export function totpCodeAt(secretBase32: string, time: Date): string {
  return totp(secretBase32, "").generate({ timestamp: time.getTime() });
}

function totp(secretBase32: string, label: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: "SHA1",
    digits: DIGITS,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

// Crockford-style alphabet without look-alike characters (no 0/o, 1/l/i).
const RECOVERY_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
const RECOVERY_GROUPS = 4;
const RECOVERY_GROUP_LENGTH = 4;

/**
 * New recovery code such as "k7dm-3qzr-x9fa-p2hc": 16 characters of a 31-letter alphabet, about
 * 79 bits, so a plain SHA-256 digest is safe to store.
 */
export function generateRecoveryCode(): string {
  const groups: string[] = [];
  for (let group = 0; group < RECOVERY_GROUPS; group += 1) {
    let text = "";
    for (let index = 0; index < RECOVERY_GROUP_LENGTH; index += 1) {
      text += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
    }
    groups.push(text);
  }
  return groups.join("-");
}

/** Digest of a recovery code as typed: case, spaces and dashes do not matter. */
export function hashRecoveryCode(code: string): string {
  return hashToken(code.toLowerCase().replace(/[\s-]/g, ""));
}
