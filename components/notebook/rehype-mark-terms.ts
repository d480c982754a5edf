import type { ElementContent, Root, RootContent } from "hast";
import { markSearchTerms } from "@/lib/notebook/search-terms";

/** A rehype plugin that wraps the words a search matched in `<mark>`, in the text of a rendered note. */
export function rehypeMarkTerms(terms: string[]) {
  const markIn = (children: RootContent[] | ElementContent[]): ElementContent[] =>
    (children as ElementContent[]).flatMap((child): ElementContent[] => {
      if (child.type === "element") return [{ ...child, children: markIn(child.children) }];
      if (child.type !== "text") return [child];
      return markSearchTerms(child.value, terms).map((piece) =>
        piece.marked
          ? { type: "element", tagName: "mark", properties: {}, children: [{ type: "text", value: piece.text }] }
          : { type: "text", value: piece.text },
      );
    });
  return () => (tree: Root) => {
    tree.children = markIn(tree.children);
  };
}
