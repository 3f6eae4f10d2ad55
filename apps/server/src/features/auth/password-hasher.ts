import { hash as bcryptHash, verify as bcryptVerify } from "@node-rs/bcrypt";
import { normalizePassword } from "@fitcoach/contract";

import { hmacSha256, randomToken } from "../../platform/crypto";

export interface Pepper {
  id: string;
  key: string;
}

export interface PasswordHash {
  hash: string;
  pepperId: string;
}

/**
 * Hashes passwords as bcrypt(base64(HMAC-SHA-256(pepper, NFKC(password)))).
 *
 * bcrypt reads only the first 72 bytes of its input, so a long password would lose characters;
 * the HMAC turns any password into 44 ASCII bytes first, so every character counts. The pepper is
 * a server secret kept apart from SECRET_KEY: a stolen database alone cannot be attacked offline.
 * Each hash records its pepper id; after a pepper rotation, old hashes still verify with the
 * previous pepper and are rewritten with the current one at the next successful login.
 */
export class PasswordHasher {
  /** Number of full bcrypt comparisons run; tests read it to prove a login path did the work. */
  comparisons = 0;

  private dummyHash: Promise<string> | undefined;
  private readonly peppers: Map<string, string>;

  constructor(
    private readonly cost: number,
    private readonly current: Pepper,
    previous: Pepper[],
  ) {
    this.peppers = new Map([
      ...previous.map((pepper) => [pepper.id, pepper.key] as const),
      [current.id, current.key],
    ]);
  }

  async hash(password: string): Promise<PasswordHash> {
    const hash = await bcryptHash(this.prehash(password, this.current.key), this.cost);
    return { hash, pepperId: this.current.id };
  }

  /** Returns whether the password matches; an unknown pepper id never matches. */
  async verify(password: string, stored: PasswordHash): Promise<boolean> {
    const key = this.peppers.get(stored.pepperId);
    this.comparisons += 1;
    if (!key) {
      await bcryptVerify(this.prehash(password, this.current.key), await this.getDummyHash());
      return false;
    }
    return bcryptVerify(this.prehash(password, key), stored.hash);
  }

  /**
   * Runs a comparison that always fails and costs the same as a real one. Logins for unknown or
   * locked accounts call it so their timing matches a wrong password.
   */
  async verifyDummy(password: string): Promise<false> {
    this.comparisons += 1;
    await bcryptVerify(this.prehash(password, this.current.key), await this.getDummyHash());
    return false;
  }

  /** Whether a stored hash should be rewritten: older pepper or a lower cost than configured. */
  needsRehash(stored: PasswordHash): boolean {
    if (stored.pepperId !== this.current.id) return true;
    const cost = Number(/^\$2[aby]\$(\d{2})\$/.exec(stored.hash)?.[1] ?? 0);
    return cost < this.cost;
  }

  private prehash(password: string, key: string): string {
    return hmacSha256(key, normalizePassword(password)).toString("base64");
  }

  private getDummyHash(): Promise<string> {
    this.dummyHash ??= bcryptHash(randomToken(), this.cost);
    return this.dummyHash;
  }
}
