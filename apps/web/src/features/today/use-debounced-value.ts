import { useEffect, useState } from "react";

/** Delay between the last keystroke and the search request, in milliseconds. */
export const SEARCH_DEBOUNCE_MS = 300;

/** Returns `value` once it has stayed unchanged for `delayMs`. */
export function useDebouncedValue<T>(value: T, delayMs = SEARCH_DEBOUNCE_MS): T {
  const [settled, setSettled] = useState(value);

  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);

  return settled;
}
