import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser } from "@/test-support/annotations";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { ChangeListener } from "@/lib/live/change-listener";
import { liveSessionMemo, SESSIONS_CHANNEL } from "./live-session-memo";
import { endOtherUserSessions, endUserSession, findLiveSession, startUserSession } from "./user-sessions";

describe("user sessions", () => {
  it("live from sign-in until that device signs out, leaving the user's other devices signed in", async () => {
    const user = await createTestUser("Ada Sessions");
    const laptop = await startUserSession(user.id);
    const phone = await startUserSession(user.id);
    expect(await findLiveSession(laptop, user.id)).toEqual({ name: "Ada Sessions", email: user.email });

    await endUserSession(laptop);
    expect(await findLiveSession(laptop, user.id)).toBeNull();
    expect(await findLiveSession(phone, user.id)).not.toBeNull();
  });

  it("end everywhere but the device that asked", async () => {
    const user = await createTestUser();
    const [here, there, elsewhere] = [await startUserSession(user.id), await startUserSession(user.id), await startUserSession(user.id)];
    expect(await endOtherUserSessions(user.id, here)).toBe(2);
    expect(await findLiveSession(here, user.id)).not.toBeNull();
    expect(await findLiveSession(there, user.id)).toBeNull();
    expect(await findLiveSession(elsewhere, user.id)).toBeNull();
  });

  it("name the user's current name, belong to that user only, and end with the account", async () => {
    const user = await createTestUser("Old Name");
    const other = await createTestUser();
    const session = await startUserSession(user.id);
    await db.user.update({ where: { id: user.id }, data: { name: "New Name" } });
    expect(await findLiveSession(session, user.id)).toMatchObject({ name: "New Name" });
    expect(await findLiveSession(session, other.id)).toBeNull();
    for (const malformed of [undefined, "", "not-a-uuid", `${randomUUID()}' OR '1'='1`]) {
      expect(await findLiveSession(malformed, user.id)).toBeNull();
    }
    await db.user.delete({ where: { id: user.id } });
    expect(await findLiveSession(session, user.id)).toBeNull();
  });

  it("expire after their time, and expired ones are cleared at the next sign-in", async () => {
    const user = await createTestUser();
    const old = await startUserSession(user.id);
    await db.$executeRaw`UPDATE user_sessions SET expires_at = now() - interval '1 second' WHERE id = ${old}::uuid`;
    expect(await findLiveSession(old, user.id)).toBeNull();
    await startUserSession(user.id);
    expect(await db.userSession.count({ where: { userId: user.id } })).toBe(1);
  });
});

describe("live sessions remembered by an instance", () => {
  // This process as an app instance: the live-update listener's connection, hearing of ended sessions.
  const memo = liveSessionMemo();
  let heard = false;
  let listener: ChangeListener;
  beforeAll(async () => {
    listener = new ChangeListener({
      connectionString: serverEnv().DATABASE_URL,
      onChanges: () => {},
      channels: { [SESSIONS_CHANNEL]: (userId) => memo.forget(userId) },
      onListening: (listening) => {
        memo.setListening(listening);
        heard = listening;
      },
      minDelayMs: 50,
      maxDelayMs: 200,
    }).start();
    await listener.ready;
  });
  afterAll(() => listener.stop());

  /** Deletes a session row without its triggers, so no instance hears of it: only a read of the table can tell it is gone. */
  async function deleteUnheard(sessionId: string) {
    await db.$transaction([
      db.$executeRaw`SET LOCAL session_replication_role = replica`,
      db.$executeRaw`DELETE FROM user_sessions WHERE id = ${sessionId}::uuid`,
    ]);
  }

  it("are answered from memory once found, and forgotten when another instance ends them", async () => {
    const user = await createTestUser("Memo Reader");
    const [laptop, phone, tablet] = [await startUserSession(user.id), await startUserSession(user.id), await startUserSession(user.id)];
    for (const session of [laptop, phone, tablet]) expect(await findLiveSession(session, user.id)).toEqual({ name: "Memo Reader", email: user.email });

    await deleteUnheard(tablet);
    expect(await findLiveSession(tablet, user.id), "remembered: the table is not read").not.toBeNull();

    // Another instance signs the laptop out: written straight to the table, heard at commit.
    await db.$executeRaw`DELETE FROM user_sessions WHERE id = ${laptop}::uuid`;
    await expect.poll(() => findLiveSession(laptop, user.id)).toBeNull();
    expect(await findLiveSession(tablet, user.id), "the user's sessions are all read again").toBeNull();
    expect(await findLiveSession(phone, user.id)).not.toBeNull();

    await db.user.update({ where: { id: user.id }, data: { name: "Renamed Reader" } });
    await expect.poll(async () => (await findLiveSession(phone, user.id))?.name).toBe("Renamed Reader");
    await db.$executeRaw`UPDATE user_sessions SET expires_at = now() - interval '1 second' WHERE id = ${phone}::uuid`;
    await expect.poll(() => findLiveSession(phone, user.id)).toBeNull();
  });

  it("are forgotten at once when this instance ends them, without waiting to hear of it", async () => {
    const user = await createTestUser();
    const [here, there] = [await startUserSession(user.id), await startUserSession(user.id)];
    expect(await findLiveSession(there, user.id)).not.toBeNull();
    await endOtherUserSessions(user.id, here);
    expect(await findLiveSession(there, user.id)).toBeNull();
    expect(await findLiveSession(here, user.id)).not.toBeNull();
    await endUserSession(here);
    expect(await findLiveSession(here, user.id)).toBeNull();
  });

  it("are forgotten when the connection that hears of their end is lost", async () => {
    const user = await createTestUser();
    const session = await startUserSession(user.id);
    expect(await findLiveSession(session, user.id)).not.toBeNull();

    const admin = new pg.Client({ connectionString: serverEnv().DATABASE_URL });
    await admin.connect();
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'gloss-change-listener'");
    await admin.end();
    await expect.poll(() => memo.find(session, user.id)).toBeUndefined();
    await deleteUnheard(session);
    expect(await findLiveSession(session, user.id)).toBeNull();

    // The listener connects again on its own; from then on sessions are remembered again.
    await expect.poll(() => heard).toBe(true);
    const again = await startUserSession(user.id);
    expect(await findLiveSession(again, user.id)).not.toBeNull();
    await deleteUnheard(again);
    expect(await findLiveSession(again, user.id), "remembered again").not.toBeNull();
  });
});
