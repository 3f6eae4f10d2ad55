/** Makes a fresh Idempotency-Key; keep it with the write so every retry sends the same one. */
export function createIdempotencyKey(): string {
  return crypto.randomUUID();
}
