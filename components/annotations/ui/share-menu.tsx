"use client";

import { Check, Copy, Share2 } from "lucide-react";
import { useEffect, useId, useRef, useState, type RefObject } from "react";
import { toast } from "@/components/layout/toast";
import type { VisibilityName } from "@/lib/api/annotations";
import { MenuButton } from "@/components/ui/menu-button";
import { MENU_ITEM, POPOVER_SURFACE, TEXT_BUTTON } from "@/components/ui/ui-classes";
import { useFixedPlacement } from "@/components/ui/use-fixed-placement";
import { useMenuPopover } from "@/components/ui/use-menu-popover";
import { VISIBILITY_CHOICES, visibilityNotice } from "./visibility";

export function shareUrlOf(id: string): string {
  return `${window.location.origin}/n/${id}`;
}

async function copyToClipboard(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Who can see an annotation (Private, Link, Public as menu radio items,
 * changed at once) and "Copy link", which first opens a private note to
 * link holders, since a link only the author can follow is of no use to
 * anyone they send it to.
 */
export function ShareMenu({
  annotationId,
  visibility,
  onVisibilityChange,
}: {
  annotationId: string;
  visibility: VisibilityName;
  onVisibilityChange: (visibility: VisibilityName) => void;
}) {
  const [fallbackUrl, setFallbackUrl] = useState<string | null>(null);
  const popover = useMenuPopover("[aria-checked=true]");
  const { button, close } = popover;
  const id = useId();

  const choose = (next: VisibilityName) => {
    close();
    if (next === visibility) return;
    onVisibilityChange(next);
    toast.success(visibilityNotice(next));
  };

  const copyLink = async () => {
    close();
    const opened = visibility === "private";
    if (opened) onVisibilityChange("link");
    const url = shareUrlOf(annotationId);
    const message = opened ? "Link copied. Anyone with the link can now see this note." : "Link copied.";
    if (await copyToClipboard(url)) {
      toast.success(message);
    } else {
      setFallbackUrl(url);
      if (opened) toast.success("Anyone with the link can now see this note.");
    }
  };

  const closeFallback = (returnToButton: boolean) => {
    setFallbackUrl(null);
    if (returnToButton) button.current?.focus();
  };

  return (
    <MenuButton
      popover={popover}
      Icon={Share2}
      label="Share"
      className={`${TEXT_BUTTON} aria-expanded:bg-ink/5 dark:aria-expanded:bg-ink/10`}
      menuLabel="Share"
      menuClassName={`fixed z-10 w-72 rounded-xl p-1.5 shadow-xl ${POPOVER_SURFACE}`}
      opens="above"
      beside={fallbackUrl && <LinkToCopy url={fallbackUrl} anchor={button} onClose={closeFallback} />}
    >
      <div role="group" aria-label="Who can see this">
        {VISIBILITY_CHOICES.map(({ value, label, description, Icon }) => (
          <div
            key={value}
            role="menuitemradio"
            aria-checked={value === visibility}
            aria-labelledby={`${id}-${value}-label`}
            aria-describedby={`${id}-${value}-description`}
            tabIndex={-1}
            onClick={() => choose(value)}
            onKeyDown={(event) => {
              if (event.key === "Enter" || event.key === " ") {
                event.preventDefault();
                choose(value);
              }
            }}
            className={MENU_ITEM}
          >
            <Icon aria-hidden className="mt-0.5 size-4 shrink-0 text-ink-muted" />
            <span className="flex-1">
              <span id={`${id}-${value}-label`} className="block text-sm font-medium">
                {label}
              </span>
              <span id={`${id}-${value}-description`} className="block text-xs text-ink-muted">
                {description}
              </span>
            </span>
            <Check aria-hidden className={`mt-0.5 size-4 shrink-0 text-accent ${value === visibility ? "" : "invisible"}`} />
          </div>
        ))}
      </div>
      <div role="separator" className="my-1 h-px bg-rule" />
      <div
        role="menuitem"
        tabIndex={-1}
        onClick={copyLink}
        onKeyDown={(event) => {
          if (event.key === "Enter" || event.key === " ") {
            event.preventDefault();
            void copyLink();
          }
        }}
        className={`${MENU_ITEM} items-center text-sm font-medium`}
      >
        <Copy aria-hidden className="size-4 text-ink-muted" />
        Copy link
      </div>
    </MenuButton>
  );
}

/** Where the clipboard is out of reach: the link, selected to copy by hand, until focus leaves it or Escape (back to the menu button). */
function LinkToCopy({ url, anchor, onClose }: { url: string; anchor: RefObject<HTMLElement | null>; onClose: (returnToButton: boolean) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  useFixedPlacement(true, anchor, box, "above");

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [url]);

  return (
    <div ref={box} className={`fixed z-10 w-72 rounded-xl p-3 shadow-xl ${POPOVER_SURFACE}`}>
      <label htmlFor={id} className="mb-1 block text-xs text-ink-muted">
        Copy this link to share the note
      </label>
      <input
        ref={input}
        id={id}
        readOnly
        value={url}
        onFocus={(event) => event.currentTarget.select()}
        onBlur={() => onClose(false)}
        onKeyDown={(event) => {
          if (event.key === "Escape") {
            event.stopPropagation();
            onClose(true);
          }
        }}
        className="w-full rounded-md border border-rule bg-paper px-2 py-1 font-mono text-xs text-ink"
      />
    </div>
  );
}
