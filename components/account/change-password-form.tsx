"use client";

import { useState, type FormEvent } from "react";
import { AuthForm } from "@/components/auth/auth-form";
import { PasswordField } from "@/components/auth/password-field";
import { fieldErrorsOf, useAuthForm } from "@/components/auth/use-auth-form";
import { changePasswordSchema, accountEndpoints } from "@/lib/api/accounts";
import { SavedNotice } from "./account-section";
import { submitToApi } from "@/components/auth/submit-to-api";

export function ChangePasswordForm() {
  const form = useAuthForm("/account");
  const { fieldErrors, showFailure, submit, finish } = form;
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
    <AuthForm form={form} layout="section" onSubmit={handleSubmit} submitLabel="Change password" pendingLabel="Changing…" footer={<SavedNotice message={saved} />}>
      <PasswordField name="currentPassword" label="Current password" purpose="current" error={fieldErrors.currentPassword} />
      <PasswordField name="newPassword" label="New password" purpose="new" error={fieldErrors.newPassword} />
    </AuthForm>
  );
}
