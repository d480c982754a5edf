-- Tags (one table per reader's tag names, joined to annotations) and full-text
-- search over each annotation's quote, note and tags.

-- CreateTable
CREATE TABLE "tags" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tags_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "annotation_tags" (
    "annotation_id" UUID NOT NULL,
    "tag_id" UUID NOT NULL,

    CONSTRAINT "annotation_tags_pkey" PRIMARY KEY ("annotation_id","tag_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "tags_user_id_name_key" ON "tags"("user_id", "name");

-- CreateIndex
CREATE INDEX "annotation_tags_tag_id_idx" ON "annotation_tags"("tag_id");

-- AddForeignKey
ALTER TABLE "tags" ADD CONSTRAINT "tags_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotation_tags" ADD CONSTRAINT "annotation_tags_annotation_id_fkey" FOREIGN KEY ("annotation_id") REFERENCES "annotations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotation_tags" ADD CONSTRAINT "annotation_tags_tag_id_fkey" FOREIGN KEY ("tag_id") REFERENCES "tags"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written from here (Prisma models neither text search nor triggers).

-- Accent-insensitive search for every script: the `simple` parser and
-- dictionary (lower-casing, no stemming, so Arabic and English words are kept
-- as written) behind `unaccent` (contrib, trusted since PostgreSQL 13).
CREATE EXTENSION IF NOT EXISTS "unaccent";
CREATE TEXT SEARCH CONFIGURATION "gloss_search" (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION "gloss_search"
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
    WITH "unaccent", pg_catalog.simple;

-- array_to_string is only STABLE in general (any element type); on text[] it
-- cannot change, and a generated column needs an IMMUTABLE expression.
CREATE FUNCTION "gloss_tag_text"(tags TEXT[]) RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT array_to_string(tags, ' ') $$;

-- The annotation's tag names (sorted), kept by the triggers below: the card and
-- the notebook show them without a join, and the search vector includes them.
-- Changing them is a change of the annotation row, so the annotations_changed
-- trigger bumps the article's list version as for any other edit.
ALTER TABLE "annotations" ADD COLUMN "tags" TEXT[] NOT NULL DEFAULT '{}';

ALTER TABLE "annotations" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('gloss_search'::regconfig, "exact"), 'A')
    || setweight(to_tsvector('gloss_search'::regconfig, "gloss_tag_text"("tags")), 'A')
    || setweight(to_tsvector('gloss_search'::regconfig, COALESCE("note", '')), 'B')
) STORED;

-- The search's index. (A two-column GIN with btree_gin over author and vector
-- was tried: its author posting list makes every search of a reader with many
-- annotations walk all of them; the planner rightly prefers this one.)
CREATE INDEX "annotations_search_vector_idx" ON "annotations" USING GIN ("search_vector");

-- The notebook: one reader's annotations, newest (or oldest) first, by keyset.
CREATE INDEX "annotations_author_id_created_at_id_idx" ON "annotations"("author_id", "created_at", "id");

CREATE FUNCTION "refresh_annotation_tags"(annotation_ids UUID[]) RETURNS void
LANGUAGE sql AS $$
    UPDATE "annotations" a
       SET "tags" = COALESCE((SELECT array_agg(t."name" ORDER BY t."name")
                                FROM "annotation_tags" j JOIN "tags" t ON t."id" = j."tag_id"
                               WHERE j."annotation_id" = a."id"), '{}')
     WHERE a."id" = ANY(annotation_ids);
$$;

-- Statement-level, so tagging 10,000 imported annotations rewrites each once.
CREATE FUNCTION "annotation_tags_added"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "refresh_annotation_tags"(ARRAY(SELECT DISTINCT "annotation_id" FROM added));
    RETURN NULL;
END;
$$;

CREATE FUNCTION "annotation_tags_removed"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "refresh_annotation_tags"(ARRAY(SELECT DISTINCT "annotation_id" FROM removed));
    RETURN NULL;
END;
$$;

CREATE TRIGGER "annotation_tags_added" AFTER INSERT ON "annotation_tags"
REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "annotation_tags_added"();

CREATE TRIGGER "annotation_tags_removed" AFTER DELETE ON "annotation_tags"
REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "annotation_tags_removed"();

CREATE FUNCTION "tags_renamed"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "refresh_annotation_tags"(ARRAY(
        SELECT DISTINCT j."annotation_id" FROM "annotation_tags" j JOIN renamed r ON r."id" = j."tag_id"));
    RETURN NULL;
END;
$$;

CREATE TRIGGER "tags_renamed" AFTER UPDATE ON "tags"
REFERENCING NEW TABLE AS renamed FOR EACH STATEMENT EXECUTE FUNCTION "tags_renamed"();
