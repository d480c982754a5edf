-- Hand-written (Prisma models neither triggers nor NOTIFY).
--
-- Each app instance may remember the sessions it found live, so that a
-- signed-in request does not read "user_sessions" every time
-- (lib/auth/live-session-memo.ts), but only while it LISTENs on
-- "gloss_sessions": at commit, every change that can end a session or change
-- what a session check answers (the user's name and email) names the user
-- here, and every instance forgets that user's sessions. Signing out,
-- "sign out everywhere", a password change, an expiry moved, an account
-- deleted (its sessions go by cascade) or renamed; '*' after a TRUNCATE.
-- PostgreSQL sends one notification per distinct payload and transaction.

CREATE FUNCTION "gloss_notify_session_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM pg_notify('gloss_sessions', '*');
    ELSIF TG_TABLE_NAME = 'users' THEN
        PERFORM pg_notify('gloss_sessions', OLD."id"::text);
    ELSE
        PERFORM pg_notify('gloss_sessions', OLD."user_id"::text);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "user_sessions_notify_change" AFTER UPDATE OR DELETE ON "user_sessions"
    FOR EACH ROW EXECUTE FUNCTION "gloss_notify_session_change"();
CREATE TRIGGER "user_sessions_notify_truncate" AFTER TRUNCATE ON "user_sessions"
    FOR EACH STATEMENT EXECUTE FUNCTION "gloss_notify_session_change"();
CREATE TRIGGER "users_notify_change" AFTER UPDATE OF "name", "email" OR DELETE ON "users"
    FOR EACH ROW EXECUTE FUNCTION "gloss_notify_session_change"();
CREATE TRIGGER "users_notify_truncate" AFTER TRUNCATE ON "users"
    FOR EACH STATEMENT EXECUTE FUNCTION "gloss_notify_session_change"();
