import { useState } from "react";
import { useQuery } from "@tanstack/react-query";

import { useDebouncedValue } from "./search-input";

/** Shortest query sent to the server; one letter matches too much of a catalog to be useful. */
const QUERY_MIN_LENGTH = 2;

export interface DebouncedSearch<Item> {
  /** The text in the search field, as typed. */
  query: string;
  setQuery(query: string): void;
  /** The matches of the settled query; undefined while it is too short or not loaded yet. */
  items: Item[] | undefined;
  isFetching: boolean;
  error: unknown;
}

/**
 * Searches a catalog as the user types. The request waits until the query has settled and is at
 * least two characters long, and results stay cached for five minutes.
 */
export function useDebouncedSearch<Item>(
  catalog: string,
  find: (query: string, signal: AbortSignal) => Promise<{ items: Item[] }>,
): DebouncedSearch<Item> {
  const [query, setQuery] = useState("");
  const search = useDebouncedValue(query.trim());
  const isLongEnough = search.length >= QUERY_MIN_LENGTH;

  const results = useQuery({
    queryKey: [catalog, search],
    queryFn: ({ signal }) => find(search, signal),
    enabled: isLongEnough,
    staleTime: 5 * 60_000,
  });

  return {
    query,
    setQuery,
    items: isLongEnough ? results.data?.items : undefined,
    isFetching: results.isFetching,
    error: results.error,
  };
}
