import { describe as suite, expect, it } from "vitest";
import { anchorAll, describeTextRange, type AnnotationSelectors } from "./index";

/** Credits of type-definition packages: sibling sentences that differ by a name or two, as in DefinitelyTyped's READMEs. */
const CREDITS = [
  "Credits These definitions were written by Alex Ford, Boris Yankov, Tom Wanzek, denisname, Hugues Stefanski, Nathan Bierema, and Fil.",
  "Credits These definitions were written by Tom Wanzek, Alex Ford, Boris Yankov, denisname, Hugues Stefanski, Nathan Bierema, and Fil.",
  "Credits These definitions were written by Tom Wanzek, Alex Ford, Boris Yankov, denisname, and Nathan Bierema.",
  "Credits These definitions were written by Hugues Stefanski, Tom Wanzek, Alex Ford, Boris Yankov, and Nathan Bierema.",
  "Credits These definitions were written by Tom Wanzek, Alex Ford, Boris Yankov, and Nathan Bierema.",
  "Credits These definitions were written by Tom Wanzek, Alex Ford, Boris Yankov, denisname, rulonder, and Nathan Bierema.",
  "Credits These definitions were written by Tom Wanzek, Alex Ford, Boris Yankov, denisname, Nathan Bierema, and Fil.",
].join("\n\n");

const LICENCE = [
  "Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files.",
  "The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.",
  "The software is provided as is, without warranty of any kind, express or implied, including but not limited to merchantability.",
].join("\n\n");

const BUILD = "The wrapper is rebuilt from the upstream sources whenever the release mode changes, and the generated interface is checked into the repository so that installs never need a compiler.";
const TESTS = "The test runner watches the source folder and reruns the affected suites after every change, printing a short summary of the failures at the end of each run.";
const ISSUES = "Contributors are asked to open an issue before starting on a large change, so that the maintainers can say early whether it fits the direction of the project.";
const SECOND = "The second package in this repository ships the same type definitions under an older name, for projects that still import it that way.";
const RELEASES = "Releases are tagged from the main branch and published by the continuous integration service once every check has passed.";

function annotate(text: string, quotes: readonly string[]): AnnotationSelectors[] {
  return quotes.map((quote) => {
    const start = text.indexOf(quote);
    expect(start, quote).toBeGreaterThanOrEqual(0);
    return describeTextRange(text, start, start + quote.length);
  });
}

suite("anchorAll: neighbours a move shifted together within their stretch", () => {
  it("places two neighbouring credits that stand word for word, with their context, once, at one shift", () => {
    // The paragraph about tests moves from before the credits to after them:
    // the credits keep their words and order but neither landmark's shift,
    // and every credit has siblings that read nearly like it.
    const old = [BUILD, TESTS, CREDITS, ISSUES].join("\n\n");
    const now = [BUILD, CREDITS, TESTS, ISSUES].join("\n\n");
    const pair = [
      "were written by Tom Wanzek, Alex Ford, Boris Yankov, denisname, and Nathan",
      "Ford, Boris Yankov, and Nathan Bierema.\n\nCredits These definitions were written by Tom Wanzek, Alex Ford, Boris Yankov, and Nathan Bierema.\n\nCredits These definitions were written by Tom Wanzek,",
    ];
    const items = annotate(old, ["rebuilt from the upstream sources", "generated interface is checked into", ...pair, "open an issue before starting", "whether it fits the direction"]);
    const results = anchorAll(now, items);
    expect(results.slice(2, 4).map((m) => m && now.slice(m.start, m.end))).toEqual(pair);
    expect(results[2]?.start).toBe(now.indexOf(pair[0] as string));
    expect(results[3]?.start).toBe(now.indexOf(pair[1] as string));
    // One of them alone says no more than a look-alike would: still refused.
    expect(anchorAll(now, [...items.slice(0, 2), items[2] as AnnotationSelectors, ...items.slice(4)])[2]).toBeNull();
  });

  it("refuses a pair whose words were rewritten where they stood, their context left around other words, while a copy of the stretch stands between the same landmarks", () => {
    const quotes = ["to any person obtaining a copy of this software", "this permission notice shall be included in all copies"];
    const old = [BUILD, TESTS, LICENCE, ISSUES, SECOND, LICENCE, RELEASES].join("\n\n");
    const rewritten = LICENCE.replace(quotes[0] as string, "to whoever asks for a printed edition of the manual").replace(quotes[1] as string, "the list of contributors must be kept in the source tree");
    const now = [BUILD, TESTS, rewritten, ISSUES, SECOND, LICENCE, RELEASES].join("\n\n");
    // No annotation between the two copies: one pair of landmarks brackets both.
    const items = annotate(old, ["rebuilt from the upstream sources", "generated interface is checked into", "watches the source folder and reruns", ...quotes, "tagged from the main branch"]);
    const results = anchorAll(now, items);
    expect(results[0]?.start).toBe(now.indexOf("rebuilt from the upstream sources"));
    expect(results[3]).toBeNull();
    expect(results[4]).toBeNull();
  });
});
