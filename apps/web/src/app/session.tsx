import { createContext, useCallback, useContext, useEffect, useMemo, useState } from "react";
import type { ReactNode } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { NetworkError } from "@fitcoach/client";

import {
  browserPushEnvironment,
  releaseSubscriptionAtLogout,
} from "../features/reminders/push-subscription";
import { OFFLINE_WRITES_DROPPED_EVENT } from "../pwa/offline-queue-cleanup";
import { useApi } from "./api-context";

/**
 * State of the login: "restoring" while the refresh cookie is tried at start, "offline" when that
 * try could not reach the server (the shell still works and retries once back online).
 */
export type SessionStatus = "restoring" | "signed-in" | "signed-out" | "offline";

interface SessionValue {
  status: SessionStatus;
  /** Whether the server ended the last session (not the user), so the login page can explain. */
  endedBySystem: boolean;
  /** Count of offline changes removed unsent because their account's session ended. */
  droppedOfflineWrites: number;
  dismissDroppedOfflineWrites(): void;
  restore(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider(props: {
  children: ReactNode;
  initialStatus?: SessionStatus;
}): React.JSX.Element {
  const api = useApi();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<SessionStatus>(props.initialStatus ?? "restoring");
  const [endedBySystem, setEndedBySystem] = useState(false);
  const [droppedOfflineWrites, setDroppedOfflineWrites] = useState(0);
  const dismissDroppedOfflineWrites = useCallback(() => setDroppedOfflineWrites(0), []);

  const restore = useCallback(async (): Promise<void> => {
    try {
      setStatus((await api.refreshSession()) ? "signed-in" : "signed-out");
    } catch (error) {
      setStatus(error instanceof NetworkError ? "offline" : "signed-out");
    }
  }, [api]);

  useEffect(() => {
    const stopIn = api.onLoggedIn(() => {
      setEndedBySystem(false);
      setStatus("signed-in");
    });
    const stopOut = api.onLoggedOut((reason) => {
      // Cached data belongs to the account that just left; the next account must not see it.
      queryClient.clear();
      // Nor may its reminders reach this browser. The session may already be gone on the server,
      // so only the browser's subscription is ended here.
      void releaseSubscriptionAtLogout(browserPushEnvironment()).catch((error: unknown) => {
        console.warn("Ending this browser's push subscription at logout failed.", error);
      });
      setEndedBySystem(reason === "session-ended");
      setStatus("signed-out");
    });
    return () => {
      stopIn();
      stopOut();
    };
  }, [api, queryClient]);

  useEffect(() => {
    function onDropped(event: Event): void {
      const count = (event as CustomEvent<{ count: number }>).detail.count;
      setDroppedOfflineWrites((current) => current + count);
    }
    window.addEventListener(OFFLINE_WRITES_DROPPED_EVENT, onDropped);
    return () => window.removeEventListener(OFFLINE_WRITES_DROPPED_EVENT, onDropped);
  }, []);

  useEffect(() => {
    if (status === "restoring") void restore();
    if (status !== "offline") return;
    const retry = (): void => void restore();
    window.addEventListener("online", retry);
    return () => window.removeEventListener("online", retry);
  }, [status, restore]);

  const value = useMemo(
    () => ({
      status,
      endedBySystem,
      droppedOfflineWrites,
      dismissDroppedOfflineWrites,
      restore,
    }),
    [status, endedBySystem, droppedOfflineWrites, dismissDroppedOfflineWrites, restore],
  );
  return <SessionContext.Provider value={value}>{props.children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new TypeError("useSession must be used inside a SessionProvider.");
  return value;
}
