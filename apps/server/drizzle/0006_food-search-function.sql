-- Food search, ranked, for one user: catalog foods and the user's custom foods.
--
-- Candidates are the foods whose name contains every query word as a prefix after English
-- stemming (prefix_query such as 'banan:*'). When fewer than five foods match that way, foods
-- whose name contains a word similar to the query by trigrams (pg_trgm word_similarity of at
-- least 0.5, so "bananna" finds "Bananas") join them.
--
-- A query of one or two characters matches the foods whose search_head starts with it instead,
-- ranked by static_rank alone. A prefix that short would otherwise match half the catalog
-- through some word of the name.
--
-- Rank, highest first: 1 for a word match (a trigram match gets its similarity instead),
-- + 1.5 x trigram similarity of the query to search_head (the name before its first comma, which
-- in USDA names is the food itself), + 0.5 when search_head starts with the query, + 0.3 for the
-- user's own foods, + static_rank (raw forms up, long names down). Ties go to the shorter name.
--
-- The function runs with sequential scans off: the planner prices the trigram operator like a
-- cheap comparison and would otherwise scan all foods (about 60 ms) instead of using the trigram
-- index (about 1 ms). As a PL/pgSQL function its plan is also cached per connection.
CREATE OR REPLACE FUNCTION search_food_ids(
  owner_id uuid,
  prefix_query text,
  query_text text,
  page_limit integer,
  page_offset integer
) RETURNS TABLE (food_id text, score double precision, name_length integer)
LANGUAGE plpgsql STABLE
-- A page has at most 101 rows; the default estimate of 1,000 makes callers hash-join all foods.
ROWS 50
SET enable_seqscan = off
SET pg_trgm.word_similarity_threshold = 0.5
AS $$
BEGIN
  IF length(query_text) < 3 THEN
    RETURN QUERY
    SELECT f.id,
      1.0 + 0.3 * (f.user_id IS NOT NULL)::integer + f.static_rank,
      length(f.name)
    FROM foods f
    WHERE (f.user_id IS NULL OR f.user_id = owner_id)
      AND f.search_head LIKE query_text || '%'
    ORDER BY 2 DESC, 3, 1
    LIMIT page_limit OFFSET page_offset;
    RETURN;
  END IF;

  RETURN QUERY
  WITH exact AS MATERIALIZED (
    SELECT f.id, f.user_id, f.name, f.search_head, f.static_rank
    FROM foods f
    WHERE (f.user_id IS NULL OR f.user_id = owner_id)
      AND f.search_vector @@ to_tsquery('english', prefix_query)
  ),
  fuzzy AS MATERIALIZED (
    SELECT f.id, f.user_id, f.name, f.search_head, f.static_rank,
      word_similarity(query_text, f.name) AS closeness
    FROM foods f
    WHERE (SELECT count(*) FROM exact) < 5
      AND (f.user_id IS NULL OR f.user_id = owner_id)
      AND query_text <% f.name
      AND f.id NOT IN (SELECT e.id FROM exact e)
  ),
  candidates AS (
    SELECT e.id, e.user_id, e.name, e.search_head, e.static_rank, 1.0::double precision AS base
    FROM exact e
    UNION ALL
    SELECT z.id, z.user_id, z.name, z.search_head, z.static_rank, z.closeness::double precision
    FROM fuzzy z
  ),
  ranked AS (
    SELECT c.id, c.name,
      c.base
        + 1.5 * similarity(query_text, c.search_head)
        + 0.5 * (c.search_head LIKE query_text || '%')::integer
        + 0.3 * (c.user_id IS NOT NULL)::integer
        + c.static_rank AS rank
    FROM candidates c
  )
  SELECT r.id, r.rank, length(r.name)
  FROM ranked r
  ORDER BY r.rank DESC, length(r.name), r.id
  LIMIT page_limit OFFSET page_offset;
END;
$$;
--> statement-breakpoint
-- One page of search results with the foods' columns and portions, best first. PL/pgSQL caches
-- this plan per connection, which saves planning the join on every request.
CREATE OR REPLACE FUNCTION search_foods(
  owner_id uuid,
  prefix_query text,
  query_text text,
  page_limit integer,
  page_offset integer
) RETURNS TABLE (
  id text,
  name text,
  food_group text,
  source text,
  kcal numeric,
  protein numeric,
  carbs numeric,
  fat numeric,
  fiber numeric,
  sugar numeric,
  sodium_mg numeric,
  saturated_fat numeric,
  portions json
)
LANGUAGE plpgsql STABLE
ROWS 50
AS $$
BEGIN
  RETURN QUERY
  SELECT f.id, f.name, f.food_group, f.source, f.kcal, f.protein, f.carbs, f.fat, f.fiber,
    f.sugar, f.sodium_mg, f.saturated_fat,
    coalesce(
      (SELECT json_agg(json_build_object('id', p.id, 'amount', p.amount, 'unit', p.unit,
          'grams', p.grams) ORDER BY p.position)
        FROM food_portions p WHERE p.food_id = f.id),
      '[]'::json
    )
  FROM search_food_ids(owner_id, prefix_query, query_text, page_limit, page_offset) s
  JOIN foods f ON f.id = s.food_id
  ORDER BY s.score DESC, s.name_length, s.food_id;
END;
$$;
