import { addNetworkStateListener } from "expo-network";

import type { Connectivity } from "./sync-scheduler";

/**
 * Reports connection changes from expo-network. A reported connection is only a hint: the sync
 * engine finds out whether the server is reachable by sending.
 */
export function createNetworkConnectivity(): Connectivity {
  return {
    subscribe(listener) {
      const subscription = addNetworkStateListener((state) => {
        listener(state.isConnected === true && state.isInternetReachable !== false);
      });
      return () => subscription?.remove();
    },
  };
}
