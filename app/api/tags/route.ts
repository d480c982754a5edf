import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/get-viewer";
import { handleRoute } from "@/lib/http/route-handler";
import { listTags } from "@/lib/tags/list-tags";

/** The viewer's tags with their counts. */
export const GET = handleRoute(async () => {
  const viewer = await requireUser();
  return NextResponse.json({ tags: await listTags(viewer) }, { headers: { "Cache-Control": "private, no-store" } });
});
