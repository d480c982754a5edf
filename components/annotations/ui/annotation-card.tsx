"use client";

import { ChevronLeft, ChevronRight, MessageSquarePlus, Pencil, Trash2, X } from "lucide-react";
import { lazy, Suspense, useId, useRef, type ReactNode, type Ref } from "react";
import { createPortal } from "react-dom";
import type { AnnotationDto, HighlightColorName, VisibilityName } from "@/lib/api/annotations";
import { ColorChoice, ColorSwatch } from "./color-choice";
import { NoteEditor } from "./note-editor";
import type { PageBox } from "../dom/page-box";
import { SaveStatus } from "./save-status";
import { RelativeTime } from "./relative-time";
import { ReplyThread } from "./replies/reply-thread";
import { ShareMenu } from "./share-menu";
import { ICON_BUTTON, POPOVER_SURFACE, TEXT_BUTTON } from "@/components/ui/ui-classes";
import { useCardPlacement } from "../dom/use-card-placement";
import type { CardOpening } from "../state/card-state";
import { TagEditor } from "./tag-editor";
import { visibilityChoice } from "./visibility";

// react-markdown is most of the card's weight; it loads the first time a note is shown.
// Offline it may not load: the note is then shown as plain text rather than failing the page.
const NoteMarkdown = lazy(() =>
  import("./note-markdown").catch(() => ({
    default: ({ source }: { source: string }) => (
      <p dir="auto" className="text-sm whitespace-pre-wrap">
        {source}
      </p>
    ),
  })),
);

/** A note's Markdown as the server rendered it, which saves loading the renderer (react-markdown) to show it. */
export interface ServerRenderedNote {
  annotationId: string;
  /** The note it was rendered from: once the note is edited, the card renders the new text itself. */
  source: string;
  content: ReactNode;
}

export interface CardActions {
  onClose: () => void;
  onSwitch: (id: string) => void;
  onEditingChange: (editing: boolean) => void;
  onSaveNote: (note: string) => void;
  onColorChange: (color: HighlightColorName) => void;
  onVisibilityChange: (visibility: VisibilityName) => void;
  onTagsChange: (tags: string[]) => void;
  onDelete: () => void;
}

function titleOf(annotation: AnnotationDto | null): string {
  if (!annotation) return "New note";
  if (!annotation.isOwn) return `Note by ${annotation.author.name}`;
  return annotation.note ? "Your note" : "Your highlight";
}

