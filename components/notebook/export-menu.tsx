"use client";

import { Download } from "lucide-react";
import { MenuButton } from "@/components/ui/menu-button";
import { MENU_ITEM, POPOVER_SURFACE, TEXT_BUTTON } from "@/components/ui/ui-classes";
import { useMenuPopover } from "@/components/ui/use-menu-popover";
import { routes } from "@/lib/routes";

const FORMATS = [
  { format: "md", label: "Markdown" },
  { format: "json", label: "JSON" },
  { format: "jsonld", label: "W3C Web Annotation" },
  { format: "csv", label: "CSV" },
] as const;

/** "Export" → a menu of formats; each downloads what the notebook shows now (its search and filters). */
export function ExportMenu({ filters }: { filters: URLSearchParams }) {
  const popover = useMenuPopover();

  const hrefOf = (format: string) => {
    const query = new URLSearchParams(filters);
    query.set("format", format);
    return routes.api.annotationsExport(query);
  };

  return (
    <MenuButton
      popover={popover}
      Icon={Download}
      label="Export"
      className={`${TEXT_BUTTON} ring-1 ring-rule`}
      menuLabel="Export format"
      menuClassName={`fixed z-30 flex w-56 flex-col rounded-xl p-1.5 text-sm ${POPOVER_SURFACE}`}
      opens="below"
    >
      {FORMATS.map(({ format, label }) => (
        <a key={format} role="menuitem" href={hrefOf(format)} download onClick={() => popover.setOpen(false)} className={MENU_ITEM}>
          {label}
        </a>
      ))}
    </MenuButton>
  );
}
