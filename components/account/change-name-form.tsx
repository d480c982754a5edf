"use client";

import { useSession } from "@/components/auth/session-provider";
import { useState, type FormEvent } from "react";
import { AuthForm } from "@/components/auth/auth-form";
import { TextField } from "@/components/auth/text-field";
import { fieldErrorsOf, useAuthForm } from "@/components/auth/use-auth-form";
import { changeNameSchema, accountEndpoints } from "@/lib/api/accounts";
import { SavedNotice } from "./account-section";
import { submitToApi } from "@/components/auth/submit-to-api";

export function ChangeNameForm({ currentName }: { currentName: string }) {
  const form = useAuthForm("/account");
  const { fieldErrors, showFailure, submit, finish } = form;
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
    <AuthForm form={form} layout="section" onSubmit={handleSubmit} submitLabel="Change name" pendingLabel="Saving…" footer={<SavedNotice message={saved} />}>
      <TextField name="name" label="Name" autoComplete="name" defaultValue={currentName} error={fieldErrors.name} />
    </AuthForm>
  );
}
