import { useCallback, useEffect, useState } from "react";

export interface OnlineQuery<T> {
  data: T | null;
  error: unknown;
  isLoading: boolean;
  reload(): Promise<void>;
}

/**
 * Loads data that only the server has and that is not kept offline, such as the session list.
 * A failure (offline, say) leaves the error for the screen to show.
 */
export function useOnlineQuery<T>(load: () => Promise<T>): OnlineQuery<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isLoading, setLoading] = useState(true);

  const reload = useCallback(async (): Promise<void> => {
    setLoading(true);
    try {
      setData(await load());
      setError(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setLoading(false);
    }
  }, [load]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, error, isLoading, reload };
}
