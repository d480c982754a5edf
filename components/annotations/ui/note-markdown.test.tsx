import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { notePlainText } from "@/lib/sharing/note-plain-text";
import NoteMarkdown from "@/components/annotations/ui/note-markdown";
import { ServerNoteMarkdown } from "@/components/annotations/ui/note-markdown-content";

// The client's (with an error boundary) and the share page's (rendered on the server).
describe.each([
  ["NoteMarkdown", NoteMarkdown],
  ["ServerNoteMarkdown", ServerNoteMarkdown],
])("%s", (_name, NoteMarkdown) => {
  it("renders an ordinary note as Markdown", () => {
    const html = renderToStaticMarkup(<NoteMarkdown source={"A **bold** claim\n\n- one\n- two"} />);
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<li>one</li>");
  });

  it.each([
    ["5,000 nested list markers", "- ".repeat(5000) + "x"],
    ["9,990 nested block quotes", ">".repeat(9990) + "x"],
    ["1,600 levels of emphasis", "*a ".repeat(1600) + "a* ".repeat(1600)],
  ])("shows a note of %s, as already stored, as its plain text instead of overflowing the stack", (_label, source) => {
    const html = renderToStaticMarkup(<NoteMarkdown source={source} />);
    expect(html).toContain("data-note-plain-text");
    expect(html).not.toContain("<li>");
    expect(html).not.toContain("<blockquote>");
    expect(notePlainText(source)).toBe(source.replace(/\s+/g, " ").trim());
  });
});
