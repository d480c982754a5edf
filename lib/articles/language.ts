import type { ArticleDirection } from "./article-model";

/**
 * Language tags and writing direction for articles.
 *
 * Direction is derived, not stored per seed by default: a seed that says
 * `language: ar` must come out right-to-left without the author also
 * remembering `direction: rtl`.
 */

export const DEFAULT_LANGUAGE = "en";

/** Languages whose default script is written right to left. */
const RTL_LANGUAGES = new Set(["ar", "he", "fa", "ur"]);

/**
 * Scripts written right to left. An explicit script subtag wins over the
 * language default, so `az-Arab` is rtl and `ar-Latn` (romanised) is ltr.
 */
const RTL_SCRIPTS = new Set(["Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm"]);

/**
 * Canonical form of a BCP 47 tag (`EN-us` → `en-US`), or null if the tag is
 * not well-formed. Uses the platform's own validator rather than a regex so
 * what we accept is exactly what `Intl.Segmenter` and the browser accept.
 */
export function canonicalLanguageTag(tag: string): string | null {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag.trim());
    return canonical ?? null;
  } catch {
    return null;
  }
}

export function directionForLanguage(tag: string): ArticleDirection {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag);
  } catch {
    return "ltr";
  }
  if (locale.script !== undefined) return RTL_SCRIPTS.has(locale.script) ? "rtl" : "ltr";
  return RTL_LANGUAGES.has(locale.language) ? "rtl" : "ltr";
}
