-- Hand-written (Prisma models neither text search nor expression indexes).
--
-- A prefix search ('cafe':*) made GIN visit every key of the reader that
-- starts with the prefix (cafe, cafes, cafeteria, …) and gather all their
-- rows into a bitmap before it could intersect one term with another: the
-- notebook's dearest search, `cafe حاشية`, cost PostgreSQL 2.2 ms in the
-- index where the same words matched whole cost 0.7. Now the index also
-- holds each word's beginnings of 3 to 6 characters as keys of their own
-- (the reader's id, '>', the beginning: "…>caf", "…>cafe"), so a prefix of
-- that length is one exact key whose rows GIN intersects as it does whole
-- words (0.5 ms for that search; the whole page statement 3.3 → 1.7 ms).
-- Shorter and longer prefixes are matched against the words as before. A
-- '>' never starts a word key (words hold letters, digits and marks), so the
-- two kinds of keys never match each other's prefixes.
--
-- The index is 2.8 times larger, and writing an annotation costs about
-- 0.15–0.25 ms more (10,000 inserts: 1.0 → 2.2–3.5 s; BENCHMARKS.md,
-- Notebook, session 10).
DROP INDEX "annotations_owned_search_idx";

-- Both functions are single expressions, so PostgreSQL inlines them (a FROM
-- clause in the body made computing an annotation's keys 2.7 times as slow).
CREATE OR REPLACE FUNCTION "gloss_owned_search_vector"(owner UUID, vector tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT array_to_tsvector(ARRAY(
        SELECT replace(owner::text, '-', '') || lexeme FROM unnest(tsvector_to_array(vector)) AS lexeme
        UNION ALL
        SELECT replace(owner::text, '-', '') || '>' || left(lexeme, length)
          FROM unnest(tsvector_to_array(vector)) AS lexeme, (VALUES (3), (4), (5), (6)) AS lengths (length)
         WHERE char_length(lexeme) >= length))
$$;

-- `query` (from to_tsquery('gloss_search', …)) with each of its quoted words
-- written after the reader's id, and each prefix term of 3 to 6 characters
-- (without weights) turned into the exact key of that beginning.
CREATE OR REPLACE FUNCTION "gloss_owned_search_query"(owner UUID, query tsquery) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT regexp_replace(
             regexp_replace(query::text, '''((?:[^'']|'''')*)''', '''' || replace(owner::text, '-', '') || '\1''', 'g'),
             '''(' || replace(owner::text, '-', '') || ')([^''\\]{3,6})'':\*(?![A-Da-d])', '''\1>\2''', 'g')::tsquery
$$;

CREATE INDEX "annotations_owned_search_idx" ON "annotations" USING GIN ("gloss_owned_search_vector"("author_id", "search_vector"))
  WITH (gin_pending_list_limit = 256);

-- The notebook reads the index's statistics to choose where a search looks
-- first (lib/notebook/search-statistics.ts). ANALYZE lists the most common
-- keys down to a frequency that grows with the keys a row holds: with about
-- three keys a word, three times as many keep the words listed as rare as
-- before (a rare word's search went to the newest rows first, and then to
-- the index, 1.2 ms more). Planning a search reads the longer list: 0.2 ms.
ALTER INDEX "annotations_owned_search_idx" ALTER COLUMN 1 SET STATISTICS 300;
