import { revalidatePath } from "next/cache";
import { NextResponse } from "next/server";
import { articlePaths, isValidRevalidationToken } from "@/lib/articles/revalidation";
import { notFound } from "@/lib/api/errors";
import { handleRoute, parseJsonBody } from "@/lib/http/route-handler";
import { revalidateArticlesSchema } from "@/lib/api/revalidation";
import { serverEnv } from "@/lib/env";

// Called by scripts/start.ts after a reseed changed articles; unknown to anyone without the token.
export const POST = handleRoute(async (request) => {
  const token = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? null;
  if (!isValidRevalidationToken(token, serverEnv().NEXTAUTH_SECRET)) throw notFound();
  const { slugs } = await parseJsonBody(request, revalidateArticlesSchema);
  const paths = articlePaths(slugs);
  for (const path of paths) revalidatePath(path);
  return NextResponse.json({ revalidated: paths });
});
