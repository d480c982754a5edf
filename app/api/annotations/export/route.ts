import { requireUser } from "@/lib/auth/get-viewer";
import { handleRoute } from "@/lib/http/route-handler";
import { siteOrigin } from "@/lib/http/site-origin";
import { exportAnnotations } from "@/lib/notebook/export/export-annotations";
import { exportQuerySchema, searchParamsObject } from "@/lib/api/notebook";

/** The viewer's annotations (all, or the notebook's current filter) as a downloaded file, streamed. */
export const GET = handleRoute(async (request: Request) => {
  const viewer = await requireUser();
  const { format, ...filter } = exportQuerySchema.parse(searchParamsObject(request.url));
  const origin = siteOrigin(request.url);
  const url = new URL(request.url);
  const selfUrl = new URL(`${url.pathname}${url.search}`, origin).href;
  const file = exportAnnotations({ viewer, format, filter, origin, selfUrl });
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
