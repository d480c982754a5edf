import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/get-viewer";
import { endOtherUserSessions } from "@/lib/auth/user-sessions";
import { handleRoute } from "@/lib/http/route-handler";

/** "Sign out everywhere": every session of the reader's but this one ends at once. */
export const DELETE = handleRoute(async () => {
  const viewer = await requireUser();
  const ended = await endOtherUserSessions(viewer.id, viewer.sessionId);
  return NextResponse.json({ ended }, { headers: { "Cache-Control": "private, no-store" } });
});
