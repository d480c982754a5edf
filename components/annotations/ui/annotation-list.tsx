"use client";

import { Highlighter, LogIn, Unlink } from "lucide-react";
import { memo, useId, useState, type ReactNode } from "react";
import type { AnnotationDto, HighlightColorName } from "@/lib/api/annotations";
import { notePreview, truncate } from "./note-preview";
import { SaveStatus } from "@/components/annotations/ui/save-status";
import { RelativeTime } from "./relative-time";
import { FOCUS_RING, TEXT_BUTTON } from "@/components/ui/ui-classes";
import { ReplyCount } from "./replies/reply-count";

export type AnnotationFilter = "mine" | "everyone";

export interface AnnotationListProps {
  /** The annotations placed in the text, in document order. */
  annotations: readonly AnnotationDto[];
  detached: readonly AnnotationDto[];
  loading: boolean;
  signedIn: boolean;
  signInHref: string;
  showFilter: boolean;
  filter: AnnotationFilter;
  onFilterChange: (filter: AnnotationFilter) => void;
  activeId: string | null;
  onChoose: (id: string, from: HTMLElement) => void;
  onDeleteDetached: (id: string) => void;
  /** A control at the end of the heading row (the bottom sheet's close button). */
  headerAction?: ReactNode;
}

function FilterControl({ value, onChange }: { value: AnnotationFilter; onChange: (value: AnnotationFilter) => void }) {
  const name = useId();
  return (
    <fieldset className="flex rounded-lg bg-ink/5 p-0.5 text-xs font-medium dark:bg-ink/10">
      <legend className="sr-only">Show annotations by</legend>
      {(["mine", "everyone"] as const).map((option) => (
        <label
          key={option}
          className="relative cursor-pointer rounded-md px-2.5 py-1 text-ink-muted transition-colors has-checked:bg-surface has-checked:text-ink has-checked:shadow-sm has-focus-visible:outline-2 has-focus-visible:outline-focus dark:has-checked:bg-ink/15"
        >
          <input
            type="radio"
            name={name}
            value={option}
            checked={value === option}
            onChange={() => onChange(option)}
            className="absolute inset-0 size-full cursor-pointer appearance-none rounded-md"
          />
          {option === "mine" ? "Mine" : "Everyone"}
        </label>
      ))}
    </fieldset>
  );
}

function colorBar(color: HighlightColorName) {
  const tint = `var(--highlight-${color})`;
  return { backgroundColor: tint, boxShadow: `inset 0 0 0 1rem ${tint}` };
}

// Memoised: with a thousand annotations, a change to one must not re-render the rest.
const Entry = memo(function Entry({
  annotation,
  active,
  onChoose,
}: {
  annotation: AnnotationDto;
  active: boolean;
  onChoose: AnnotationListProps["onChoose"];
}) {
  return (
    <li className="[contain-intrinsic-size:auto_5.5rem] [content-visibility:auto]">
      <button
        type="button"
        data-annotation-id={annotation.id}
        aria-current={active ? "true" : undefined}
        onClick={(event) => onChoose(annotation.id, event.currentTarget)}
        className={`group flex w-full gap-3 rounded-xl px-3 py-2.5 text-start transition-colors hover:bg-ink/5 aria-[current=true]:bg-ink/5 dark:hover:bg-ink/10 dark:aria-[current=true]:bg-ink/10 ${FOCUS_RING} focus-visible:outline-offset-0`}
      >
        {/* A mark in the margin: the reader's colour, or the underline tone of others' notes. */}
        {annotation.isOwn ? (
          <span aria-hidden className="w-1 shrink-0 self-stretch rounded-full" style={colorBar(annotation.color)} />
        ) : (
          <span aria-hidden className="flex w-1 shrink-0 justify-center self-stretch">
            <span className="w-px bg-[var(--highlight-others-underline)]" />
          </span>
        )}
        <span className="flex min-w-0 flex-1 flex-col gap-1">
          <span dir="auto" className="line-clamp-2 font-serif text-[0.9375rem] leading-snug text-ink">
            “{truncate(annotation.quote.exact, 180)}”
          </span>
          {annotation.note && (
            <span dir="auto" className="line-clamp-2 text-sm leading-snug text-ink-muted">
              {notePreview(annotation.note)}
            </span>
          )}
          {(!annotation.isOwn || annotation.replyCount > 0) && (
            <span className="flex flex-wrap items-center gap-x-2 text-xs">
              {!annotation.isOwn && <span className="font-medium text-ink-muted"><bdi>{annotation.author.name}</bdi></span>}
              <ReplyCount count={annotation.replyCount} />
            </span>
          )}
        </span>
      </button>
      {annotation.isOwn && <SaveStatus annotationId={annotation.id} quiet className="px-3 pb-1.5 ps-7" />}
    </li>
  );
});

