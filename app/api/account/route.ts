import { NextResponse } from "next/server";
import { changeDisplayName } from "@/lib/accounts/change-display-name";
import { deleteAccount } from "@/lib/accounts/delete-account";
import { requireUser } from "@/lib/auth/get-viewer";
import { invalidField } from "@/lib/api/errors";
import { handleRoute, parseJsonBody } from "@/lib/http/route-handler";
import { changeNameSchema, deleteAccountSchema } from "@/lib/api/accounts";

const PRIVATE = { "Cache-Control": "private, no-store" };

/** Changes the signed-in reader's display name. */
export const PATCH = handleRoute(async (request) => {
  const viewer = await requireUser();
  const { name } = await parseJsonBody(request, changeNameSchema);
  return NextResponse.json(await changeDisplayName({ viewer, name }), { headers: PRIVATE });
});

/** Deletes the signed-in reader's account, with everything that is theirs; `email` must be theirs. */
export const DELETE = handleRoute(async (request) => {
  const viewer = await requireUser();
  const { email } = await parseJsonBody(request, deleteAccountSchema);
  if ((await deleteAccount({ viewer, confirmEmail: email })) === "email-mismatch") {
    throw invalidField("email", "Type the email address of this account.");
  }
  return new NextResponse(null, { status: 204 });
});
