-- Hand-written (Prisma does not model triggers).
--
-- The annotations version (see the `annotations_version` migration) was bumped
-- once per changed row. Each bump of one article's counter row in a single
-- transaction leaves one more row version behind, and the next bump walks all
-- of them to find the live one: a transaction that changed n annotations of an
-- article (an import, a re-anchoring, a bulk delete) took O(n²) at commit.
--
-- One bump per article per transaction is enough for the guarantee the cache
-- relies on: the triggers are deferred to commit, so every change the
-- transaction made becomes visible together with the counter it moved. A
-- counter row this transaction already wrote (its xmin is our own transaction
-- id) is left alone; a bump made in a savepoint that was rolled back is not
-- ours any more, so the counter is bumped again. The triggers stay per row and
-- deferred (statement-level triggers cannot be deferred, and holding the
-- counter's lock from the statement to commit would queue other readers'
-- creates behind a long import); each row now costs one index probe.
CREATE OR REPLACE FUNCTION "bump_article_annotations_version"(changed_article_id UUID) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO "article_annotations_versions" ("article_id", "version")
    SELECT changed_article_id, 1 WHERE EXISTS (SELECT 1 FROM "articles" WHERE "id" = changed_article_id)
    ON CONFLICT ("article_id") DO UPDATE SET "version" = "article_annotations_versions"."version" + 1
    WHERE "article_annotations_versions".xmin <> pg_current_xact_id()::xid;
$$;
