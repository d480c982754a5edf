// @vitest-environment jsdom
import { expect, it } from "vitest";
import { unwrapMarks, wrapInMarks } from "./mark-wrapping";

function article() {
  document.body.innerHTML = `<div id="root"><p>A secondhand <em>novel</em> whose previous owner</p></div>`;
  return document.getElementById("root")!;
}

const marked = (root: Element, name: string) => [...root.querySelectorAll(`mark[data-gloss="${name}"]`)].map((mark) => mark.textContent);

it("wraps overlapping and nested spans in nested marks without changing the text", () => {
  const root = article();
  const html = root.innerHTML;
  wrapInMarks(root, [
    { start: 2, end: 18, name: "gloss-yellow" }, // "secondhand novel"
    { start: 13, end: 24, name: "gloss-blue" }, // "novel whose"
    { start: 2, end: 12, name: "gloss-pink" }, // "secondhand"
  ]);
  expect(root.textContent).toBe("A secondhand novel whose previous owner");
  expect(marked(root, "gloss-yellow").join("")).toBe("secondhand novel");
  expect(marked(root, "gloss-blue").join("")).toBe("novel whose");
  expect(marked(root, "gloss-pink").join("")).toBe("secondhand");
  // The shared word sits inside both marks.
  const novel = document.createTreeWalker(root.querySelector("em")!, NodeFilter.SHOW_TEXT).nextNode()!;
  expect(novel.textContent).toBe("novel");
  expect(novel.parentElement!.closest('mark[data-gloss="gloss-yellow"]')).not.toBeNull();
  expect(novel.parentElement!.closest('mark[data-gloss="gloss-blue"]')).not.toBeNull();

  unwrapMarks(root);
  expect(root.innerHTML).toBe(html);
  expect(root.querySelector("p")!.childNodes).toHaveLength(3);
});
