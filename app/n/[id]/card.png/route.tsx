import { ImageResponse } from "next/og";
import { SHARE_CARD_SIZE, ShareCardImage } from "@/components/sharing/share-card-image";
import { getViewer } from "@/lib/auth/get-viewer";
import { notFound } from "@/lib/api/errors";
import { handleRoute } from "@/lib/http/route-handler";
import { loadOgFonts } from "@/lib/og/og-fonts";
import { getSharedNote } from "@/lib/sharing/get-shared-note";

/**
 * The share card image a shared note's link previews show (og:image).
 * Answers exactly when the share page does: the same lookup for the same
 * viewer, a 404 otherwise. A route of its own rather than Next's
 * `opengraph-image` file convention, because that one also advertises the
 * image in the head of the page's 404.
 */
interface Context {
  params: Promise<{ id: string }>;
}

export const dynamic = "force-dynamic";

// Depends on who asks (an author's private note), and visibility can change at any moment.
const PER_VIEWER = { "Cache-Control": "private, no-store", Vary: "Cookie" };

export const GET = handleRoute(async (_request: Request, context: Context) => {
  const shared = await getSharedNote({ viewer: await getViewer(), id: (await context.params).id });
  if (!shared) throw notFound();
  const { annotation, article } = shared;
  const { fonts, covers } = await loadOgFonts();
  return new ImageResponse(
    (
      <ShareCardImage
        quote={annotation.quote.exact}
        authorName={annotation.author.name}
        articleTitle={article.title}
        kind={annotation.note ? "note" : "highlight"}
        color={annotation.color}
        covers={covers}
      />
    ),
    { ...SHARE_CARD_SIZE, fonts, headers: PER_VIEWER },
  );
});
