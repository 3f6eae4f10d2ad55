/** Raised when a provider call passes its deadline. */
export class ProviderTimeoutError extends Error {
  override readonly name = "ProviderTimeoutError";
}

/** An abort signal that fires at a deadline or when the client goes away, whichever comes first. */
export interface Deadline {
  signal: AbortSignal;
  timedOut(): boolean;
  dispose(): void;
}

export function startDeadline(timeoutMs: number, clientSignal?: AbortSignal): Deadline {
  const controller = new AbortController();
  let isTimedOut = false;
  const timer = setTimeout(() => {
    isTimedOut = true;
    controller.abort(new ProviderTimeoutError(`timed out after ${timeoutMs} ms`));
  }, timeoutMs);
  const signal = clientSignal
    ? AbortSignal.any([controller.signal, clientSignal])
    : controller.signal;
  return {
    signal,
    timedOut: () => isTimedOut,
    dispose: () => clearTimeout(timer),
  };
}

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error("aborted");
}

/**
 * Settles with the promise or rejects when the signal aborts. The SDKs honour their signal, but
 * this keeps a misbehaving one from holding a request open past the deadline.
 */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortError(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortError(signal));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

/** Iterates a stream but stops with an error as soon as the signal aborts, even between chunks. */
export async function* abortableIterable<T>(
  iterable: AsyncIterable<T>,
  signal: AbortSignal,
): AsyncGenerator<T> {
  const iterator = iterable[Symbol.asyncIterator]();
  try {
    while (true) {
      const next = await abortable(iterator.next(), signal);
      if (next.done) return;
      yield next.value;
    }
  } finally {
    // Ends the provider's stream (and its HTTP request) when the caller stops early.
    void iterator.return?.(undefined)?.catch(() => undefined);
  }
}
