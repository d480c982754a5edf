import { CircleAlertIcon } from "lucide-react";

/** A whole-form error (wrong credentials, too many attempts), announced when it appears. */
export function FormAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div
      role="alert"
      className="mb-6 flex gap-2.5 rounded-lg border border-red-200 bg-red-50 px-3.5 py-3 text-sm leading-snug text-red-800 dark:border-red-400/30 dark:bg-red-400/10 dark:text-red-200"
    >
      <CircleAlertIcon aria-hidden className="mt-px size-4 shrink-0" strokeWidth={2} />
      <p>{message}</p>
    </div>
  );
}