function DetachedEntry({ annotation, onDelete }: { annotation: AnnotationDto; onDelete: (id: string) => void }) {
  const [confirming, setConfirming] = useState(false);
  return (
    <li className="flex flex-col gap-1 rounded-xl border border-dashed border-rule px-3 py-2.5">
      <span dir="auto" className="line-clamp-2 font-serif text-[0.9375rem] leading-snug text-ink-muted line-through decoration-ink-muted/50">
        “{truncate(annotation.quote.exact, 180)}”
      </span>
      {annotation.note && (
        <span dir="auto" className="line-clamp-3 text-sm text-ink">
          {notePreview(annotation.note, 280)}
        </span>
      )}
      <span className="flex items-center gap-2 text-xs text-ink-muted">
        {annotation.isOwn ? "You" : <bdi>{annotation.author.name}</bdi>} · <RelativeTime iso={annotation.createdAt} />
        {annotation.isOwn && (
          <button
            type="button"
            onClick={() => (confirming ? onDelete(annotation.id) : setConfirming(true))}
            onBlur={() => setConfirming(false)}
            className={`ml-auto ${TEXT_BUTTON} h-7 text-xs`}
          >
            {confirming ? "Delete for good?" : "Delete"}
          </button>
        )}
      </span>
    </li>
  );
}

/** Shown until the reader has annotations of their own. */
function HowToStart({ signedIn, signInHref }: { signedIn: boolean; signInHref: string }) {
  return (
    <div className="flex flex-col items-start gap-2 rounded-xl border border-dashed border-rule p-4 text-sm text-ink-muted">
      <Highlighter aria-hidden className="size-5 text-accent" strokeWidth={1.75} />
      <p className="font-medium text-ink">Select any passage to highlight it.</p>
      <p>{signedIn ? "Add a note to remember why it mattered, and share a link to it." : "Sign in to keep highlights and notes on what you read."}</p>
      {!signedIn && (
        <a href={signInHref} className={`inline-flex items-center gap-1.5 rounded font-medium text-accent underline-offset-2 hover:underline ${FOCUS_RING}`}>
          <LogIn aria-hidden className="size-4" />
          Sign in
        </a>
      )}
    </div>
  );
}

export const AnnotationList = memo(function AnnotationList(props: AnnotationListProps) {
  const { annotations, detached, loading, signedIn, signInHref, showFilter, filter, onFilterChange, activeId, onChoose } = props;
  const headingId = useId();
  const detachedId = useId();
  const empty = annotations.length === 0 && detached.length === 0;
  // Until the reader has annotations of their own, the panel teaches how to make one.
  const hasOwn = annotations.some((annotation) => annotation.isOwn) || detached.some((annotation) => annotation.isOwn);
  return (
    <div className="flex flex-col gap-3 font-sans">
      <div className="flex items-center justify-between gap-2">
        <h2 id={headingId} className="text-sm font-semibold text-ink">
          Annotations <span className="ml-1 font-normal text-ink-muted tabular-nums">{annotations.length + detached.length}</span>
        </h2>
        <div className="flex items-center gap-1">
          {showFilter && <FilterControl value={filter} onChange={onFilterChange} />}
          {props.headerAction}
        </div>
      </div>

      {loading && empty ? (
        <p className="text-sm text-ink-muted">Loading notes…</p>
      ) : (
        !hasOwn && <HowToStart signedIn={signedIn} signInHref={signInHref} />
      )}
      {annotations.length > 0 && (
        <ol aria-labelledby={headingId} className="-mx-3 flex flex-col gap-0.5">
          {annotations.map((annotation) => (
            <Entry key={annotation.id} annotation={annotation} active={annotation.id === activeId} onChoose={onChoose} />
          ))}
        </ol>
      )}

      {detached.length > 0 && (
        <section aria-labelledby={detachedId} className="flex flex-col gap-2 border-t border-rule pt-3">
          <h3 id={detachedId} className="flex items-center gap-1.5 text-sm font-semibold text-ink">
            <Unlink aria-hidden className="size-4 text-ink-muted" />
            Detached
          </h3>
          <p className="text-xs text-ink-muted">The passage this note was attached to has changed.</p>
          <ul className="flex flex-col gap-2">
            {detached.map((annotation) => (
              <DetachedEntry key={annotation.id} annotation={annotation} onDelete={props.onDeleteDetached} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
});
