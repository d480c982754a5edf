import { serverEnv } from "@/lib/env";
import "server-only";
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { getAuthOptions } from "@/lib/auth/auth-options";
import { AppError } from "@/lib/api/errors";
import { errorResponse } from "@/lib/http/route-handler";
import { isAcceptableCallbackUrl } from "@/lib/routes";
import { onRequestOrigin, requestOrigin } from "@/lib/http/request-origin";

type NextAuthContext = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth's endpoints, kept on the host the reader is using. next-auth
 * builds every redirect and returned URL on NEXTAUTH_URL; a reader who
 * opened Gloss as http://127.0.0.1:3000 while it names localhost would be
 * sent to another origin, where their session cookie does not exist. Those
 * URLs are moved back onto the request's own origin (links and ids that
 * leave the site still use NEXTAUTH_URL: lib/http/site-origin.ts).
 */
export async function handleNextAuth(request: NextRequest, context: NextAuthContext): Promise<Response> {
  const action = (await context.params).nextauth;
  // Credentials are only ever posted; next-auth answers a GET of the callback with a 500.
  if (request.method === "GET" && action[0] === "callback") {
    return errorResponse(new AppError("method_not_allowed", "Sign in through the sign-in form."));
  }
  // next-auth refuses such a callbackUrl too, but as a server fault (500, logged with a stack); it is a bad request.
  if (!isAcceptableCallbackUrl(request.nextUrl.searchParams.get("callbackUrl"))) {
    return errorResponse(new AppError("invalid_callback_url", "The callbackUrl is not a valid address."));
  }
  const response = await NextAuth(request, context, getAuthOptions());
  return keepRequestOrigin(response, requestOrigin(request), configuredOrigin());
}

function configuredOrigin(): string | null {
  const configured = serverEnv().NEXTAUTH_URL;
  return configured && URL.canParse(configured) ? new URL(configured).origin : null;
}

async function keepRequestOrigin(response: Response, origin: string, configured: string | null): Promise<Response> {
  if (!configured || origin === configured) return response;
  const headers = new Headers(response.headers);
  const location = headers.get("location");
  if (location) headers.set("location", onRequestOrigin(location, origin, configured));
  let body: BodyInit | null = response.body;
  if (headers.get("content-type")?.startsWith("application/json")) {
    const json = (await response.json()) as unknown;
    if (json && typeof json === "object" && "url" in json && typeof json.url === "string") {
      json.url = onRequestOrigin(json.url, origin, configured);
    }
    body = JSON.stringify(json);
    headers.delete("content-length");
  }
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}
