import { NextResponse } from "next/server";
import { listOwnArticles } from "@/lib/articles/list-articles";
import { requireUser } from "@/lib/auth/get-viewer";
import { handleRoute } from "@/lib/http/route-handler";

/** "Your articles": what the signed-in reader imported, newest first. */
export const GET = handleRoute(async () => {
  const viewer = await requireUser();
  return NextResponse.json({ articles: await listOwnArticles(viewer) }, { headers: { "Cache-Control": "private, no-store" } });
});
