"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { useSession } from "@/components/auth/session-provider";
import { TextField } from "@/components/auth/text-field";
import { fieldErrorsOf, useAuthForm } from "@/components/auth/use-auth-form";
import { deleteAccountSchema, accountEndpoints } from "@/lib/api/accounts";
import { submitToApi } from "@/components/auth/submit-to-api";

/** Deletes the account once the reader has typed its email; then they are signed out and home. */
export function DeleteAccountForm({ email }: { email: string }) {
  const { formRef, fieldErrors, formError, pending, showFailure, submit } = useAuthForm("/");
  const router = useRouter();
  const { signOut } = useSession();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = deleteAccountSchema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    if (!input.success) return showFailure({ fieldErrors: fieldErrorsOf(input.error) });
    if (input.data.email !== email.toLowerCase()) return showFailure({ fieldErrors: { email: "Type the email address of this account." } });
    const failure = await submit(() => submitToApi(accountEndpoints.remove(), input.data, "Your account could not be deleted."));
    if (failure) return;
    await signOut();
    router.replace("/");
  }

  return (
    <form ref={formRef} noValidate onSubmit={handleSubmit} className="max-w-sm">
      <FormAlert message={formError} />
      <TextField
        name="email"
        label={`Type ${email} to confirm`}
        type="email"
        autoComplete="off"
        spellCheck={false}
        error={fieldErrors.email}
      />
      <button
        type="submit"
        aria-disabled={pending}
        className="mt-5 inline-flex h-11 w-full items-center justify-center rounded-lg bg-red-700 px-4 text-[0.9375rem] font-semibold text-white transition-opacity hover:opacity-90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus aria-disabled:cursor-wait aria-disabled:opacity-75 sm:w-48 dark:bg-red-500 dark:text-black"
      >
        {pending ? "Deleting…" : "Delete account"}
      </button>
    </form>
  );
}
