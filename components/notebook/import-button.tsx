"use client";

import { Upload } from "lucide-react";
import { useRef, useState } from "react";
import { TEXT_BUTTON } from "@/components/ui/ui-classes";
import { notebookApi } from "./use-notebook";

/** "Import": a file chooser for our JSON or W3C JSON-LD; says what came in, or why nothing did. */
export function ImportButton({ onImported }: { onImported: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  const importFile = async (file: File) => {
    setBusy(true);
    setOutcome(null);
    try {
      const summary = await (await notebookApi()).importAnnotationsFile(file);
      setOutcome({ ok: true, text: summary.message });
      onImported();
    } catch (error) {
      const fieldErrors = (error as { fieldErrors?: Record<string, string[]> }).fieldErrors;
      const details = fieldErrors ? Object.entries(fieldErrors).slice(0, 5).map(([field, messages]) => `${field}: ${messages.join(" ")}`) : [];
      setOutcome({ ok: false, text: [error instanceof Error ? error.message : "The import failed.", ...details].join(" ") });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  };

  return (
    <div className="contents">
      <input
        ref={input}
        type="file"
        accept=".json,.jsonld,application/json,application/ld+json"
        aria-label="Import file"
        className="sr-only"
        tabIndex={-1}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void importFile(file);
        }}
      />
      <button type="button" aria-disabled={busy} onClick={() => !busy && input.current?.click()} className={`${TEXT_BUTTON} ring-1 ring-rule`}>
        <Upload aria-hidden className="size-4" />
        {busy ? "Importing…" : "Import"}
      </button>
      <p role="status" className={`basis-full text-sm ${outcome?.ok === false ? "text-red-700 dark:text-red-300" : "text-ink-muted"}`}>
        {outcome?.text}
      </p>
    </div>
  );
}
