import { NextResponse } from "next/server";
import { registerUser } from "@/lib/auth/register-user";
import { requireJsonContentType } from "@/lib/http/require-json-content-type";
import { handleRoute, parseJsonBody } from "@/lib/http/route-handler";
import { signUpSchema } from "@/lib/validation/auth-schemas";

/** Sign-up. The form then signs in with the same credentials through next-auth. */
export const POST = handleRoute(async (request) => {
  requireJsonContentType(request);
  const input = await parseJsonBody(request, signUpSchema);
  const user = await registerUser(input);
  return NextResponse.json({ user }, { status: 201, headers: { "Cache-Control": "no-store" } });
});
