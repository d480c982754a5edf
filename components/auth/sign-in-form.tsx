"use client";

import { useSession } from "@/components/auth/session-provider";
import Link from "next/link";
import { useRef, type FormEvent } from "react";
import { signInSchema } from "@/lib/api/accounts";
import { authLinkClass } from "./auth-card";
import { FormAlert } from "./form-alert";
import { SubmitButton } from "./submit-button";
import { TextField } from "./text-field";
import { fieldErrorsOf, useAuthForm } from "./use-auth-form";

export function SignInForm({ callbackPath }: { callbackPath: string }) {
  const { data: session, status } = useSession();
  const { formRef, fieldErrors, formError, pending, showFailure, submit, signInAndReturn } = useAuthForm(callbackPath);
  const passwordRef = useRef<HTMLInputElement>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = signInSchema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    if (!input.success) return showFailure({ fieldErrors: fieldErrorsOf(input.error) });
    const failure = await submit(() => signInAndReturn(input.data));
    // Wrong password or locked out: the next try starts from an empty password field.
    if (failure && passwordRef.current) {
      passwordRef.current.value = "";
      passwordRef.current.focus();
    }
  }

  // Someone already signed in who opens this page: no form, just the way on (or out via the header).
  if (status === "authenticated" && !pending) {
    return (
      <p className="text-[0.9375rem] leading-relaxed text-ink">
        You are signed in as <strong className="font-semibold break-words"><bdi>{session.user.name}</bdi></strong>.{" "}
        <Link href={callbackPath} className={authLinkClass}>
          Continue reading
        </Link>
      </p>
    );
  }

  return (
    <form ref={formRef} method="post" noValidate onSubmit={handleSubmit}>
      <FormAlert message={formError} />
      <div className="space-y-5">
        <TextField name="email" label="Email" type="email" autoComplete="email" inputMode="email" spellCheck={false} error={fieldErrors.email} />
        <TextField
          ref={passwordRef}
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          error={fieldErrors.password}
        />
      </div>
      <div className="mt-8">
        <SubmitButton pending={pending} pendingLabel="Signing in…">
          Sign in
        </SubmitButton>
      </div>
    </form>
  );
}
