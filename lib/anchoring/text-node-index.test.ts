// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from "vitest";
import { TextNodeIndex } from "./text-node-index";

let root: HTMLElement;

beforeEach(() => {
  document.body.innerHTML = `<div id="root"><p>One <em>two</em> three</p>\n\n<p>four${""}</p></div>`;
  root = document.getElementById("root")!;
  // An empty text node, as React can leave behind: it must not disturb the offsets.
  root.querySelector("em")!.after(document.createTextNode(""));
});

describe("TextNodeIndex", () => {
  it("reads the text of every text node in order", () => {
    expect(TextNodeIndex.build(root).text).toBe("One two three\n\nfour");
  });

  it("maps offsets on a node boundary to the next node for starts and the previous node for ends", () => {
    const index = TextNodeIndex.build(root);
    const start = index.pointAt(4, "start")!;
    expect([start.node.data, start.offset]).toEqual(["two", 0]);
    const end = index.pointAt(4, "end")!;
    expect([end.node.data, end.offset]).toEqual(["One ", 4]);
    expect(index.pointAt(0, "end")!.offset).toBe(0);
    expect(index.pointAt(99, "start")).toBeNull();
  });

  it("builds ranges across elements whose text is exactly the span", () => {
    const index = TextNodeIndex.build(root);
    expect(index.rangeFor(4, 13)!.toString()).toBe("two three");
    expect(index.rangeFor(8, 19)!.toString()).toBe("three\n\nfour");
  });

  it("turns DOM points and ranges back into offsets, clipping ranges to the root", () => {
    const index = TextNodeIndex.build(root);
    const em = root.querySelector("em")!;
    expect(index.offsetOf(em.firstChild!, 1)).toBe(5);
    expect(index.offsetOf(root.firstElementChild!, 1)).toBe(4);
    expect(index.offsetOf(document.body, 0)).toBeNull();

    const outside = document.createElement("p");
    outside.textContent = "elsewhere";
    document.body.prepend(outside);
    const range = document.createRange();
    range.setStart(outside.firstChild!, 2);
    range.setEnd(em.firstChild!, 2);
    expect(index.offsetsOf(range)).toEqual({ start: 0, end: 6 });
    range.setEnd(outside.firstChild!, 4);
    expect(index.offsetsOf(range)).toBeNull();
  });

  it("lists the pieces of each text node a span covers", () => {
    const index = TextNodeIndex.build(root);
    expect([...index.segments(2, 6)].map(({ node, from, to }) => node.data.slice(from, to))).toEqual(["e ", "tw"]);
  });

  it("follows the DOM after a refresh", () => {
    const index = TextNodeIndex.build(root);
    (root.querySelector("em")!.firstChild as Text).splitText(1);
    index.refresh();
    expect(index.text).toBe("One two three\n\nfour");
    expect(index.rangeFor(4, 7)!.toString()).toBe("two");
  });
});
