"use client";

import type { FormEvent } from "react";
import { accountEndpoints, signUpSchema, type SignUpInput } from "@/lib/api/accounts";
import { AuthForm } from "./auth-form";
import { PasswordField } from "./password-field";
import { TextField } from "./text-field";
import { submitToApi } from "./submit-to-api";
import { fieldErrorsOf, useAuthForm, type SubmitFailure } from "./use-auth-form";

/** POST /api/accounts; the server's field errors (e.g. email already registered) come back per field. */
function createAccount(input: SignUpInput): Promise<SubmitFailure | null> {
  return submitToApi(accountEndpoints.create(), input, "Your account could not be created. Please try again.");
}

export function SignUpForm({ callbackPath }: { callbackPath: string }) {
  const form = useAuthForm(callbackPath);
  const { fieldErrors, showFailure, submit, signInAndReturn } = form;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = signUpSchema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    if (!input.success) return showFailure({ fieldErrors: fieldErrorsOf(input.error) });
    await submit(async () => {
      const failure = await createAccount(input.data);
      if (failure) return failure;
      const signInFailure = await signInAndReturn({ email: input.data.email, password: input.data.password });
      return signInFailure && { formError: `Your account is ready, but signing in did not work. ${signInFailure.formError ?? ""}`.trim() };
    });
  }

  return (
    <AuthForm form={form} layout="page" onSubmit={handleSubmit} submitLabel="Create account" pendingLabel="Creating your account…">
      <TextField name="name" label="Name" autoComplete="name" hint="Shown beside the notes you share." error={fieldErrors.name} />
      <TextField name="email" label="Email" type="email" autoComplete="email" inputMode="email" spellCheck={false} error={fieldErrors.email} />
      <PasswordField name="password" label="Password" purpose="new" error={fieldErrors.password} />
    </AuthForm>
  );
}
