import { LibraryLink } from "@/components/ui/library-link";

/** What every 404 says: the page is not in the library, and the way back to it. */
export function NotFoundMessage() {
  return (
    <div className="mx-auto max-w-[36rem] px-5 py-20 sm:px-8 sm:py-28">
      <p className="font-sans text-xs font-semibold tracking-[0.12em] text-accent uppercase">404 · Not found</p>
      <h1 className="mt-4 font-serif text-[2rem] leading-[1.15] font-semibold tracking-[-0.015em] text-balance text-ink sm:text-[2.5rem]">
        This page isn’t in the library
      </h1>
      <p className="mt-5 font-serif text-lg leading-[1.65] text-pretty text-ink-muted">
        The link may be mistyped or cut short, or the article may have been removed. If someone shared it with you,
        ask them for the full link.
      </p>
      <LibraryLink />
    </div>
  );
}
