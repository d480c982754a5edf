"use client";

import { MessageSquareText, X } from "lucide-react";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { createPortal } from "react-dom";
import { overlayContainer } from "../dom/page-box";
import { AnnotationList, type AnnotationListProps } from "./annotation-list";
import { FOCUS_RING, ICON_BUTTON } from "@/components/ui/ui-classes";
import { useMediaQuery } from "@/components/ui/use-media-query";

const SLOT_ID = "annotations-panel-slot";
/** Where the reader's grid puts the slot beside the text (components/reader/article-typography.css). */
const SIDE_COLUMN_QUERY = "(min-width: 80rem)";

function trapFocus(event: KeyboardEvent<HTMLElement>) {
  if (event.key !== "Tab") return;
  const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>("button, a[href], input, [tabindex='0']")].filter(
    (element) => !element.hasAttribute("disabled") && element.getClientRects().length > 0,
  );
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

/**
 * The list of annotations: in the reader's right column on wide screens, and
 * on narrow ones a bottom sheet (a modal dialog) behind a floating button.
 */
export function AnnotationsPanel(props: AnnotationListProps & { count: number }) {
  const wide = useMediaQuery(SIDE_COLUMN_QUERY);
  // Client-only component: the reader page rendered the slot before this ran.
  const slot = wide ? document.getElementById(SLOT_ID) : null;
  const [sheetOpen, setSheetOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const sheet = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!sheetOpen) return;
    sheet.current?.focus();
    const { overflow } = document.body.style;
    document.body.style.overflow = "hidden";
    return () => {
      document.body.style.overflow = overflow;
    };
  }, [sheetOpen]);

  const closeSheet = (returnFocus: boolean) => {
    setSheetOpen(false);
    if (returnFocus) opener.current?.focus();
  };

  if (slot) {
    return createPortal(
      <aside aria-label="Annotations" data-gloss-ui="" className="sticky top-6 max-h-[calc(100dvh-3rem)] overflow-y-auto overscroll-contain px-1 pb-6">
        <AnnotationList {...props} />
      </aside>,
      slot,
    );
  }

  return createPortal(
    <>
      <button
        ref={opener}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={sheetOpen}
        onClick={() => setSheetOpen(true)}
        data-gloss-ui=""
        className={`fixed right-4 bottom-[max(1rem,env(safe-area-inset-bottom))] z-30 inline-flex h-11 items-center gap-2 rounded-full bg-ink px-4 font-sans text-sm font-semibold text-paper shadow-lg shadow-black/20 transition-opacity hover:opacity-90 ${FOCUS_RING}`}
      >
        <MessageSquareText aria-hidden className="size-4" />
        Annotations ({props.count})
      </button>
      {sheetOpen && (
        <div className="fixed inset-0 z-50 flex items-end" data-gloss-ui="">
          <div aria-hidden className="absolute inset-0 bg-black/30 dark:bg-black/60" onClick={() => closeSheet(true)} />
          <div
            ref={sheet}
            role="dialog"
            aria-modal="true"
            aria-label="Annotations"
            tabIndex={-1}
            onKeyDown={(event) => {
              if (event.key === "Escape") {
                event.stopPropagation();
                closeSheet(true);
              } else {
                trapFocus(event);
              }
            }}
            className="relative mx-auto flex max-h-[80dvh] w-full max-w-xl flex-col rounded-t-2xl bg-surface text-ink shadow-2xl outline-none"
          >
            <span aria-hidden className="mx-auto mt-2.5 h-1 w-10 shrink-0 rounded-full bg-rule" />
            <div className="overflow-y-auto overscroll-contain px-4 pt-2 pb-[max(1.5rem,env(safe-area-inset-bottom))]">
              <AnnotationList
                {...props}
                headerAction={
                  <button type="button" aria-label="Close annotations" onClick={() => closeSheet(true)} className={`${ICON_BUTTON} size-10 rounded-full`}>
                    <X aria-hidden className="size-5" />
                  </button>
                }
                onChoose={(id, from) => {
                  closeSheet(false);
                  props.onChoose(id, opener.current ?? from);
                }}
              />
            </div>
          </div>
        </div>
      )}
    </>,
    overlayContainer(),
  );
}
