import { markSearchTerms } from "@/lib/notebook/search-terms";

/** Text with the words a search matched in `<mark>`. */
export function MarkedText({ text, terms }: { text: string; terms: string[] }) {
  return markSearchTerms(text, terms).map((piece, index) =>
    piece.marked ? (
      <mark key={index} className="rounded-sm bg-[var(--highlight-yellow)] px-0.5 text-inherit">
        {piece.text}
      </mark>
    ) : (
      piece.text
    ),
  );
}
