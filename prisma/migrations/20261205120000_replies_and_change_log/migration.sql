-- CreateTable
CREATE TABLE "replies" (
    "id" UUID NOT NULL,
    "annotation_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "replies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "change_log" (
    "seq" BIGSERIAL NOT NULL,
    "article_id" UUID NOT NULL,
    "article_slug" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "op" TEXT NOT NULL,
    "annotation_id" UUID,
    "reply_id" UUID,
    "annotation_author_id" UUID,
    "visibility_before" "Visibility",
    "visibility_after" "Visibility",
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "change_log_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE INDEX "replies_annotation_id_created_at_idx" ON "replies"("annotation_id", "created_at");

-- CreateIndex
CREATE INDEX "replies_author_id_idx" ON "replies"("author_id");

-- CreateIndex
CREATE INDEX "change_log_article_id_seq_idx" ON "change_log"("article_id", "seq");

-- CreateIndex
CREATE INDEX "change_log_created_at_idx" ON "change_log"("created_at");

-- AddForeignKey
ALTER TABLE "replies" ADD CONSTRAINT "replies_annotation_id_fkey" FOREIGN KEY ("annotation_id") REFERENCES "annotations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "replies" ADD CONSTRAINT "replies_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (Prisma does not model triggers).
--
-- 1. Replies are shown on the annotation list (their count), so a change to a
--    reply bumps its article's annotations version like a change to an
--    annotation does (see the `annotations_version` migration). A reply that
--    goes with its annotation (cascade) needs no bump: the annotation's own
--    delete made one.
--
-- 2. The change log: every change to an annotation, a reply or an article is
--    written to "change_log" in the transaction that makes it, and the commit
--    sends one NOTIFY on channel "gloss_changes" (PostgreSQL folds identical
--    notifications of one transaction into one). Each app instance listens on
--    one connection and reads the log by "seq" (lib/live). The triggers are
--    deferred to commit and take one transaction-level advisory lock before
--    writing, so sequence numbers are handed out in commit order: a reader
--    that has seen seq N has seen every change before it, which is what lets
--    a stream resume from Last-Event-ID with nothing missed. The lock is held
--    only while committing.
CREATE FUNCTION "log_change"(
    changed_article_id UUID, changed_subject TEXT, changed_op TEXT, changed_annotation_id UUID, changed_reply_id UUID,
    changed_annotation_author_id UUID, before_visibility "Visibility", after_visibility "Visibility"
) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    slug_of_article TEXT;
BEGIN
    SELECT "slug" INTO slug_of_article FROM "articles" WHERE "id" = changed_article_id;
    -- An article being deleted takes its annotations with it; they need no entries.
    IF slug_of_article IS NULL THEN
        RETURN;
    END IF;
    PERFORM pg_advisory_xact_lock(4711013);
    INSERT INTO "change_log" ("article_id", "article_slug", "subject", "op", "annotation_id", "reply_id",
                              "annotation_author_id", "visibility_before", "visibility_after")
    VALUES (changed_article_id, slug_of_article, changed_subject, changed_op, changed_annotation_id, changed_reply_id,
            changed_annotation_author_id, before_visibility, after_visibility);
    PERFORM pg_notify('gloss_changes', '');
END;
$$;

CREATE FUNCTION "annotations_logged"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM "log_change"(NEW."article_id", 'annotation', 'insert', NEW."id", NULL, NEW."author_id", NULL, NEW."visibility");
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM "log_change"(OLD."article_id", 'annotation', 'delete', OLD."id", NULL, OLD."author_id", OLD."visibility", NULL);
    ELSE
        PERFORM "log_change"(NEW."article_id", 'annotation', 'update', NEW."id", NULL, NEW."author_id", OLD."visibility", NEW."visibility");
    END IF;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "annotations_logged"
AFTER INSERT OR UPDATE OR DELETE ON "annotations"
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION "annotations_logged"();

CREATE FUNCTION "replies_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    row_of_reply "replies";
    parent RECORD;
BEGIN
    IF TG_OP = 'DELETE' THEN
        row_of_reply := OLD;
    ELSE
        row_of_reply := NEW;
    END IF;
    SELECT "article_id", "author_id", "visibility" INTO parent FROM "annotations" WHERE "id" = row_of_reply."annotation_id";
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    PERFORM "bump_article_annotations_version"(parent."article_id");
    PERFORM "log_change"(parent."article_id", 'reply', lower(TG_OP), row_of_reply."annotation_id", row_of_reply."id",
                         parent."author_id", parent."visibility", parent."visibility");
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "replies_changed"
AFTER INSERT OR UPDATE OR DELETE ON "replies"
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION "replies_changed"();

-- Articles: instances drop their cached page and remembered text of an
-- article when it changes (a reseed on any machine).
CREATE FUNCTION "articles_logged"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_advisory_xact_lock(4711013);
        INSERT INTO "change_log" ("article_id", "article_slug", "subject", "op") VALUES (OLD."id", OLD."slug", 'article', 'delete');
        PERFORM pg_notify('gloss_changes', '');
    ELSE
        PERFORM "log_change"(NEW."id", 'article', lower(TG_OP), NULL, NULL, NULL, NULL, NULL);
    END IF;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "articles_logged"
AFTER INSERT OR UPDATE OR DELETE ON "articles"
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION "articles_logged"();
