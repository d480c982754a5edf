-- Hand-written (Prisma models neither text search nor expression indexes).
--
-- The notebook searches one reader's annotations, but the search index held
-- every reader's words together: a prefix query ('cafe':*) gathered the
-- matches of all readers from the index (tens of thousands of rows on a
-- database of 1,000,000 annotations) before the author filter threw nearly
-- all of them away, and PostgreSQL intersected that with the reader's whole
-- author index. Now each indexed word carries its author: the index's keys
-- are the reader's id (32 hex digits, no hyphens) followed by the word, so a
-- prefix query for one reader reads only that reader's part of the index.
-- The full id makes the match exact: a key of another reader can never start
-- with this reader's 32 digits, so the search alone keeps only the reader's
-- own annotations (lib/notebook/notebook-sql.ts).
--
-- Both functions use only built-ins (an index build runs with an empty
-- search_path), and both write the author part the same way.
CREATE FUNCTION "gloss_owned_search_vector"(owner UUID, vector tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT array_to_tsvector(ARRAY(SELECT replace(owner::text, '-', '') || lexeme FROM unnest(tsvector_to_array(vector)) AS lexeme))
$$;

-- `query` (from to_tsquery('gloss_search', …)) with each of its quoted words
-- prefixed the same way; its operators and prefix marks (:*) are kept.
CREATE FUNCTION "gloss_owned_search_query"(owner UUID, query tsquery) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT regexp_replace(query::text, '''((?:[^'']|'''')*)''', '''' || replace(owner::text, '-', '') || '\1''', 'g')::tsquery
$$;

DROP INDEX "annotations_search_vector_idx";
CREATE INDEX "annotations_owned_search_idx" ON "annotations" USING GIN ("gloss_owned_search_vector"("author_id", "search_vector"));
