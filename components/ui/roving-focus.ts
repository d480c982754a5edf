import type { KeyboardEvent } from "react";

const ITEMS = "button:not([disabled]), a[href], [role=menuitemradio], [role=menuitem]";

function itemsOf(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(ITEMS)];
}

/**
 * Makes one item of a toolbar or menu tabbable (`preferred`, else the
 * first), so the widget is a single Tab stop and arrow keys move within it
 * (WAI-ARIA toolbar and menu patterns).
 */
export function initRovingFocus(container: HTMLElement | null, preferred?: HTMLElement | null): void {
  if (!container) return;
  const items = itemsOf(container);
  const current = preferred && items.includes(preferred) ? preferred : items[0];
  for (const item of items) item.tabIndex = item === current ? 0 : -1;
}

export function focusRovingItem(container: HTMLElement | null, which: "current" | "first" = "current"): void {
  if (!container) return;
  const items = itemsOf(container);
  const target = which === "first" ? items[0] : (items.find((item) => item.tabIndex === 0) ?? items[0]);
  target?.focus();
}

/** Arrow keys (along `orientation`), Home and End move focus and the tab stop together. */
export function handleRovingKeyDown(event: KeyboardEvent<HTMLElement>, orientation: "horizontal" | "vertical"): void {
  const items = itemsOf(event.currentTarget);
  const index = items.indexOf(document.activeElement as HTMLElement);
  if (index < 0) return;
  const [back, forward] = orientation === "horizontal" ? ["ArrowLeft", "ArrowRight"] : ["ArrowUp", "ArrowDown"];
  let next: number;
  if (event.key === forward) next = (index + 1) % items.length;
  else if (event.key === back) next = (index - 1 + items.length) % items.length;
  else if (event.key === "Home") next = 0;
  else if (event.key === "End") next = items.length - 1;
  else return;
  event.preventDefault();
  for (const item of items) item.tabIndex = -1;
  const target = items[next]!;
  target.tabIndex = 0;
  target.focus();
}
