import { constantTimeEqual, deriveKey, hmacSha256 } from "../../platform/crypto";

/** Mail that an unsubscribe link turns off: one rule's emails, or the weekly summary. */
export type UnsubscribeTopic = { kind: "rule"; ruleId: string } | { kind: "weekly-summary" };

const TOKEN_VERSION = "u1";
const KEY_PURPOSE = "unsubscribe-link";
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Signs and checks one-click unsubscribe tokens: `u1.<user id>.<topic>.<HMAC-SHA256>`, keyed with
 * a key derived from SECRET_KEY. A token carries no expiry, because mail clients may use the
 * header months later. It can only turn mail off, for one user and one topic.
 */
export class UnsubscribeTokens {
  private readonly keys: Buffer[];

  constructor(secretKey: string, previousSecretKeys: string[]) {
    this.keys = [secretKey, ...previousSecretKeys].map(
      (secret) => deriveKey(secret, KEY_PURPOSE).key,
    );
  }

  sign(userId: string, topic: UnsubscribeTopic): string {
    const body = `${TOKEN_VERSION}.${userId}.${topicText(topic)}`;
    return `${body}.${this.signatureOf(this.keys[0]!, body)}`;
  }

  /** Returns the user and topic of a valid token, or null for anything else. */
  verify(token: string): { userId: string; topic: UnsubscribeTopic } | null {
    const parts = token.split(".");
    if (parts.length !== 4 || parts[0] !== TOKEN_VERSION) return null;
    const [, userId, topicPart, signature] = parts as [string, string, string, string];
    const topic = parseTopic(topicPart);
    if (!UUID_PATTERN.test(userId) || !topic) return null;

    const body = `${TOKEN_VERSION}.${userId}.${topicPart}`;
    // Earlier SECRET_KEY values still verify, so links in mails sent before a rotation keep working.
    const isValid = this.keys.some((key) =>
      constantTimeEqual(this.signatureOf(key, body), signature),
    );
    return isValid ? { userId, topic } : null;
  }

  private signatureOf(key: Buffer, body: string): string {
    return hmacSha256(key, body).toString("base64url");
  }
}

function topicText(topic: UnsubscribeTopic): string {
  return topic.kind === "rule" ? `rule-${topic.ruleId}` : "weekly-summary";
}

function parseTopic(text: string): UnsubscribeTopic | null {
  if (text === "weekly-summary") return { kind: "weekly-summary" };
  const ruleId = text.startsWith("rule-") ? text.slice("rule-".length) : "";
  return UUID_PATTERN.test(ruleId) ? { kind: "rule", ruleId } : null;
}

/** Builds the one-click unsubscribe address from FRONTEND_URL, never from a request. */
export function unsubscribeUrlFor(frontendUrl: string, token: string): string {
  return `${frontendUrl}/api/v1/email/unsubscribe?token=${encodeURIComponent(token)}`;
}
