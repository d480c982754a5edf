import { randomUUID } from "node:crypto";
import { db, readRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { liveSessionMemo, type LiveSession } from "./live-session-memo";

/**
 * Sessions that can be ended. The session cookie is a JWT (no query to read
 * who it names), but it also carries the id of a row in `user_sessions`, and
 * a request counts as signed in only while that row exists: one primary-key
 * read per signed-in request, on PostgreSQL, so ending a session holds on
 * every app instance at once. A row per device, not one version number per
 * user, so that signing out on one device leaves the others signed in, and
 * "sign out everywhere" can keep the device it was asked from.
 */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Records a new signed-in device for `userId` (clearing that user's expired ones) and returns its id. */
export async function startUserSession(userId: string): Promise<string> {
  const id = randomUUID();
  await db.$executeRaw`
    WITH expired AS (DELETE FROM user_sessions WHERE user_id = ${userId}::uuid AND expires_at <= now())
    INSERT INTO user_sessions (id, user_id, expires_at)
    VALUES (${id}::uuid, ${userId}::uuid, now() + make_interval(secs => ${SESSION_MAX_AGE_SECONDS}))`;
  return id;
}

/**
 * The current name and email of the user of a session that is still live,
 * or null once it was ended (or never existed). One indexed read (through
 * readRows), asked on every signed-in request unless this instance
 * remembers the session and would hear of its end (live-session-memo.ts).
 */
export async function findLiveSession(sessionId: string | undefined, userId: string | undefined): Promise<LiveSession | null> {
  if (!sessionId || !userId || !UUID.test(sessionId) || !UUID.test(userId)) return null;
  const memo = liveSessionMemo();
  const known = memo.find(sessionId, userId);
  if (known) return known;
  const readMark = memo.readMark;
  const [row] = await readRows<LiveSession & { expiresAt: Date }>(Prisma.sql`
    SELECT u.name, u.email, s.expires_at AS "expiresAt"
      FROM user_sessions s JOIN users u ON u.id = s.user_id
     WHERE s.id = ${sessionId}::uuid AND s.user_id = ${userId}::uuid AND s.expires_at > now()`);
  if (!row) return null;
  const session = { name: row.name, email: row.email };
  memo.remember(readMark, sessionId, userId, session, row.expiresAt);
  return session;
}

/**
 * After this instance ended a user's sessions or changed their name or
 * email: forgets them here at once. Other instances hear of it at commit
 * (live-session-memo.ts); this one must not wait for its own notification,
 * or the reader's very next request could still count as signed in.
 */
export function forgetLiveSessions(userId: string) {
  liveSessionMemo().forget(userId);
}

/** Signing out: this one device. */
export async function endUserSession(sessionId: string | undefined): Promise<void> {
  if (!sessionId || !UUID.test(sessionId)) return;
  const ended = await db.$queryRaw<{ userId: string }[]>`DELETE FROM user_sessions WHERE id = ${sessionId}::uuid RETURNING user_id::text AS "userId"`;
  for (const { userId } of ended) forgetLiveSessions(userId);
}

/** "Sign out everywhere" and password changes: every session of the user but `keepSessionId`'s. */
export async function endOtherUserSessions(userId: string, keepSessionId: string | undefined): Promise<number> {
  const ended = await db.$executeRaw`
    DELETE FROM user_sessions WHERE user_id = ${userId}::uuid AND id IS DISTINCT FROM ${keepSessionId ?? null}::uuid`;
  forgetLiveSessions(userId);
  return ended;
}
