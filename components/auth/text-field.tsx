import type { ComponentProps } from "react";

export type TextFieldProps = Omit<ComponentProps<"input">, "id" | "name" | "aria-invalid" | "aria-describedby"> & {
  name: string;
  label: string;
  /** Shown under the field until an error takes its place. */
  hint?: string;
  error?: string;
};

/** A labelled input whose hint or error is tied to it for screen readers. */
export function TextField({ name, label, hint, error, ...inputProps }: TextFieldProps) {
  const id = `field-${name}`;
  const noteId = `${id}-note`;
  const note = error ?? hint;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={note ? noteId : undefined}
        className="mt-1.5 block h-11 w-full rounded-lg border border-rule bg-paper px-3.5 text-base text-ink shadow-inner shadow-black/[0.02] transition-colors placeholder:text-ink-muted/70 hover:border-ink-muted/50 focus:border-focus focus:outline-2 focus:outline-offset-0 focus:outline-focus/30 aria-invalid:border-red-600 aria-invalid:focus:outline-red-600/25 dark:aria-invalid:border-red-400"
        {...inputProps}
      />
      {note && (
        <p id={noteId} className={error ? "mt-1.5 text-sm text-red-700 dark:text-red-300" : "mt-1.5 text-sm text-ink-muted"}>
          {note}
        </p>
      )}
    </div>
  );
}
