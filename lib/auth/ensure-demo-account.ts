import { hashPassword } from "@/lib/auth/password-hashing";
import { db } from "@/lib/db";

/** Known to anyone who reads this file: for the local, embedded-database run only. */
const DEMO_ACCOUNT = { name: "Demo Reader", email: "demo@gloss.local", password: "gloss-demo-reader" } as const;

/**
 * Makes sure the demo account exists with the demo password, so a first local
 * run can be tried straight away. Only on Gloss's own embedded database
 * (`npm start` without DATABASE_URL): a real deployment never gets an account
 * whose password is published.
 */
export async function ensureDemoAccount(options: { embeddedDatabase: boolean }): Promise<typeof DEMO_ACCOUNT | null> {
  if (!options.embeddedDatabase) return null;
  const passwordHash = await hashPassword(DEMO_ACCOUNT.password);
  await db.user.upsert({
    where: { email: DEMO_ACCOUNT.email },
    create: { name: DEMO_ACCOUNT.name, email: DEMO_ACCOUNT.email, passwordHash },
    update: { passwordHash },
    select: { id: true },
  });
  return DEMO_ACCOUNT;
}
