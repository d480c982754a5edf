import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const databaseUp = await checkDatabase();
  return NextResponse.json({ ok: databaseUp }, { status: databaseUp ? 200 : 503 });
}
