"use client";

import { useEffect, useRef } from "react";

/**
 * A link to drag to the bookmarks bar: on any page, it opens
 * /articles/new?url=<that page> here, which adds it at once. React refuses
 * `javascript:` hrefs in JSX (rightly), so this one, built from Gloss's own
 * origin and nothing a page controls, is set on the element directly.
 */
export function SaveToGlossBookmarklet() {
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    const target = `${window.location.origin}/articles/new?url=`;
    link.current?.setAttribute("href", `javascript:void(window.open(${JSON.stringify(target)}+encodeURIComponent(location.href)))`);
  }, []);
  return (
    <section aria-labelledby="bookmarklet-heading" className="mt-10 border-t border-rule pt-8">
      <h2 id="bookmarklet-heading" className="font-serif text-xl font-semibold text-ink">
        Save from any page
      </h2>
      <p className="mt-2 text-sm leading-relaxed text-ink-muted">
        Drag this button to your bookmarks bar. On any article, click it to add that page to Gloss in one step.
      </p>
      <a
        ref={link}
        // Replaced by the bookmarklet once the page has loaded; clicking it here does nothing.
        href="#"
        onClick={(event) => event.preventDefault()}
        className="mt-4 inline-flex h-10 items-center rounded-full border border-accent/60 px-4 text-sm font-semibold text-ink transition-colors hover:bg-accent/10 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus"
      >
        Save to Gloss
      </a>
    </section>
  );
}
