import { describe as suite, expect, it } from "vitest";
import { anchorAll } from "./index";
import { imported, wordProse as prose } from "./test-support/sample-texts";

suite("imports (quote and context, no position)", () => {
  const passage = "The ferry company announced that the winter timetable would start early this year because of the storms.";
  const sibling = "The bus company announced that its summer timetable would start late this year because of the roadworks.";
  const text = [prose(80, 1), passage, prose(80, 2), sibling, prose(80, 3)].join("\n\n");
  const exact = "announced that the winter timetable would start early this year";
  const item = imported(text, exact);

  it("takes the one reading that is clearly the best when another reads the quote more loosely in other context", () => {
    // The passage gets a typo and a word before it rewritten: no longer a
    // near-intact quote in near-intact context, so only the comparison with
    // the sibling (many more edits) can decide.
    const now = text.replace(passage, passage.replace("The ferry company", "A ferry firm").replace("timetable", "timetible"));
    const [got] = anchorAll(now, [item]);
    expect(got?.start).toBe(now.indexOf("announced that the winter"));
  });

  it("takes what is left of a passage whose tail was cut, next to its intact prefix", () => {
    const now = text.replace("would start early this year because of the storms.", "because of the storms.");
    const [got] = anchorAll(now, [item]);
    expect(got?.start).toBe(now.indexOf("announced that the winter"));
    expect(got && now.slice(got.start, got.end)).toBe("announced that the winter timetable");
  });

  it("orphans the cut passage when its context now meets, or most of its quote reads the same elsewhere", () => {
    const gone = text.replace(`${exact} `, "");
    expect(anchorAll(gone, [item])).toEqual([null]);
    // A second, edited copy of the passage elsewhere: either could be it.
    const twice = text
      .replace("would start early this year because of the storms.", "because of the storms.")
      .replace(sibling, passage.replace("winter", "wintry").replace("early", "erly"));
    expect(anchorAll(twice, [item])).toEqual([null]);
  });
});
