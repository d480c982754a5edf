import type { ReactNode } from "react";
import { FOCUS_RING } from "@/components/ui/ui-classes";

/** The calm, centred frame of the sign-in and sign-up pages. */
export function AuthCard({ title, description, children, footer }: {
  title: string;
  description: string;
  children: ReactNode;
  footer: ReactNode;
}) {
  return (
    <div className="mx-auto w-full max-w-[26rem] px-4 py-12 sm:py-20">
      <section
        aria-labelledby="auth-card-title"
        className="rounded-2xl border border-rule bg-surface px-6 py-8 shadow-[0_1px_2px_rgb(0_0_0/0.04),0_8px_24px_-12px_rgb(0_0_0/0.12)] sm:px-9 sm:py-10"
      >
        <h1 id="auth-card-title" className="font-serif text-[1.75rem] leading-tight font-semibold tracking-[-0.01em] text-ink">
          {title}
        </h1>
        <p className="mt-2 text-[0.9375rem] leading-relaxed text-ink-muted">{description}</p>
        <div className="mt-8">{children}</div>
      </section>
      <p className="mt-6 text-center text-sm text-ink-muted">{footer}</p>
    </div>
  );
}

/** The quiet inline link style used beneath the card and inside forms. */
export const authLinkClass =
  `font-medium text-ink underline decoration-rule decoration-2 underline-offset-4 transition-colors hover:decoration-ink focus-visible:rounded-sm ${FOCUS_RING}`;
