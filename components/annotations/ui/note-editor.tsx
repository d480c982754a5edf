"use client";

import { useEffect, useId, useRef, useState } from "react";
import { NOTE_MAX_LENGTH } from "@/lib/api/annotation-constants";
import { PRIMARY_BUTTON, TEXT_BUTTON } from "@/components/ui/ui-classes";
import { formatCount } from "@/lib/format/english-format";
import { clearNoteDraft, readNoteDraft, writeNoteDraft } from "../state/outbox/note-drafts";

/**
 * The note textbox with a live character count. Past the limit the field is
 * marked invalid, says so, and Save is disabled. Ctrl/⌘+Enter saves and
 * Escape cancels.
 */
export function NoteEditor({
  initialValue,
  draftKey,
  onSave,
  onCancel,
  label = "Note",
  submitLabel = "Save",
  placeholder = "Write a note… (Markdown works)",
  limitMessage = "Notes can be up to",
}: {
  initialValue: string;
  /** What is typed is kept under this key (./outbox/note-drafts.ts) until saved or cancelled, and comes back after a reload. */
  draftKey: string;
  onSave: (note: string) => void;
  onCancel: () => void;
  /** The textbox's accessible name. */
  label?: string;
  submitLabel?: string;
  placeholder?: string;
  limitMessage?: string;
}) {
  const [value, setValue] = useState(() => readNoteDraft(draftKey) ?? initialValue);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const length = value.length;
  const tooLong = length > NOTE_MAX_LENGTH;

  useEffect(() => {
    const field = textarea.current;
    if (!field) return;
    field.focus({ preventScroll: true });
    field.setSelectionRange(field.value.length, field.value.length);
  }, []);

  const save = () => {
    if (tooLong) return;
    clearNoteDraft(draftKey);
    onSave(value.trim());
  };
  const cancel = () => {
    clearNoteDraft(draftKey);
    onCancel();
  };

  return (
    <form
      className="flex flex-col gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <label htmlFor={`${id}-note`} className="sr-only">
        {label}
      </label>
      <textarea
        ref={textarea}
        id={`${id}-note`}
        dir="auto"
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          writeNoteDraft(draftKey, event.target.value);
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
            event.preventDefault();
            save();
          } else if (event.key === "Escape") {
            event.preventDefault();
            event.stopPropagation();
            cancel();
          }
        }}
        aria-invalid={tooLong}
        aria-describedby={`${id}-count${tooLong ? ` ${id}-error` : ""}`}
        placeholder={placeholder}
        rows={4}
        className="field-sizing-content max-h-[50vh] min-h-24 w-full resize-y rounded-lg border border-rule bg-paper px-3 py-2 font-sans text-[0.9375rem] leading-relaxed text-ink placeholder:text-ink-muted/80 focus:border-focus focus:outline-2 focus:outline-offset-0 focus:outline-focus/30 aria-invalid:border-red-600 aria-invalid:focus:outline-red-600/25 dark:aria-invalid:border-red-400"
      />
      <div className="flex items-center justify-between gap-3 text-xs">
        <span id={`${id}-count`} className={tooLong ? "font-medium text-red-700 tabular-nums dark:text-red-300" : "text-ink-muted tabular-nums"}>
          {formatCount(length)} / {formatCount(NOTE_MAX_LENGTH)}
          <span className="sr-only"> characters</span>
        </span>
        <div className="flex gap-2">
          <button
            type="button"
            onClick={cancel}
            className={TEXT_BUTTON}
          >
            Cancel
          </button>
          <button
            type="submit"
            disabled={tooLong}
            className={PRIMARY_BUTTON}
          >
            {submitLabel}
          </button>
        </div>
      </div>
      {tooLong && (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700 dark:text-red-300">
          {limitMessage} {formatCount(NOTE_MAX_LENGTH)} characters. This one is {formatCount(length - NOTE_MAX_LENGTH)} over.
        </p>
      )}
    </form>
  );
}
