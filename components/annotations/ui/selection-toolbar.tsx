"use client";

import { Highlighter, LogIn, MessageSquarePlus } from "lucide-react";
import { useLayoutEffect, useRef, type Ref } from "react";
import { createPortal } from "react-dom";
import { overlayContainer } from "../dom/page-box";
import { QUOTE_MAX_LENGTH, type HighlightColorName } from "@/lib/api/annotation-constants";
import { formatCount } from "@/lib/format/english-format";
import { ColorChoice } from "./color-choice";
import { handleRovingKeyDown, initRovingFocus } from "@/components/ui/roving-focus";
import { POPOVER_SURFACE, TEXT_BUTTON } from "@/components/ui/ui-classes";
import { usePopoverPosition } from "@/components/ui/use-popover-position";
import type { TextSelection } from "../dom/use-text-selection";

const GAP = 10;
const EDGE = 8;

/**
 * Above the selection's first line, centred on it; below the last line when
 * there's no room above, and always below for touch, where the system's own
 * copy/paste menu takes the space above.
 */
function placeToolbar(selection: TextSelection, { width, height }: { width: number; height: number }) {
  const { firstLine, lastLine, pointer } = selection;
  const roomAbove = firstLine.top - window.scrollY > height + GAP + EDGE;
  const below = pointer === "touch" || !roomAbove;
  const line = below ? lastLine : firstLine;
  const center = (line.left + line.right) / 2;
  const maxLeft = window.scrollX + document.documentElement.clientWidth - width - EDGE;
  return {
    top: below ? lastLine.bottom + GAP + (pointer === "touch" ? 16 : 0) : firstLine.top - height - GAP,
    left: Math.max(window.scrollX + EDGE, Math.min(maxLeft, center - width / 2)),
  };
}

export function SelectionToolbar({
  selection,
  signedIn,
  signInHref,
  color,
  onColorChange,
  onHighlight,
  onAddNote,
  onDismiss,
  ref,
}: {
  selection: TextSelection;
  signedIn: boolean;
  signInHref: string;
  color: HighlightColorName;
  onColorChange: (color: HighlightColorName) => void;
  onHighlight: () => void;
  onAddNote: () => void;
  onDismiss: () => void;
  ref?: Ref<HTMLDivElement>;
}) {
  const element = useRef<HTMLDivElement | null>(null);
  const highlightButton = useRef<HTMLButtonElement>(null);
  usePopoverPosition(element, (size) => placeToolbar(selection, size));
  const tooLong = selection.end - selection.start > QUOTE_MAX_LENGTH;

  useLayoutEffect(() => initRovingFocus(element.current, highlightButton.current), [signedIn, tooLong]);

  const setRefs = (node: HTMLDivElement | null) => {
    element.current = node;
    if (typeof ref === "function") ref(node);
    else if (ref) ref.current = node;
  };

  return createPortal(
    <div
      ref={setRefs}
      role="toolbar"
      aria-label="Highlight selection"
      aria-orientation="horizontal"
      data-gloss-ui=""
      // Pressing a control must not collapse the selection it acts on.
      onMouseDown={(event) => event.preventDefault()}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onDismiss();
          return;
        }
        handleRovingKeyDown(event, "horizontal");
      }}
      className={`absolute z-40 flex max-w-[calc(100vw-1rem)] items-center gap-1 rounded-xl p-1 font-sans select-none ${POPOVER_SURFACE}`}
    >
      {!signedIn ? (
        <a href={signInHref} className={TEXT_BUTTON}>
          <LogIn aria-hidden className="size-4" />
          Sign in to highlight
        </a>
      ) : tooLong ? (
        <p className="px-2.5 py-1.5 text-sm text-ink-muted" role="status">
          Select up to {formatCount(QUOTE_MAX_LENGTH)} characters to highlight.
        </p>
      ) : (
        <>
          <ColorChoice value={color} onChange={onColorChange} />
          <span aria-hidden className="mx-0.5 h-5 w-px bg-rule" />
          <button ref={highlightButton} type="button" className={TEXT_BUTTON} onClick={onHighlight} aria-keyshortcuts="H" title="Highlight (H)">
            <Highlighter aria-hidden className="size-4" />
            {/* Phones have room for the icons only; the name stays for assistive technology. */}
            <span className="max-sm:sr-only">Highlight</span>
          </button>
          <button type="button" className={TEXT_BUTTON} onClick={onAddNote} aria-keyshortcuts="N" title="Add note (N)">
            <MessageSquarePlus aria-hidden className="size-4" />
            <span className="max-sm:sr-only">Add note</span>
          </button>
        </>
      )}
    </div>,
    overlayContainer(),
  );
}
