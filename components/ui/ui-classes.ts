/** Class lists shared by Gloss's components, built on the house tokens (app/globals.css). */
export const FOCUS_RING = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus";

export const TEXT_BUTTON = `inline-flex h-8 items-center gap-1.5 rounded-lg px-2.5 text-sm font-medium whitespace-nowrap text-ink transition-colors hover:bg-ink/5 disabled:opacity-40 dark:hover:bg-ink/10 ${FOCUS_RING}`;

export const ICON_BUTTON = `grid size-8 shrink-0 place-items-center rounded-lg text-ink-muted transition-colors hover:bg-ink/5 hover:text-ink dark:hover:bg-ink/10 ${FOCUS_RING}`;

export const PRIMARY_BUTTON = `inline-flex h-8 items-center rounded-lg bg-ink px-3.5 text-sm font-semibold text-paper transition-opacity hover:opacity-90 disabled:cursor-not-allowed disabled:opacity-40 ${FOCUS_RING}`;

/** Toolbars, cards, menus: a white sheet above the paper. */
export const POPOVER_SURFACE = "bg-surface text-ink shadow-lg ring-1 shadow-black/10 ring-rule dark:shadow-black/50";

export const MENU_ITEM = `flex cursor-pointer items-start gap-3 rounded-lg px-2.5 py-2 text-ink hover:bg-ink/5 focus-visible:bg-ink/5 dark:hover:bg-ink/10 dark:focus-visible:bg-ink/10 ${FOCUS_RING} focus-visible:outline-offset-0`;
