"use client";

import { Check } from "lucide-react";
import { FOCUS_RING } from "@/components/ui/ui-classes";
import { HIGHLIGHT_COLORS, type HighlightColorName } from "@/lib/api/annotation-constants";

export const COLOR_LABELS: Record<HighlightColorName, string> = {
  yellow: "Yellow",
  green: "Green",
  blue: "Blue",
  pink: "Pink",
  purple: "Purple",
};

/** A swatch shows the colour as on the page: the translucent highlight over the page's own background. */
export function ColorSwatch({ color, className = "size-4" }: { color: HighlightColorName; className?: string }) {
  return (
    <span aria-hidden className={`relative inline-block shrink-0 overflow-hidden rounded-full bg-paper ring-1 ring-ink/20 ${className}`}>
      {/* Twice over: the page's translucent tint reads too faint at the size of a dot. */}
      <span className="absolute inset-0" style={{ backgroundColor: `var(--highlight-${color})`, boxShadow: `inset 0 0 0 1rem var(--highlight-${color})` }} />
    </span>
  );
}

/**
 * The five highlight colours as toggle buttons (aria-pressed), one pressed.
 * Plain buttons rather than a radio group so they sit in a toolbar's single
 * arrow-key sequence with the other actions.
 */
export function ColorChoice({
  value,
  onChange,
}: {
  value: HighlightColorName;
  onChange: (color: HighlightColorName) => void;
}) {
  return (
    <div role="group" aria-label="Colour" className="flex items-center">
      {HIGHLIGHT_COLORS.map((color) => {
        const pressed = color === value;
        return (
          <button
            key={color}
            type="button"
            aria-label={COLOR_LABELS[color]}
            aria-pressed={pressed}
            title={COLOR_LABELS[color]}
            onClick={() => onChange(color)}
            className={`group grid size-7 shrink-0 place-items-center rounded-full ${FOCUS_RING} focus-visible:outline-offset-0`}
          >
            <span
              className={`relative grid place-items-center rounded-full transition-transform duration-100 group-hover:scale-110 motion-reduce:transition-none ${
                pressed ? "ring-2 ring-ink/80 ring-offset-2 ring-offset-surface" : ""
              }`}
            >
              <ColorSwatch color={color} className="size-[1.125rem]" />
              {pressed && <Check aria-hidden className="absolute size-3 text-ink" strokeWidth={3} />}
            </span>
          </button>
        );
      })}
    </div>
  );
}
