import { ConcurrencyLimit } from "./concurrency-limit";
import { problem } from "./errors";

/**
 * Images decoded at once per process. A 40-megapixel photo takes about 160 MB once decoded
 * (4 bytes a pixel), so two at a time keep an upload burst within a few hundred megabytes.
 */
export const IMAGE_DECODES_MAX = 2;
/** Uploads that may wait for a decode slot; later ones get 503 instead of piling up in memory. */
export const IMAGE_DECODES_WAITING_MAX = 8;
const RETRY_AFTER_SECONDS = 5;

const decodes = new ConcurrencyLimit(IMAGE_DECODES_MAX, IMAGE_DECODES_WAITING_MAX);

/**
 * Runs image work (sharp metadata, decode, re-encode) in one of the process's decode slots.
 * Throws a 503 problem with Retry-After when every slot is busy and the queue is full.
 */
export async function withImageDecodeSlot<T>(work: () => Promise<T>): Promise<T> {
  const result = await decodes.run(async () => ({ value: await work() }));
  if (result === null) {
    throw problem("service-unavailable", {
      detail: `The server is processing other images; try again in ${RETRY_AFTER_SECONDS} seconds.`,
      headers: { "retry-after": String(RETRY_AFTER_SECONDS) },
    });
  }
  return result.value;
}
