import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { getAuthOptions } from "@/lib/auth/auth-options";

type NextAuthContext = { params: Promise<{ nextauth: string[] }> };

// Options are built on the first request, so a missing production secret fails with a clear message there.
async function handler(request: NextRequest, context: NextAuthContext): Promise<Response> {
  return NextAuth(request, context, getAuthOptions());
}

export { handler as GET, handler as POST };
