import { sql } from "drizzle-orm";

import type { Executor } from "../../platform/database";
import { rowsOf } from "../../platform/database";

/** Most words of a query that take part in the search; the rest are ignored. */
const QUERY_WORDS_MAX = 8;
/** With fewer word matches than this, trigram matches are added so typos still find foods. */
const FUZZY_BELOW_MATCHES = 5;
/** Minimum pg_trgm word similarity (0 to 1) for a typo match; "bananna" to "Bananas" is 0.56. */
const FUZZY_THRESHOLD = 0.5;
/** Search results a client can page through; a longer list needs a more specific query. */
export const SEARCH_RESULTS_MAX = 1000;

export interface RankedFoodId {
  id: string;
}

/**
 * Splits a query into lower-case words of letters and digits. Everything else (punctuation,
 * tsquery operators) is dropped, so the words can be joined into a tsquery safely.
 */
export function queryWords(query: string): string[] {
  return (query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, QUERY_WORDS_MAX);
}

/**
 * Returns the ids of the foods visible to a user (the catalog and their own custom foods) that
 * match a query, best first. Candidates are foods whose name contains every word as a prefix
 * after English stemming ("banan" finds "Bananas"); when fewer than five foods match that way,
 * foods whose name is similar by trigrams join them ("bananna" finds "Bananas").
 *
 * The rank favours, in order of weight: matching every word, a name whose leading term (the text
 * before the first comma, which in USDA names is the food itself, as in "Bananas, raw") is similar
 * to the query, a name that starts with the query, the user's own foods, raw forms and short
 * names. Only cheap features are computed for every candidate, so broad one-letter queries stay
 * fast.
 */
export async function searchFoodIds(
  executor: Executor,
  userId: string,
  query: string,
  page: { offset: number; limit: number },
): Promise<RankedFoodId[]> {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const text = words.join(" ");
  const prefixQuery = words.map((word) => `${word}:*`).join(" & ");

  const result = await executor.execute(sql`
    with exact as materialized (
      select id from foods
      where (user_id is null or user_id = ${userId})
        and search_vector @@ to_tsquery('english', ${prefixQuery})
    ),
    fuzzy as materialized (
      select id from foods
      where (user_id is null or user_id = ${userId})
        and ${text}::text <% name
        and (select count(*) from exact) < ${FUZZY_BELOW_MATCHES}
    ),
    candidates as (
      select id, true as is_exact from exact
      union all
      select id, false from fuzzy where id not in (select id from exact)
    )
    select f.id
    from candidates c join foods f on f.id = c.id
    order by
      c.is_exact::int
        + case when c.is_exact then 0 else word_similarity(${text}::text, f.name) end
        + 1.5 * similarity(${text}::text, split_part(f.name, ',', 1))
        + 0.5 * (lower(f.name) like ${`${text}%`})::int
        + 0.3 * (f.user_id is not null)::int
        + 0.03 * (f.name ~* '\\mraw\\M')::int
        - 0.004 * length(f.name) desc,
      length(f.name),
      f.id
    limit ${page.limit} offset ${page.offset}
  `);
  return rowsOf<RankedFoodId>(result);
}

/**
 * Sets the planner and pg_trgm options for the search, for the current transaction only. The
 * planner prices the trigram operator like a cheap comparison and so scans all 8,789 foods
 * (about 60 ms) instead of using the trigram index (about 1 ms); turning sequential scans off
 * makes it use the indexes.
 */
export async function prepareSearchTransaction(executor: Executor): Promise<void> {
  await executor.execute(sql`
    select set_config('pg_trgm.word_similarity_threshold', ${String(FUZZY_THRESHOLD)}, true),
      set_config('enable_seqscan', 'off', true)
  `);
}
