import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ensureDemoAccount } from "./ensure-demo-account";
import { verifyPassword } from "./password-hashing";

const DEMO_EMAIL = "demo@gloss.local";

afterAll(async () => {
  await db.user.deleteMany({ where: { email: DEMO_EMAIL } });
});

describe("ensureDemoAccount", () => {
  it("does nothing unless Gloss runs on its embedded database", async () => {
    await db.user.deleteMany({ where: { email: DEMO_EMAIL } });
    expect(await ensureDemoAccount({ embeddedDatabase: false })).toBeNull();
    expect(await db.user.count({ where: { email: DEMO_EMAIL } })).toBe(0);
  });

  it("creates the demo account once, and restores its password on later starts", async () => {
    const demo = await ensureDemoAccount({ embeddedDatabase: true });
    expect(demo?.email).toBe(DEMO_EMAIL);
    await db.user.update({ where: { email: DEMO_EMAIL }, data: { passwordHash: "changed" } });

    await ensureDemoAccount({ embeddedDatabase: true });
    const stored = await db.user.findUniqueOrThrow({ where: { email: DEMO_EMAIL }, select: { passwordHash: true } });
    expect(await verifyPassword(stored.passwordHash, demo?.password ?? "")).toBe(true);
    expect(await db.user.count({ where: { email: DEMO_EMAIL } })).toBe(1);
  });
});
