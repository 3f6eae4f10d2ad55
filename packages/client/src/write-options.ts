import { createIdempotencyKey } from "./idempotency";

/** Options of a write call. */
export interface WriteOptions {
  /**
   * Idempotency-Key of the write. Pass the same key when retrying one user action, so the server
   * applies it once; a fresh key is made when it is left out.
   */
  idempotencyKey?: string;
}

export function idempotencyKeyOf(options: WriteOptions | undefined): string {
  return options?.idempotencyKey ?? createIdempotencyKey();
}
