import { NextResponse } from "next/server";
import { DATABASE_RETRY_AFTER_SECONDS } from "@/lib/database-unavailable";
import { checkDatabase } from "@/lib/health";

export const dynamic = "force-dynamic";

/** `{ ok, database: "up" | "down" }`: 200 when the database answers, else 503 with Retry-After. */
export async function GET() {
  const databaseUp = await checkDatabase();
  return NextResponse.json(
    { ok: databaseUp, database: databaseUp ? "up" : "down" },
    {
      status: databaseUp ? 200 : 503,
      headers: { "Cache-Control": "no-store", ...(databaseUp ? {} : { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) }) },
    },
  );
}
