import type { FormEvent, ReactNode } from "react";
import { FormAlert } from "./form-alert";
import { SubmitButton } from "./submit-button";
import type { useAuthForm } from "./use-auth-form";

/** Where the form stands: alone on the sign-in or sign-up page, or in a section of the account page. */
const LAYOUTS = {
  page: { form: { method: "post" }, actions: "mt-8" },
  section: { form: { className: "max-w-sm" }, actions: "mt-5 sm:w-48" },
} as const;

/**
 * An account form's frame: the form-wide alert, the fields one above the
 * other, the one submit button, and then `footer` (e.g. the account page's
 * saved notice).
 */
export function AuthForm({
  form: { formRef, formError, pending },
  layout,
  onSubmit,
  submitLabel,
  pendingLabel,
  footer,
  children,
}: {
  form: Pick<ReturnType<typeof useAuthForm>, "formRef" | "formError" | "pending">;
  layout: keyof typeof LAYOUTS;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  submitLabel: string;
  pendingLabel: string;
  footer?: ReactNode;
  children: ReactNode;
}) {
  const { form: formProps, actions } = LAYOUTS[layout];
  return (
    <form ref={formRef} {...formProps} noValidate onSubmit={onSubmit}>
      <FormAlert message={formError} />
      <div className="space-y-5">{children}</div>
      <div className={actions}>
        <SubmitButton pending={pending} pendingLabel={pendingLabel}>
          {submitLabel}
        </SubmitButton>
      </div>
      {footer}
    </form>
  );
}
