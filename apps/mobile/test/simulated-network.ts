/** One request that reached the server through the simulated network, with the server's answer. */
export interface Exchange {
  method: string;
  path: string;
  idempotencyKey: string | null;
  status: number;
  /** Whether the server answered from its idempotency store instead of running the request. */
  isReplay: boolean;
}

export interface SimulatedNetwork {
  fetch: typeof fetch;
  exchanges: Exchange[];
  /** Airplane mode: every request fails as React Native's fetch fails with no connection. */
  setOffline(isOffline: boolean): void;
  /**
   * Lets the next `count` writes through, then lets one more reach the server and never hands its
   * answer to the app: the app is killed after the server applied the write. Resolves then.
   */
  killAfterWrites(count: number): Promise<void>;
}

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Creates a fetch that talks to the real server but can drop the connection like a phone. */
export function createSimulatedNetwork(): SimulatedNetwork {
  const exchanges: Exchange[] = [];
  let isOffline = false;
  let kill: { remainingWrites: number; onKilled: () => void } | null = null;

  async function simulatedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    if (isOffline) throw new TypeError("Network request failed");

    const request = new Request(input, init);
    const response = await fetch(request);
    const url = new URL(request.url);
    exchanges.push({
      method: request.method,
      path: url.pathname + url.search,
      idempotencyKey: request.headers.get("idempotency-key"),
      status: response.status,
      isReplay: response.headers.get("idempotent-replayed") === "true",
    });

    if (kill && WRITE_METHODS.has(request.method)) {
      if (kill.remainingWrites === 0) {
        const { onKilled } = kill;
        kill = null;
        onKilled();
        return new Promise<Response>(() => undefined);
      }
      kill.remainingWrites -= 1;
    }
    return response;
  }

  return {
    fetch: simulatedFetch as typeof fetch,
    exchanges,
    setOffline(value) {
      isOffline = value;
    },
    killAfterWrites(count) {
      return new Promise((resolve) => {
        kill = { remainingWrites: count, onKilled: resolve };
      });
    },
  };
}
