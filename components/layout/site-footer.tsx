export function SiteFooter() {
  return (
    <footer className="mt-24 border-t border-rule">
      <div className="mx-auto max-w-[70rem] px-5 py-10 font-sans text-sm text-ink-muted sm:px-8">
        <p>
          <span className="font-serif text-base font-semibold text-ink">Gloss</span>
          <span aria-hidden="true" className="mx-2">·</span>
          Read closely. Write in the margins. Share what you find.
        </p>
      </div>
    </footer>
  );
}
