"use client";

import { useSession } from "@/components/auth/session-provider";
import { startTransition, useDeferredValue, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import { AppToaster } from "@/components/layout/app-toaster";
import { toast } from "@/components/layout/toast";
import { v4 as uuidv4 } from "uuid";
import type { AnnotationDto } from "@/lib/api/annotations";
import { signInPath } from "@/lib/routes";
import { AnnotationCard, type ServerRenderedNote } from "./annotation-card";
import { annotationsAt, createAnnotationAnchorer, loadQuoteFinder, selectorsFor, type AnchoredAnnotation, type QuoteFinder } from "../anchor-annotations";
import type { AnnotationFilter } from "./annotation-list";
import { AnnotationsPanel } from "./annotations-panel";
import type { PaintedSpan } from "../dom/highlight-painter";
import "../dom/highlights.css";
import { KeyboardCaret } from "./keyboard-caret";
import { LiveUpdates } from "@/components/annotations/ui/live-updates";
import { NoteTooltip } from "./note-tooltip";
import { rangeBoxes } from "../dom/page-box";
import { focusRovingItem } from "@/components/ui/roving-focus";
import { SelectionToolbar } from "./selection-toolbar";
import { useAnnotationShortcuts } from "../dom/use-annotation-shortcuts";
import { useAnnotations } from "../state/use-annotations";
import { useArticlePainter } from "../dom/use-article-painter";
import { useCardState } from "../state/use-card-state";
import type { RevealMotion } from "../dom/card-placement";
import { useHighlightPointer } from "../dom/use-highlight-pointer";
import { ARTICLE_TEXT_HELP, useKeyboardSelection } from "../dom/use-keyboard-selection";
import { useMediaQuery } from "@/components/ui/use-media-query";
import { useLatestCallback } from "@/components/ui/use-latest-callback";
import { usePreferredColor } from "../state/use-preferred-color";
import { useTextSelection, type TextSelection } from "../dom/use-text-selection";

export interface AnnotationLayerProps {
  slug: string;
  focusAnnotationId?: string;
  initialAnnotations?: AnnotationDto[];
  /** A note as the server rendered it (the share page's), shown on its card while its text is unchanged. */
  serverRenderedNote?: ServerRenderedNote;
}

function signInHref(): string {
  const { pathname, search, hash } = window.location;
  return signInPath(pathname + search + hash);
}

/** Everything the reader does with highlights and notes, over an article that is already on screen. */
export default function AnnotationLayer({ slug, focusAnnotationId, initialAnnotations, serverRenderedNote }: AnnotationLayerProps) {
  const { data: session, status: sessionStatus } = useSession();
  const signedIn = sessionStatus === "authenticated";
  const user = session?.user;
  const viewer = useMemo(() => (signedIn && user ? { id: user.id, name: user.name } : null), [signedIn, user]);

  const painter = useArticlePainter();
  const store = useAnnotations({ slug, initialAnnotations, viewer });
  const [color, setColor] = usePreferredColor();
  const [filter, setFilter] = useState<AnnotationFilter>("everyone");
  const { card, opening, dispatch: cardAction, cardElement } = useCardState();
  const { selection, clear: clearSelection, readNow } = useTextSelection(sessionStatus === "loading" ? null : (painter?.index ?? null));
  const textHelpId = useId();
  const { caret, returnToText } = useKeyboardSelection(painter?.index ?? null, textHelpId);
  const compact = useMediaQuery("(max-width: 639px)");
  const [toolbar, setToolbar] = useState<HTMLDivElement | null>(null);
  const announcer = useRef<HTMLParagraphElement>(null);
  const newHighlightId = useRef<string | null>(null);
  const paintedOnce = useRef(false);
  const focusedOnce = useRef(false);

  const [findQuote, setFindQuote] = useState<QuoteFinder>();
  const anchorer = useMemo(() => (painter ? createAnnotationAnchorer(painter.index.text, findQuote) : null), [painter, findQuote]);
  const { anchored, detached, needsFinder } = useMemo(
    () => anchorer?.(store.annotations) ?? { anchored: [], detached: [], needsFinder: false },
    [anchorer, store.annotations],
  );
  // Stored positions nearly always hold: the engine's search loads only when one does not.
  useEffect(() => {
    if (!needsFinder) return;
    let current = true;
    void loadQuoteFinder().then((find) => current && setFindQuote(() => find));
    return () => {
      current = false;
    };
  }, [needsFinder]);
  const hasOthers = store.annotations.some((annotation) => !annotation.isOwn);
  const showFilter = signedIn && hasOthers;
  const visible = useMemo(
    () => (showFilter && filter === "mine" ? anchored.filter((item) => item.annotation.isOwn) : anchored),
    [anchored, filter, showFilter],
  );
  const draft = card?.kind === "draft" ? card.draft : null;

  // Paint before the browser does, so a new highlight shows in the frame that follows the click.
  // The performance marks are read by scripts/bench/reader-paint-bench.ts.
  useLayoutEffect(() => {
    if (!painter) return;
    const first = !paintedOnce.current && store.status !== "loading";
    const spans: PaintedSpan[] = visible.map(({ annotation, start, end }) => ({
      id: annotation.id,
      start,
      end,
      color: annotation.color,
      own: annotation.isOwn,
    }));
    if (draft) spans.push({ id: `draft:${draft.id}`, start: draft.start, end: draft.end, color: draft.color, own: true });
    painter.sync(spans);
    if (first) {
      paintedOnce.current = true;
      performance.mark("gloss:highlights-painted");
      if (performance.getEntriesByName("gloss:annotations-loaded").length > 0) {
        performance.measure("gloss:highlights-paint", "gloss:annotations-loaded", "gloss:highlights-painted");
      }
    }
    if (newHighlightId.current && spans.some((span) => span.id === newHighlightId.current)) {
      newHighlightId.current = null;
      performance.mark("gloss:highlight-added");
    }
  }, [painter, visible, draft, store.status]);

  const byId = useMemo(() => new Map(anchored.map((item) => [item.annotation.id, item])), [anchored]);

  const announce = (message: string) => {
    if (announcer.current) announcer.current.textContent = message;
  };

  /**
   * From the list or a shared link: the passage may be anywhere, so the card brings it into view (scrolling to it from
   * the list; at once as the page opens on a shared link's note) and it flashes.
   */
  const openAnnotation = useLatestCallback((id: string, from: HTMLElement | null, reveal: RevealMotion = "smooth") => {
    const item = byId.get(id);
    if (!painter || !item) return;
    painter.flash(item.start, item.end);
    cardAction({ type: "annotationOpened", ids: [id], reveal }, { from });
  });

  // The share page opens the reader on one note: once it has loaded, go there. A transition, like the layer's
  // first render (use-article-painter.ts): React renders the card in slices rather than in one task.
  useEffect(() => {
    if (!focusAnnotationId || focusedOnce.current || !painter || store.status === "loading") return;
    if (!byId.has(focusAnnotationId)) return;
    focusedOnce.current = true;
    startTransition(() => openAnnotation(focusAnnotationId, null, "instant"));
  });

  /** Whether the reader is selecting with the keyboard: in the text (with keyboard focus) or in the toolbar. */
  const selectingByKeyboard = () =>
    !!painter && (painter.index.root.matches(":focus-visible") || !!toolbar?.contains(document.activeElement));

  /** Done with a selection: a keyboard reader goes on in the text, from where the selection ended. */
  const letGoOfSelection = () => {
    const byKeyboard = selectingByKeyboard();
    clearSelection();
    if (byKeyboard) returnToText();
  };

  const highlightSelection = (target: TextSelection | null = selection) => {
    if (!target || !painter) return;
    const id = uuidv4();
    newHighlightId.current = id;
    void store.create({ id, color, note: null, ...selectorsFor(painter.index.text, target.start, target.end) });
    letGoOfSelection();
    announce("Highlighted.");
  };

  const startNote = (target: TextSelection | null = selection) => {
    if (!target || !painter) return;
    const draft = { id: uuidv4(), start: target.start, end: target.end, color };
    // A keyboard reader comes back to the text when the card closes.
    const from = selectingByKeyboard() ? (painter.index.root as HTMLElement) : null;
    clearSelection();
    cardAction({ type: "draftStarted", draft }, { from });
  };

  const saveDraft = (note: string) => {
    if (!draft || !painter) return;
    void store.create({ id: draft.id, color: draft.color, note: note || null, ...selectorsFor(painter.index.text, draft.start, draft.end) });
    cardAction({ type: "draftSaved" });
    announce(note ? "Note saved." : "Highlighted.");
  };

  const deleteAnnotation = (item: AnchoredAnnotation | undefined, annotation: AnnotationDto) => {
    // Focus moves on to a neighbouring entry of the list, not to the entry about to vanish.
    const entry = document.querySelector(`[data-annotation-id="${CSS.escape(annotation.id)}"]`)?.closest("li");
    const neighbour = (entry?.nextElementSibling ?? entry?.previousElementSibling)?.querySelector("button");
    cardAction({ type: "closed" }, { restoreFocus: neighbour ?? false });
    const restorable = item ? { ...annotation, position: { start: item.start, end: item.end } } : null;
    void store.remove(annotation.id);
    const message = annotation.note ? "Note deleted" : "Highlight deleted";
    toast(message, restorable ? { action: { label: "Undo", onClick: () => void store.restore(restorable) } } : undefined);
  };

  useAnnotationShortcuts({
    readSelection: readNow,
    canAnnotate: signedIn,
    toolbar,
    onHighlight: highlightSelection,
    onAddNote: startNote,
    onDismissSelection: letGoOfSelection,
    onEnterToolbar: () => focusRovingItem(toolbar),
    onLeaveToolbar: returnToText,
    onEscape: () => cardAction({ type: "closed" }),
  });

  const hovered = useHighlightPointer({
    index: painter?.index ?? null,
    hitsAt: (offset) => annotationsAt(visible, offset),
    onOpen: (items, at) => {
      cardAction({ type: "annotationOpened", ids: items.map((item) => item.annotation.id), at });
    },
    onDismiss: () => cardAction({ type: "dismissed" }),
  });

  // A new selection takes over from a card that is only being read.
  useEffect(() => {
    if (selection) cardAction({ type: "dismissed" });
  }, [selection, card, cardAction]);

  const activeAnnotation = card?.kind === "annotation" ? byId.get(card.activeId) : undefined;
  const cardSpan = card?.kind === "draft" ? card.draft : activeAnnotation;
  const clickedAt = card?.kind === "annotation" ? card.at : undefined;
  const cardAnchor = useMemo(() => {
    if (clickedAt) return clickedAt;
    const range = cardSpan && painter?.index.rangeFor(cardSpan.start, cardSpan.end);
    return range ? (rangeBoxes(range)?.all ?? null) : null;
  }, [clickedAt, cardSpan, painter]);

  useEffect(() => {
    // The annotation under an open card went away (deleted here, or its create failed).
    if (card?.kind === "annotation" && !activeAnnotation) cardAction({ type: "closed" }, { restoreFocus: false });
  }, [card, activeAnnotation, cardAction]);

  // The list re-renders after the text is painted, never in the way of a new highlight.
  const listed = useMemo(() => visible.map((item) => item.annotation), [visible]);
  const deferredListed = useDeferredValue(listed);
  const deferredDetached = useDeferredValue(detached);
  const deleteDetached = useLatestCallback((id: string) => {
    const annotation = detached.find((candidate) => candidate.id === id);
    if (annotation) deleteAnnotation(undefined, annotation);
  });
  const openId = card?.kind === "annotation" ? card.activeId : null;

  if (!painter) return null;
  return (
    <>
      <p ref={announcer} role="status" className="sr-only" />
      {/* Every toast answers something done here: the toaster is part of the layer, not of every page's first load. */}
      <AppToaster />
      <LiveUpdates slug={slug} store={store} initialAnnotations={initialAnnotations} />
      {/* Describes the article text (use-keyboard-selection.ts); outside it, whose text is the article's alone. */}
      <p id={textHelpId} hidden>
        {ARTICLE_TEXT_HELP}
      </p>
      {caret && <KeyboardCaret box={caret} />}
      {selection && !draft && sessionStatus !== "loading" && (
        <SelectionToolbar
          ref={setToolbar}
          selection={selection}
          signedIn={signedIn}
          signInHref={signInHref()}
          color={color}
          onColorChange={setColor}
          // The selection as it is now: the state behind the toolbar is updated on the next animation
          // frame, which a busy page can hold back while a keyboard reader already presses a button.
          onHighlight={() => highlightSelection(readNow() ?? selection)}
          onAddNote={() => startNote(readNow() ?? selection)}
          onDismiss={letGoOfSelection}
        />
      )}
      {card && (card.kind === "draft" || activeAnnotation) && (
        <AnnotationCard
          ref={cardElement}
          annotation={activeAnnotation?.annotation ?? null}
          serverRenderedNote={serverRenderedNote}
          draftColor={draft?.color ?? color}
          siblings={card.kind === "annotation" ? card.ids : []}
          editing={card.kind === "draft" || card.editing}
          anchor={cardAnchor}
          opening={opening}
          compact={compact}
          actions={{
            onClose: () => cardAction({ type: "closed" }),
            onSwitch: (id) => cardAction({ type: "switched", id }),
            onEditingChange: (editing) => cardAction({ type: "editingChanged", editing }),
            onSaveNote: (note) => {
              if (card.kind === "draft") return saveDraft(note);
              void store.update(card.activeId, { note: note || null });
              cardAction({ type: "noteSaved" });
              announce("Note saved.");
            },
            onColorChange: (next) => {
              if (card.kind !== "annotation") return;
              setColor(next);
              void store.update(card.activeId, { color: next });
            },
            onVisibilityChange: (visibility) => card.kind === "annotation" && void store.update(card.activeId, { visibility }),
            onTagsChange: (tags) => card.kind === "annotation" && void store.update(card.activeId, { tags }),
            onDelete: () => activeAnnotation && deleteAnnotation(activeAnnotation, activeAnnotation.annotation),
          }}
        />
      )}
      {hovered && !card && !selection && <NoteTooltip hovered={hovered} />}
      <AnnotationsPanel
        count={anchored.length + detached.length}
        annotations={deferredListed}
        detached={deferredDetached}
        loading={store.status === "loading"}
        signedIn={signedIn}
        signInHref={signInHref()}
        showFilter={showFilter}
        filter={filter}
        onFilterChange={setFilter}
        activeId={openId}
        onChoose={openAnnotation}
        onDeleteDetached={deleteDetached}
      />
    </>
  );
}
