"use client";

import { Download } from "lucide-react";
import { routes } from "@/lib/routes";
import { useEffect, useId, useRef, useState } from "react";
import { focusRovingItem, handleRovingKeyDown, initRovingFocus } from "@/components/ui/roving-focus";
import { MENU_ITEM, POPOVER_SURFACE, TEXT_BUTTON } from "@/components/ui/ui-classes";

const FORMATS = [
  { format: "md", label: "Markdown" },
  { format: "json", label: "JSON" },
  { format: "jsonld", label: "W3C Web Annotation" },
  { format: "csv", label: "CSV" },
] as const;

/** "Export" → a menu of formats; each downloads what the notebook shows now (its search and filters). */
export function ExportMenu({ filters }: { filters: URLSearchParams }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    initRovingFocus(menu.current);
    focusRovingItem(menu.current);
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown, true);
    return () => document.removeEventListener("pointerdown", onPointerDown, true);
  }, [open]);

  const hrefOf = (format: string) => {
    const query = new URLSearchParams(filters);
    query.delete("sort");
    query.set("format", format);
    if (filters.get("sort")) query.set("sort", filters.get("sort")!);
    return routes.api.annotationsExport(query);
  };

  return (
    <div className="relative">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen((value) => !value)}
        className={`${TEXT_BUTTON} ring-1 ring-rule`}
      >
        <Download aria-hidden className="size-4" />
        Export
      </button>
      {open && (
        <div
          ref={menu}
          id={id}
          role="menu"
          aria-label="Export format"
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              event.preventDefault();
              setOpen(false);
              button.current?.focus();
            } else handleRovingKeyDown(event, "vertical");
          }}
          className={`absolute right-0 z-30 mt-2 flex w-56 flex-col rounded-xl p-1.5 text-sm ${POPOVER_SURFACE}`}
        >
          {FORMATS.map(({ format, label }) => (
            <a key={format} role="menuitem" href={hrefOf(format)} download onClick={() => setOpen(false)} className={MENU_ITEM}>
              {label}
            </a>
          ))}
        </div>
      )}
    </div>
  );
}
