// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { applyThemePreference, THEME_STORAGE_KEY, themeScript } from "./theme-preference";

function mockSystemDark(dark: boolean) {
  window.matchMedia = ((query: string) => ({ matches: dark, media: query })) as unknown as typeof window.matchMedia;
}

function themeAfter(apply: () => void) {
  document.documentElement.className = "";
  document.documentElement.style.colorScheme = "";
  apply();
  return [document.documentElement.classList.contains("dark"), document.documentElement.style.colorScheme];
}

describe("the pre-paint theme script", () => {
  afterEach(() => window.localStorage.clear());

  it.each([
    [null, false],
    [null, true],
    ["dark", false],
    ["light", true],
  ])("does what applyThemePreference does (stored %s, system dark %s)", (stored, systemDark) => {
    mockSystemDark(systemDark);
    if (stored) window.localStorage.setItem(THEME_STORAGE_KEY, stored);
    // Runs the inlined script's text, as the browser does.
    const fromScript = themeAfter(() => new Function(themeScript)());
    expect(fromScript).toEqual(themeAfter(applyThemePreference));
  });
});
