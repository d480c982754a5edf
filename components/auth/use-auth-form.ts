"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { z } from "zod";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { useSession } from "./session-provider";

export type FieldErrors = Partial<Record<string, string>>;

/** Why a submit did not go through: shown beside the fields and/or above the form. */
export interface SubmitFailure {
  fieldErrors?: FieldErrors;
  formError?: string;
}

export const OFFLINE_MESSAGE = "Gloss could not be reached. Check your connection and try again.";

/** The first message per field, keyed by field name. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "");
    errors[field] ??= issue.message;
  }
  return errors;
}

/**
 * State shared by the account forms: field errors (focus moves to the first
 * invalid field whenever they are set), a form-wide error, one submit at a
 * time, and signing in with the return trip.
 */
export function useAuthForm(callbackPath: string) {
  const router = useRouter();
  const { signIn } = useSession();
  const formRef = useRef<HTMLFormElement>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // State lags a render behind; the ref stops a second submit in the same tick.
  const pendingRef = useRef(false);

  useEffect(() => {
    formRef.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
  }, [fieldErrors]);

  function showFailure(failure: SubmitFailure) {
    setFieldErrors(failure.fieldErrors ?? {});
    setFormError(failure.formError ?? null);
  }

  /**
   * Runs `task` unless one is running. A failure is shown and ends the
   * pending state; success keeps it while the page navigates away.
   */
  async function submit(task: () => Promise<SubmitFailure | null>): Promise<SubmitFailure | null> {
    if (pendingRef.current) return null;
    pendingRef.current = true;
    setPending(true);
    setFormError(null);
    const failure = await task();
    if (failure) {
      pendingRef.current = false;
      setPending(false);
      showFailure(failure);
    }
    return failure;
  }

  /** After a success that stays on the page: the form is ready again, with no errors. */
  function finish() {
    pendingRef.current = false;
    setPending(false);
    showFailure({});
  }

  /** Signs in, then goes back where the reader came from. */
  async function signInAndReturn(credentials: { email: string; password: string }): Promise<SubmitFailure | null> {
    try {
      const error = await signIn(credentials);
      if (error) return { formError: signInErrorMessage(error) };
    } catch {
      return { formError: OFFLINE_MESSAGE };
    }
    router.replace(callbackPath);
    return null;
  }

  return { formRef, fieldErrors, formError, pending, showFailure, submit, finish, signInAndReturn };
}
