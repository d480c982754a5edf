import type { Metadata } from "next";
import { LibraryLink } from "@/components/ui/library-link";

export const metadata: Metadata = {
  title: "About",
  description: "How Gloss works: highlights, notes in the margin, and who can see what you share.",
};

const SHARING = [
  { name: "Private", text: "Only you. Every highlight and note starts here." },
  { name: "Link", text: "Anyone you send its link to. It is never listed to other readers." },
  { name: "Public", text: "Listed beside the article for every reader, with your name." },
];

export default function AboutPage() {
  return (
    <div className="mx-auto max-w-[40rem] px-5 pt-12 pb-8 sm:px-8 sm:pt-20">
      <h1 className="font-serif text-[2.5rem] leading-[1.05] font-semibold tracking-[-0.02em] text-ink sm:text-[3.25rem]">
        About Gloss
      </h1>
      <div className="mt-8 space-y-5 font-serif text-lg leading-[1.7] text-ink">
        <p>
          Gloss is a reader for articles you want to read closely. Select any passage to highlight it, write a note
          beside it, and come back to find every highlight where you left it, even after the article has been
          corrected.
        </p>
        <p>
          Every note has a link. Whoever opens it sees the article scrolled to your passage, with your note beside it.
        </p>
      </div>
      <h2 className="mt-12 font-serif text-2xl font-semibold text-ink">Who sees what</h2>
      <dl className="mt-5 divide-y divide-rule border-y border-rule font-sans">
        {SHARING.map((level) => (
          <div key={level.name} className="grid gap-1 py-4 sm:grid-cols-[8rem_1fr] sm:gap-6">
            <dt className="font-semibold text-ink">{level.name}</dt>
            <dd className="text-ink-muted">{level.text}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-8 font-serif text-lg leading-[1.7] text-ink">
        If a passage you annotated is rewritten or removed, your note stays with its quote under “Detached” rather than
        attaching itself to the wrong words.
      </p>
      <LibraryLink />
    </div>
  );
}
