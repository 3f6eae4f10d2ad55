// Tests run in Node, where expo-network's native module does not exist. This stand-in reports the
// connection the test sets, so a test can put the "phone" in airplane mode and back.

export interface NetworkState {
  isConnected?: boolean;
  isInternetReachable?: boolean;
}

const listeners = new Set<(state: NetworkState) => void>();
let current: NetworkState = { isConnected: true, isInternetReachable: true };

/** Changes the reported connection and tells every listener, as the system does. */
export function setNetworkState(state: NetworkState): void {
  current = state;
  for (const listener of listeners) listener(state);
}

export async function getNetworkStateAsync(): Promise<NetworkState> {
  return current;
}

export function addNetworkStateListener(listener: (state: NetworkState) => void): {
  remove(): void;
} {
  listeners.add(listener);
  return { remove: () => listeners.delete(listener) };
}
