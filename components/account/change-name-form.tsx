"use client";

import { useSession } from "@/components/auth/session-provider";
import { useState, type FormEvent } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { SubmitButton } from "@/components/auth/submit-button";
import { TextField } from "@/components/auth/text-field";
import { fieldErrorsOf, useAuthForm } from "@/components/auth/use-auth-form";
import { changeNameSchema, accountEndpoints } from "@/lib/api/accounts";
import { SavedNotice } from "./account-section";
import { submitToApi } from "@/components/auth/submit-to-api";

export function ChangeNameForm({ currentName }: { currentName: string }) {
  const { formRef, fieldErrors, formError, pending, showFailure, submit, finish } = useAuthForm("/account");
  const { update } = useSession();
  const [saved, setSaved] = useState<string | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    const input = changeNameSchema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    if (!input.success) return showFailure({ fieldErrors: fieldErrorsOf(input.error) });
    const failure = await submit(() => submitToApi(accountEndpoints.changeName(), input.data, "Your name could not be changed."));
    if (failure) return;
    // The header reads the name from the session, which reads it from the account.
    await update();
    finish();
    setSaved("Your name is saved.");
  }

  return (
    <form ref={formRef} noValidate onSubmit={handleSubmit} className="max-w-sm">
      <FormAlert message={formError} />
      <TextField name="name" label="Name" autoComplete="name" defaultValue={currentName} hint="Shown beside the notes you share." error={fieldErrors.name} />
      <div className="mt-5 sm:w-48">
        <SubmitButton pending={pending} pendingLabel="Saving…">
          Change name
        </SubmitButton>
      </div>
      <SavedNotice message={saved} />
    </form>
  );
}
