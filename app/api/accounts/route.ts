import { NextResponse } from "next/server";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { registerUser } from "@/lib/auth/register-user";
import { handleRoute, parseJsonBody } from "@/lib/http/route-handler";
import { signUpSchema } from "@/lib/api/accounts";

/** Sign-up. The form then signs in with the same credentials through next-auth. */
export const POST = handleRoute(async (request) => {
  const input = await parseJsonBody(request, signUpSchema);
  const user = await registerUser(input, { clientAddress: clientAddressFrom(Object.fromEntries(request.headers.entries())) });
  return NextResponse.json({ user }, { status: 201, headers: { "Cache-Control": "no-store" } });
});
