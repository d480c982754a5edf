import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { useFixedPlacement } from "./use-fixed-placement";
import type { useMenuPopover } from "./use-menu-popover";

/**
 * A button that opens a menu of `children` (the WAI-ARIA menu button, its
 * state and keys from useMenuPopover), the menu placed `opens` the button
 * (useFixedPlacement: no scrolling box around the button cuts it off).
 * `beside` shares the button's box, for a popover of the caller's own.
 */
export function MenuButton({
  popover: { open, setOpen, menuId, button, menu, onButtonKeyDown, onMenuKeyDown },
  Icon,
  label,
  className,
  menuLabel,
  menuClassName,
  opens,
  beside,
  children,
}: {
  popover: ReturnType<typeof useMenuPopover>;
  Icon: LucideIcon;
  label: string;
  className: string;
  menuLabel: string;
  /** The menu's look; it is placed `fixed` (useFixedPlacement sets its edges). */
  menuClassName: string;
  opens: "above" | "below";
  beside?: ReactNode;
  children: ReactNode;
}) {
  useFixedPlacement(open, button, menu, opens);
  return (
    <div className="relative">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((value) => !value)}
        onKeyDown={onButtonKeyDown}
        className={className}
      >
        <Icon aria-hidden className="size-4" />
        {label}
      </button>
      {open && (
        <div ref={menu} id={menuId} role="menu" aria-label={menuLabel} onKeyDown={onMenuKeyDown} className={menuClassName}>
          {children}
        </div>
      )}
      {beside}
    </div>
  );
}
