"use client";

import { useState } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { SubmitButton } from "@/components/auth/submit-button";
import { useAuthForm } from "@/components/auth/use-auth-form";
import { SavedNotice } from "./account-section";
import { submitToApi } from "@/components/auth/submit-to-api";
import { accountEndpoints } from "@/lib/api/accounts";

/** Ends every session of the account but this one. */
export function SignOutEverywhere() {
  const { formRef, formError, pending, submit, finish } = useAuthForm("/account");
  const [done, setDone] = useState<string | null>(null);

  return (
    <form
      ref={formRef}
      noValidate
      className="sm:w-56"
      onSubmit={async (event) => {
        event.preventDefault();
        setDone(null);
        const failure = await submit(() => submitToApi(accountEndpoints.signOutEverywhere(), {}, "Your other devices could not be signed out."));
        if (failure) return;
        finish();
        setDone("Every other device is signed out.");
      }}
    >
      <FormAlert message={formError} />
      <SubmitButton pending={pending} pendingLabel="Signing out…">
        Sign out everywhere
      </SubmitButton>
      <SavedNotice message={done} />
    </form>
  );
}
