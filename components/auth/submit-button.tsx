import { LoaderCircleIcon } from "lucide-react";
import type { ReactNode } from "react";
import { FOCUS_RING } from "@/components/ui/ui-classes";

/**
 * The form's one primary action. While pending it says so and the form
 * ignores further submits; it is aria-disabled rather than disabled so
 * keyboard focus stays on it instead of falling back to the page.
 */
export function SubmitButton({ pending, pendingLabel, children }: { pending: boolean; pendingLabel: string; children: ReactNode }) {
  return (
    <button
      type="submit"
      aria-disabled={pending}
      className={`inline-flex h-11 w-full items-center justify-center gap-2 rounded-lg bg-ink px-4 text-[0.9375rem] font-semibold text-paper transition-opacity hover:opacity-90 ${FOCUS_RING} aria-disabled:cursor-wait aria-disabled:opacity-75`}
    >
      {pending && <LoaderCircleIcon aria-hidden className="size-4 animate-spin" strokeWidth={2.25} />}
      {pending ? pendingLabel : children}
    </button>
  );
}
