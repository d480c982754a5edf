import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/get-viewer";
import { handleRoute, parseJsonBody } from "@/lib/http/route-handler";
import { listTags } from "@/lib/tags/list-tags";
import { renameTag } from "@/lib/tags/rename-tag";
import { renameTagSchema } from "@/lib/api/notebook";

interface Context {
  params: Promise<{ name: string }>;
}

/** Renames one of the viewer's tags everywhere (`{ name }`); answers with the tag list. */
export const PATCH = handleRoute(async (request: Request, context: Context) => {
  const viewer = await requireUser();
  const { name: to } = await parseJsonBody(request, renameTagSchema);
  await renameTag({ viewer, from: (await context.params).name, to });
  return NextResponse.json({ tags: await listTags(viewer) }, { headers: { "Cache-Control": "private, no-store" } });
});
