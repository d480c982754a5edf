import { describe as suite, expect, it } from "vitest";
import { anchorAll } from "./index";
import { imported, wordProse as prose } from "./test-support/sample-texts";

suite("imports: a passage placed where the import next to it puts it (placeByOverlaps)", () => {
  const opening = "Every spring the council prints its report on the harbour, and this year the first page is about the ferries.";
  const passage = "The harbour master noted in red ink that the ferry sailed two hours late on Tuesday because of the fog over the bay and the storm that followed it that night.";
  const exact = "that the ferry sailed two hours late on Tuesday because of the fog";
  // Its neighbour: the import just before it, whose suffix reads into the passage's prefix and quote.
  const before = "this year the first page is about the ferries. The harbour";

  it("places it next to its neighbour when alone a sibling sentence reads about as well", () => {
    // The same sentence, told by another hand.
    const sibling = passage.replace("harbour master noted", "bridge keeper noted");
    const text = [prose(60, 1), `${opening} ${passage}`, prose(60, 2), sibling, prose(60, 3)].join("\n\n");
    const items = [imported(text, exact), imported(text, before)];
    // The passage's prefix and quote edited: the sibling's reading is about as close.
    const edited = passage.replace("harbour master noted", "harbor mastr notd").replace("sailed two hours", "sailed to hours");
    const now = text.replace(passage, edited);
    expect(anchorAll(now, [items[0] as (typeof items)[number]])).toEqual([null]);
    const [got, neighbour] = anchorAll(now, items);
    expect(neighbour?.start).toBe(now.indexOf("this year the first page"));
    expect(got?.start).toBe(now.indexOf("that the ferry sailed to hours"));
  });

  it("leaves it an orphan when the stretch the two share stands at another copy of the passage too", () => {
    // The passage is a later copy of the sentence the neighbour stands next to; the revision edits it.
    const text = [prose(60, 1), `${opening} ${passage}`, prose(60, 2), `${passage} ${prose(20, 4)}`, prose(60, 3)].join("\n\n");
    const copy = text.lastIndexOf(passage);
    const items = [imported(text, exact, copy), imported(text, before)];
    const now = `${text.slice(0, copy)}${passage.replace("sailed two hours", "sailed to hours")}${text.slice(copy + passage.length)}`;
    const [got, neighbour] = anchorAll(now, items);
    expect(neighbour?.start).toBe(now.indexOf(before));
    expect(got).toBeNull();
  });

  it("leaves it an orphan when it was deleted at a copy of the sentence its neighbour stands next to", () => {
    // The sentence is quoted again later, word for word; the passage is the quoted copy's.
    const quoted = `As the minutes put it: “${passage}”`;
    const text = [prose(60, 1), `${opening} ${passage}`, prose(60, 2), quoted, prose(60, 3)].join("\n\n");
    const copy = text.indexOf(exact, text.indexOf(quoted));
    // The neighbour's suffix reads far into the quote, so the deletion leaves the stretch they share at the first copy only.
    const items = [imported(text, exact, copy), imported(text, "this year the first page is about the ferries. The harbour master noted in red ink that the ferry sailed")];
    const now = `${text.slice(0, copy)}${text.slice(copy + exact.length + 1)}`;
    const [got, neighbour] = anchorAll(now, items);
    expect(neighbour?.start).toBe(now.indexOf("this year the first page"));
    expect(got).toBeNull();
  });
});
