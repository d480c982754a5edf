-- CreateTable
CREATE TABLE "article_annotations_versions" (
    "article_id" UUID NOT NULL,
    "version" BIGINT NOT NULL,

    CONSTRAINT "article_annotations_versions_pkey" PRIMARY KEY ("article_id")
);

-- AddForeignKey
ALTER TABLE "article_annotations_versions" ADD CONSTRAINT "article_annotations_versions_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (Prisma does not model triggers): every change to an article's
-- annotations, and every change of a name shown on them, bumps the article's
-- version in the same transaction. A cached annotation list is then as fresh
-- as the version it was built at (lib/annotations/list-article-annotations.ts).
-- The counter lives in its own table, not on "articles": creates hold
-- FOR SHARE on the article row, and upgrading that lock from concurrent
-- creates would deadlock. The triggers are deferred to commit, so the counter's
-- row lock is held only while committing, not for the rest of a transaction:
-- concurrent creates on one article queue on it for that long, no longer.
-- An article being deleted (its annotations go with
-- it by cascade) gets no new version row.
CREATE FUNCTION "bump_article_annotations_version"(changed_article_id UUID) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO "article_annotations_versions" ("article_id", "version")
    SELECT changed_article_id, 1 WHERE EXISTS (SELECT 1 FROM "articles" WHERE "id" = changed_article_id)
    ON CONFLICT ("article_id") DO UPDATE SET "version" = "article_annotations_versions"."version" + 1;
$$;

CREATE FUNCTION "annotations_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM "bump_article_annotations_version"(OLD."article_id");
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW."article_id" <> OLD."article_id") THEN
        PERFORM "bump_article_annotations_version"(NEW."article_id");
    END IF;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "annotations_changed"
AFTER INSERT OR UPDATE OR DELETE ON "annotations"
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION "annotations_changed"();

CREATE FUNCTION "author_renamed"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "bump_article_annotations_version"("article_id")
    FROM (SELECT DISTINCT "article_id" FROM "annotations" WHERE "author_id" = NEW."id") AS "annotated";
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "author_renamed"
AFTER UPDATE OF "name" ON "users"
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name") EXECUTE FUNCTION "author_renamed"();
