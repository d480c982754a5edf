"use client";

import { MoonIcon, SunIcon } from "lucide-react";
import { chooseTheme } from "./theme-preference";
import { useDarkTheme, useThemeSync } from "./use-dark-theme";
import { FOCUS_RING } from "@/components/ui/ui-classes";

/**
 * A toggle button ("Dark theme", pressed or not): screen readers announce
 * its state, so its name can stay the same. The icon shows what a click
 * will switch to, and is chosen by CSS so it is right before hydration.
 */
export function ThemeToggle() {
  const dark = useDarkTheme();
  useThemeSync();
  return (
    <button
      type="button"
      aria-pressed={dark}
      title={dark ? "Switch to light theme" : "Switch to dark theme"}
      onClick={() => chooseTheme(!dark)}
      className={`inline-flex size-10 items-center justify-center rounded-full text-ink-muted transition-colors hover:bg-ink/5 hover:text-ink ${FOCUS_RING} dark:hover:bg-ink/10`}
    >
      <span className="sr-only">Dark theme</span>
      <MoonIcon aria-hidden className="size-[1.2rem] dark:hidden" strokeWidth={1.75} />
      <SunIcon aria-hidden className="hidden size-[1.2rem] dark:block" strokeWidth={1.75} />
    </button>
  );
}
