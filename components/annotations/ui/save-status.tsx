"use client";

import { Check, CircleAlert, CloudOff, LoaderCircle } from "lucide-react";
import { TEXT_BUTTON } from "@/components/ui/ui-classes";
import type { SaveState } from "@/components/annotations/state/outbox/outbox";
import { useCurrentOutbox, useSaveState } from "@/components/annotations/state/outbox/use-outbox";

const WORDS: Record<Exclude<SaveState["kind"], "failed">, string> = {
  saving: "Saving…",
  saved: "Saved",
  offline: "Offline — will save when you're back",
};

function StateIcon({ state }: { state: SaveState }) {
  const className = "size-3.5 shrink-0";
  switch (state.kind) {
    case "saving":
      return <LoaderCircle aria-hidden className={`${className} animate-spin motion-reduce:animate-none`} />;
    case "saved":
      return <Check aria-hidden className={className} />;
    case "offline":
      return <CloudOff aria-hidden className={className} />;
    case "failed":
      return <CircleAlert aria-hidden className={className} />;
  }
}

/**
 * How an annotation's writes stand, in words and an icon: "Saving…",
 * "Saved", "Offline — will save when you're back", or "Couldn't save: …" with
 * Retry and Discard. `quiet` (the list) leaves out "Saved", every entry's
 * normal state.
 */
export function SaveStatus({ annotationId, quiet = false, className = "" }: { annotationId: string; quiet?: boolean; className?: string }) {
  const outbox = useCurrentOutbox();
  const state = useSaveState(outbox, annotationId);
  if (!outbox || !state || (quiet && state.kind === "saved")) return null;

  if (state.kind === "failed") {
    return (
      <div data-save-state="failed" className={`${className} flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-red-700 dark:text-red-300`}>
        <p role="alert" className="flex min-w-0 flex-1 items-center gap-1.5">
          <StateIcon state={state} />
          <span>Couldn&apos;t save: {state.message}</span>
        </p>
        <span className="flex gap-1">
          <button type="button" className={TEXT_BUTTON} onClick={() => void outbox.retry(annotationId)}>
            Retry
          </button>
          <button type="button" className={TEXT_BUTTON} onClick={() => void outbox.discard(annotationId)}>
            Discard
          </button>
        </span>
      </div>
    );
  }
  return (
    <p role="status" data-save-state={state.kind} className={`${className} flex items-center gap-1.5 text-xs text-ink-muted`}>
      <StateIcon state={state} />
      <span>{WORDS[state.kind]}</span>
    </p>
  );
}
