"use client";

import { useState, type FormEvent } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { SubmitButton } from "@/components/auth/submit-button";
import { TextField } from "@/components/auth/text-field";
import { fieldErrorsOf, useAuthForm } from "@/components/auth/use-auth-form";
import { PASSWORD_MIN_LENGTH, changePasswordSchema, accountEndpoints } from "@/lib/api/accounts";
import { SavedNotice } from "./account-section";
import { submitToApi } from "@/components/auth/submit-to-api";

export function ChangePasswordForm() {
  const { formRef, fieldErrors, formError, pending, showFailure, submit, finish } = useAuthForm("/account");
  const [saved, setSaved] = useState<string | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    const form = event.currentTarget;
    const input = changePasswordSchema.safeParse(Object.fromEntries(new FormData(form)));
    if (!input.success) return showFailure({ fieldErrors: fieldErrorsOf(input.error) });
    const failure = await submit(() => submitToApi(accountEndpoints.changePassword(), input.data, "Your password could not be changed."));
    if (failure) return;
    form.reset();
    finish();
    setSaved("Your password is changed. Every other device was signed out.");
  }

  return (
    <form ref={formRef} noValidate onSubmit={handleSubmit} className="max-w-sm">
      <FormAlert message={formError} />
      <div className="space-y-5">
        <TextField name="currentPassword" label="Current password" type="password" autoComplete="current-password" error={fieldErrors.currentPassword} />
        <TextField
          name="newPassword"
          label="New password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
          error={fieldErrors.newPassword}
        />
      </div>
      <div className="mt-5 sm:w-48">
        <SubmitButton pending={pending} pendingLabel="Changing…">
          Change password
        </SubmitButton>
      </div>
      <SavedNotice message={saved} />
    </form>
  );
}
