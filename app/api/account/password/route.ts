import { NextResponse } from "next/server";
import { changePassword } from "@/lib/accounts/change-password";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { requireUser } from "@/lib/auth/get-viewer";
import { AppError, invalidField } from "@/lib/api/errors";
import { handleRoute, parseJsonBody } from "@/lib/http/route-handler";
import { changePasswordSchema } from "@/lib/api/accounts";

/** Changes the signed-in reader's password (the current one confirms it); every other session ends. */
export const POST = handleRoute(async (request) => {
  const viewer = await requireUser();
  const input = await parseJsonBody(request, changePasswordSchema);
  const outcome = await changePassword({ viewer, input, clientAddress: clientAddressFrom(Object.fromEntries(request.headers.entries())) });
  if (outcome === "wrong-password") {
    throw invalidField("currentPassword", "That is not your current password.");
  }
  if (outcome === "rate-limited") throw new AppError("rate_limited", "Too many attempts. Wait a few minutes and try again.");
  return new NextResponse(null, { status: 204 });
});
