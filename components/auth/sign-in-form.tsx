"use client";

import { useSession } from "@/components/auth/session-provider";
import { IntentPrefetchLink } from "@/components/ui/intent-prefetch-link";
import { useRef, type FormEvent } from "react";
import { signInSchema } from "@/lib/api/accounts";
import { authLinkClass } from "./auth-card";
import { AuthForm } from "./auth-form";
import { PasswordField } from "./password-field";
import { TextField } from "./text-field";
import { fieldErrorsOf, useAuthForm } from "./use-auth-form";

export function SignInForm({ callbackPath }: { callbackPath: string }) {
  const { data: session, status } = useSession();
  const form = useAuthForm(callbackPath);
  const { fieldErrors, pending, showFailure, submit, signInAndReturn } = form;
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
        <IntentPrefetchLink href={callbackPath} className={authLinkClass}>
          Continue reading
        </IntentPrefetchLink>
      </p>
    );
  }

  return (
    <AuthForm form={form} layout="page" onSubmit={handleSubmit} submitLabel="Sign in" pendingLabel="Signing in…">
      <TextField name="email" label="Email" type="email" autoComplete="email" inputMode="email" spellCheck={false} error={fieldErrors.email} />
      <PasswordField ref={passwordRef} name="password" label="Password" purpose="current" error={fieldErrors.password} />
    </AuthForm>
  );
}
