import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import type { useMenuPopover } from "./use-menu-popover";

/**
 * A button that opens a menu of `children` (the WAI-ARIA menu button, its
 * state and keys from useMenuPopover). `beside` shares the button's
 * positioned box, for a popover of the caller's own.
 */
export function MenuButton({
  popover: { open, setOpen, menuId, button, menu, onButtonKeyDown, onMenuKeyDown },
  Icon,
  label,
  className,
  menuLabel,
  menuClassName,
  beside,
  children,
}: {
  popover: ReturnType<typeof useMenuPopover>;
  Icon: LucideIcon;
  label: string;
  className: string;
  menuLabel: string;
  menuClassName: string;
  beside?: ReactNode;
  children: ReactNode;
}) {
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
