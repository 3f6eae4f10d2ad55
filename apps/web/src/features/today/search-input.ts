import { useEffect, useState } from "react";
import type { KeyboardEvent } from "react";

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

/**
 * Keeps Enter in a search field from submitting the form around it, which would save the meal or
 * workout while the user is still looking for a food or an exercise.
 */
export function preventSubmitOnEnter(event: KeyboardEvent<HTMLInputElement>): void {
  if (event.key === "Enter") event.preventDefault();
}
