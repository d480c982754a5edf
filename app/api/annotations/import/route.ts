import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/get-viewer";
import { readLimitedJson } from "@/lib/http/read-limited-json";
import { handleRoute } from "@/lib/http/route-handler";
import { siteOrigin } from "@/lib/http/site-origin";
import { importAnnotations } from "@/lib/notebook/import/import-annotations";
import { parseImportFile } from "@/lib/notebook/import/parse-import-file";

const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** Imports a Gloss JSON export or W3C Web Annotations into the viewer's notebook, all or nothing. */
export const POST = handleRoute(async (request: Request) => {
  const viewer = await requireUser();
  const items = parseImportFile(await readLimitedJson(request, MAX_IMPORT_BYTES));
  const summary = await importAnnotations({ viewer, items, origin: siteOrigin(request.url) });
  return NextResponse.json(summary, { headers: { "Cache-Control": "private, no-store" } });
});
