"use client";

import { useEffect, useSyncExternalStore } from "react";
import { applyThemePreference, SYSTEM_DARK_QUERY, THEME_STORAGE_KEY } from "./theme-preference";

function subscribe(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}

const isDark = () => document.documentElement.classList.contains("dark");

/**
 * Whether the page is dark right now (the `dark` class on <html>). The server
 * cannot know, so server HTML and the first client render assume light.
 */
export function useDarkTheme(): boolean {
  return useSyncExternalStore(subscribe, isDark, () => false);
}

/**
 * Keeps the theme current after load: when the system switches (and the
 * reader has no explicit choice) and when another tab changes the choice.
 */
export function useThemeSync(): void {
  useEffect(() => {
    // Documents Next renders in the browser (the shells of a notFound() or
    // server-error response) never ran the pre-paint script.
    applyThemePreference();
    const media = window.matchMedia(SYSTEM_DARK_QUERY);
    const onStorage = (event: StorageEvent) => {
      if (event.key === THEME_STORAGE_KEY || event.key === null) applyThemePreference();
    };
    media.addEventListener("change", applyThemePreference);
    window.addEventListener("storage", onStorage);
    return () => {
      media.removeEventListener("change", applyThemePreference);
      window.removeEventListener("storage", onStorage);
    };
  }, []);
}
