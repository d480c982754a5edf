import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTestUser } from "@/test-support/annotations";
import { db } from "@/lib/db";
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
