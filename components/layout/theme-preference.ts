/**
 * Light/dark theme. The reader's explicit choice lives in localStorage;
 * without one, Gloss follows the system. The `dark` class on <html> is the
 * single switch every style keys off.
 */

export const THEME_STORAGE_KEY = "gloss-theme";
export const SYSTEM_DARK_QUERY = "(prefers-color-scheme: dark)";

/** Sets the `dark` class from the stored choice or the system (what `themeScript` does before paint). */
function applyStoredTheme(storageKey: string, systemDarkQuery: string): void {
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(storageKey);
  } catch {
    // Storage can be blocked (privacy modes): follow the system.
  }
  const dark = stored === "dark" || (stored !== "light" && window.matchMedia(systemDarkQuery).matches);
  document.documentElement.classList.toggle("dark", dark);
  document.documentElement.style.colorScheme = dark ? "dark" : "light";
}

/**
 * The pre-paint script: runs while <head> is parsed, before anything is drawn.
 * Written out as text rather than taken from a function's source, so its
 * bytes (and the hash the Content-Security-Policy allows it by) never change
 * with how a bundler minifies the code. theme-preference.test.ts checks it
 * does what applyThemePreference does.
 */
export const themeScript =
  `(function(){var d;try{var s=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});` +
  `d=s==="dark"||(s!=="light"&&matchMedia(${JSON.stringify(SYSTEM_DARK_QUERY)}).matches)}` +
  `catch(e){d=matchMedia(${JSON.stringify(SYSTEM_DARK_QUERY)}).matches}` +
  `var r=document.documentElement;r.classList.toggle("dark",d);r.style.colorScheme=d?"dark":"light"})()`;

export function applyThemePreference(): void {
  applyStoredTheme(THEME_STORAGE_KEY, SYSTEM_DARK_QUERY);
}

/**
 * Remembers `dark` as the reader's choice and shows it. Choosing what the
 * system already shows clears the choice instead, so the one toggle also
 * returns the page to following the system.
 */
export function chooseTheme(dark: boolean): void {
  try {
    if (dark === window.matchMedia(SYSTEM_DARK_QUERY).matches) window.localStorage.removeItem(THEME_STORAGE_KEY);
    else window.localStorage.setItem(THEME_STORAGE_KEY, dark ? "dark" : "light");
  } catch {
    // Not remembered, but this page still switches.
  }
  // Set directly rather than re-read from storage, which may be blocked.
  document.documentElement.classList.toggle("dark", dark);
  document.documentElement.style.colorScheme = dark ? "dark" : "light";
}