export function AnnotationCard({
  annotation,
  serverRenderedNote,
  draftColor,
  siblings,
  editing,
  anchor,
  opening,
  compact,
  actions,
  ref,
}: {
  /** Null while writing the note of a highlight not saved yet. */
  annotation: AnnotationDto | null;
  serverRenderedNote?: ServerRenderedNote;
  draftColor: HighlightColorName;
  /** Annotations covering the same spot, innermost first, so the reader can step through them. */
  siblings: string[];
  editing: boolean;
  /** What the card hangs from: the passage, or the line that was clicked. */
  anchor: PageBox | null;
  opening: CardOpening;
  /** Docked to the bottom of the screen (phones) rather than floating by the passage. */
  compact: boolean;
  actions: CardActions;
  ref?: Ref<HTMLElement>;
}) {
  const element = useRef<HTMLElement | null>(null);
  useCardPlacement(element, anchor, { docked: compact, reveal: opening.reveal, openKey: opening.key });
  const titleId = useId();
  const own = annotation?.isOwn ?? true;
  const color = annotation?.color ?? draftColor;
  const position = annotation ? siblings.indexOf(annotation.id) : -1;

  const setRefs = (node: HTMLElement | null) => {
    element.current = node;
    if (typeof ref === "function") ref(node);
    else if (ref) ref.current = node;
  };

  const step = (delta: number) => {
    const next = siblings[(position + delta + siblings.length) % siblings.length];
    if (next) actions.onSwitch(next);
  };

  const Visibility = annotation && own ? visibilityChoice(annotation.visibility) : null;

  return createPortal(
    <section
      ref={setRefs}
      role="dialog"
      aria-labelledby={titleId}
      tabIndex={-1}
      data-gloss-ui=""
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          actions.onClose();
        }
      }}
      // Floating, at most the screen's height less room for a line or two of passage: a long note scrolls inside the
      // card, and ../dom/card-placement.ts can show the passage and the card's title together.
      className={`z-40 flex flex-col gap-3 p-4 font-sans outline-none ${POPOVER_SURFACE} ${
        compact
          ? "fixed inset-x-0 bottom-0 max-h-[70dvh] overflow-y-auto rounded-t-2xl pb-[max(1rem,env(safe-area-inset-bottom))]"
          : "absolute max-h-[calc(100dvh-8rem)] w-[24rem] max-w-[calc(100vw-1.5rem)] overflow-y-auto rounded-2xl shadow-xl"
      }`}
    >
      <div className="flex items-center gap-2">
        <ColorSwatch color={color} className="size-3.5" />
        <h2 id={titleId} className="min-w-0 flex-1 truncate text-sm font-semibold">
          {titleOf(annotation)}
        </h2>
        {siblings.length > 1 && position >= 0 && (
          <div className="flex items-center text-xs text-ink-muted tabular-nums">
            <button type="button" className={ICON_BUTTON} aria-label="Previous annotation here" onClick={() => step(-1)}>
              <ChevronLeft aria-hidden className="size-4" />
            </button>
            <span aria-live="polite">
              {position + 1} of {siblings.length}
            </span>
            <button type="button" className={ICON_BUTTON} aria-label="Next annotation here" onClick={() => step(1)}>
              <ChevronRight aria-hidden className="size-4" />
            </button>
          </div>
        )}
        <button type="button" className={ICON_BUTTON} aria-label="Close" onClick={actions.onClose}>
          <X aria-hidden className="size-4" />
        </button>
      </div>

      {editing ? (
        <NoteEditor
          key={annotation?.id ?? "draft"}
          initialValue={annotation?.note ?? ""}
          draftKey={annotation?.id ?? "new-note"}
          onSave={actions.onSaveNote}
          onCancel={() => actions.onEditingChange(false)}
        />
      ) : annotation?.note ? (
        serverRenderedNote?.annotationId === annotation.id && serverRenderedNote.source === annotation.note ? (
          serverRenderedNote.content
        ) : (
          <Suspense fallback={<p dir="auto" className="text-sm whitespace-pre-wrap">{annotation.note}</p>}>
            <NoteMarkdown source={annotation.note} />
          </Suspense>
        )
      ) : (
        !own && <p className="text-sm text-ink-muted italic">Highlighted without a note.</p>
      )}

      {annotation && !editing && <TagEditor tags={annotation.tags} editable={own} onChange={actions.onTagsChange} />}

      {annotation && (
        <p className="flex flex-wrap items-center gap-x-1.5 text-xs text-ink-muted">
          <span>
            Created <RelativeTime iso={annotation.createdAt} />
          </span>
          {new Date(annotation.updatedAt).getTime() - new Date(annotation.createdAt).getTime() > 1000 && (
            <>
              <span aria-hidden>·</span>
              <span>
                Edited <RelativeTime iso={annotation.updatedAt} />
              </span>
            </>
          )}
          {Visibility && (
            <>
              <span aria-hidden>·</span>
              <span className="inline-flex items-center gap-1">
                <Visibility.Icon aria-hidden className="size-3" />
                {Visibility.label}
              </span>
            </>
          )}
        </p>
      )}

      {annotation && own && <SaveStatus annotationId={annotation.id} />}

      {annotation && own && !editing && (
        <div className="-mx-1 flex flex-wrap items-center gap-x-0.5 gap-y-2 border-t border-rule pt-2">
          <ColorChoice value={annotation.color} onChange={actions.onColorChange} />
          <span className="min-w-2 flex-1" />
          <button type="button" className={TEXT_BUTTON} onClick={() => actions.onEditingChange(true)}>
            {annotation.note ? <Pencil aria-hidden className="size-4" /> : <MessageSquarePlus aria-hidden className="size-4" />}
            {annotation.note ? "Edit" : "Add note"}
          </button>
          <ShareMenu annotationId={annotation.id} visibility={annotation.visibility} onVisibilityChange={actions.onVisibilityChange} />
          <button type="button" className={ICON_BUTTON} aria-label="Delete" title="Delete" onClick={actions.onDelete}>
            <Trash2 aria-hidden className="size-4" />
          </button>
        </div>
      )}

      {annotation && annotation.visibility !== "private" && !editing && <ReplyThread key={annotation.id} annotation={annotation} />}
    </section>,
    document.body,
  );
}
