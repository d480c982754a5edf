/** The Gloss mark: a page with one highlighted line and a note in the margin (also app/icon.svg). */
export function GlossMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" className={className}>
      <rect x="1" y="1" width="30" height="30" rx="7" className="fill-ink" />
      <rect x="7" y="8.5" width="13" height="2.5" rx="1.25" className="fill-paper" />
      <rect x="5.5" y="13.25" width="16" height="5.5" rx="1.5" fill="#f5c542" />
      <rect x="7" y="14.75" width="13" height="2.5" rx="1.25" className="fill-ink" />
      <rect x="7" y="21" width="10" height="2.5" rx="1.25" className="fill-paper" />
      <rect x="24" y="12.5" width="2.5" height="7" rx="1.25" fill="#e0604a" />
    </svg>
  );
}
