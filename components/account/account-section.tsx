import type { ReactNode } from "react";

/** One titled part of the account page. */
export function AccountSection({ id, title, description, tone = "plain", children }: {
  id: string;
  title: string;
  description: ReactNode;
  tone?: "plain" | "danger";
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={id}
      className={`rounded-2xl border bg-surface px-6 py-7 shadow-[0_1px_2px_rgb(0_0_0/0.04)] sm:px-8 ${tone === "danger" ? "border-red-300 dark:border-red-400/40" : "border-rule"}`}
    >
      <h2 id={id} className="font-serif text-xl font-semibold text-ink">
        {title}
      </h2>
      <p className="mt-1.5 text-[0.9375rem] leading-relaxed text-ink-muted">{description}</p>
      <div className="mt-6">{children}</div>
    </section>
  );
}

/**
 * A quiet confirmation that the last change went through, announced politely. Empty, it takes no room, so the
 * section ends as far below its button as its title starts below its top.
 */
export function SavedNotice({ message }: { message: string | null }) {
  return (
    <p role="status" className="mt-3 text-sm text-ink-muted empty:mt-0">
      {message}
    </p>
  );
}
