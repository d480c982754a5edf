import { randomBytes } from "node:crypto";
import { dropDatabase, recreateDatabase } from "./database-admin";

/** A brand-new empty database on the test server, dropped afterwards (tests of migrations need one). */
export async function withScratchDatabase<T>(run: (url: string) => Promise<T>): Promise<T> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error("DATABASE_URL is not set (the vitest global setup provides it).");
  const name = `gloss_scratch_${randomBytes(6).toString("hex")}`;
  try {
    return await run(await recreateDatabase(serverUrl, name));
  } finally {
    await dropDatabase(serverUrl, name);
  }
}
