import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { blockText, canonicalText } from "./article-model";
import { isCreditLine, parsePlainSeed, sourceName } from "./parse-plain-seed";
import { BOILERPLATE_RULES, matchBoilerplate } from "./seed-boilerplate";
import { SeedParseError } from "./seed-parse-error";

const SEED_FILE = "syria-joins-us-led-coalition.txt";
const seedPath = fileURLToPath(new URL(`../../seeds/${SEED_FILE}`, import.meta.url));
const src = (fileName = "seeds/test.txt") => ({ fileName, slug: "test" });
const paragraphs = (contents: string) => parsePlainSeed(contents, src()).blocks.map(blockText);

describe("the Syria seed document", () => {
  const article = parsePlainSeed(readFileSync(seedPath, "utf8"), {
    fileName: `seeds/${SEED_FILE}`,
    slug: "syria-joins-us-led-coalition",
  });

  it("has the title, credit, source and defaults of the file", () => {
    expect(article).toMatchObject({
      slug: "syria-joins-us-led-coalition",
      title: "Meeting with Trump: Syria joins US-led coalition against IS",
      byline: null,
      credit: "RND/AP",
      source: "RND",
      language: "en",
      direction: "ltr",
      publishedAt: null,
    });
  });

  it("has exactly the article paragraphs, in order, with the dateline in place", () => {
    expect(article.blocks.every((block) => block.type === "paragraph")).toBe(true);
    expect(article.blocks.map(blockText)).toEqual([
      'Washington. Syria has joined the US-led coalition to combat the terrorist organization Islamic State (IS). Syria recently signed a political cooperation agreement with the international coalition to fight IS, "thereby reaffirming its role as a partner in the fight against terrorism and in supporting regional stability," Information Minister Hamza al-Mustafa wrote on the X platform. "The agreement is political in nature and does not yet contain any military components," he stated.',
      'Earlier, US President Donald Trump had offered his support to Syrian interim president Ahmed al-Sharaa during a visit to the White House. "We will do everything we can to help Syria succeed, because it is part of the Middle East," Trump said after the meeting on Monday. The US president expressed his confidence in al-Sharaa: "I am confident that he can handle this task."',
      "No press was allowed at the meeting between the two leaders in the Oval Office. There was also no press conference afterward. Al-Sharaa left the White House after about two hours, waving to onlookers before getting into his car, as observed by reporters from the Associated Press. It was the first visit by a Syrian head of state to the White House since the country's independence in 1946.",
      "US President Trump is striving to rebuild relations with Syria after the 50-year rule of the Assad dynasty. Al-Sharaa, as head of the HTS militia, led the rebel offensive that forced ruler Bashar al-Assad to flee to Russia in December, ending the long civil war.",
      "Since then, the Syrian interim president has been working to improve relations with Arab countries and the West. Due to his past ties to the terrorist group al-Qaeda, al-Sharaa has had to overcome resistance. Just in July, the US removed HTS from its list of foreign terrorist organizations.",
      "Among other things, al-Sharaa intended to lobby in Washington for a permanent lifting of international sanctions against his country, which had been imposed due to human rights violations under Assad. The US Treasury Department announced on Monday that certain sanctions against Syria under the so-called Caesar Act would be suspended for another 180 days.",
    ]);
  });

  it("contains neither the newsletter teaser nor the trailing credit and tag lines", () => {
    const text = canonicalText(article.blocks);
    expect(text).not.toMatch(/newsletter|Every other Tuesday|What's moving|advertising agreement/);
    expect(text.split("\n\n")).not.toContain("rnd");
    expect(text.split("\n\n")).not.toContain("RND/AP");
    expect(text.endsWith("for another 180 days.")).toBe(true);
  });
});

describe("trailing credit and source lines, detected by shape", () => {
  const body = "Title\nA paragraph of the article.";
  it.each([
    { name: "agency credit + tag", tail: "RND/AP\nrnd", credit: "RND/AP", source: "RND" },
    { name: "tag spelled as in the credit", tail: "dpa/Reuters\ndpa", credit: "dpa/Reuters", source: "dpa" },
    { name: "personal credit + long tag", tail: "By Jane Doe and J. Smith\nreuters", credit: "By Jane Doe and J. Smith", source: "Reuters" },
    { name: "tag only, short → acronym", tail: "afp", credit: null, source: "AFP" },
    { name: "acronym credit only", tail: "AP", credit: "AP", source: null },
    { name: "spaced slashes", tail: "AFP / dpa", credit: "AFP / dpa", source: null },
    { name: "no trailer", tail: "The last paragraph.", credit: null, source: null },
    { name: "one-word closing line is prose", tail: "Finally", credit: null, source: null },
    { name: "short sentence starting with By", tail: "By the river.", credit: null, source: null },
    { name: "tag must be lowercase", tail: "Rnd", credit: null, source: null },
  ])("$name", ({ tail, credit, source }) => {
    const article = parsePlainSeed(`${body}\n${tail}\n`, src());
    expect({ credit: article.credit, source: article.source }).toEqual({ credit, source });
    const text = canonicalText(article.blocks);
    if (credit !== null) expect(text).not.toContain(credit);
    if (source !== null) expect(text).not.toMatch(new RegExp(`\\n${source}$`, "i"));
  });

  it.each([
    ["RND/AP", true],
    ["By Jane Doe", true],
    ["By subscribing to the newsletter, I agree to the advertising agreement .", false],
    ["And/or this happened.", false],
    ["By a long way the longest line that anybody would ever write as a credit here", false],
  ])("isCreditLine(%j) = %s", (line, expected) => {
    expect(isCreditLine(line)).toBe(expected);
  });

  it.each([
    ["rnd", "RND/AP", "RND"],
    ["ap", "RND/AP", "AP"],
    ["reuters", null, "Reuters"],
    ["kna", "By Jane Doe", "KNA"],
  ])("sourceName(%j, %j) = %j", (tag, credit, expected) => {
    expect(sourceName(tag, credit)).toBe(expected);
  });
});

describe("boilerplate rules", () => {
  it.each([
    ["What's moving the United States: The RND's US experts provide analysis. Every other Tuesday.", "newsletter-teaser"],
    ["Morning Briefing: The day's top stories in five minutes. Every weekday.", "newsletter-teaser"],
    ["The Climate Letter: what changed this week and why. Weekly.", "newsletter-teaser"],
    ["By subscribing to the newsletter, I agree to the advertising agreement .", "subscription-consent"],
    ["By signing up, you consent to our privacy policy.", "subscription-consent"],
    ["Subscribe now to our free newsletter for the latest news.", "subscribe-call-to-action"],
    ["Sign up for breaking news alerts.", "subscribe-call-to-action"],
    ["Free of charge. You can unsubscribe at any time.", "unsubscribe-notice"],
  ])("drops %j (%s)", (line, rule) => {
    expect(matchBoilerplate(line)?.name).toBe(rule);
  });

  it.each([
    "How often do they meet? Every week.",
    "The newsletter, which appears every Tuesday, has two million readers.",
    "By signing the treaty, both countries agreed to end the dispute.",
    "Readers who subscribe to the newsletter get it every other Tuesday.",
    "Washington. Syria has joined the US-led coalition to combat IS.",
  ])("keeps article prose %j", (line) => {
    expect(matchBoilerplate(line)).toBeNull();
  });

  it("documents every rule", () => {
    for (const rule of BOILERPLATE_RULES) expect(rule.reason.length).toBeGreaterThan(20);
  });

  it("removes boilerplate wherever it appears in the body, keeping order", () => {
    const contents = [
      "Title",
      "First paragraph.",
      "Sign up for our weekly briefing on politics.",
      "Second paragraph.",
      "Morning Briefing: The day's top stories. Every weekday.",
      "Third paragraph.",
    ].join("\n");
    expect(paragraphs(contents)).toEqual(["First paragraph.", "Second paragraph.", "Third paragraph."]);
  });
});

describe("plain format details", () => {
  it("ignores blank lines, accepts CRLF and CR, and normalises whitespace", () => {
    const article = parsePlainSeed("\r\n  Title \t with   spaces \r\n\r\n\r\n  one \t two  \rthree\u00a0four\n", src());
    expect(article.title).toBe("Title with spaces");
    expect(article.blocks.map(blockText)).toEqual(["one two", "three\u00a0four"]);
  });

  it("takes the language from the caller and derives the direction", () => {
    const article = parsePlainSeed("عنوان\nفقرة أولى.", src(), { language: "ar" });
    expect([article.language, article.direction]).toEqual(["ar", "rtl"]);
  });

  it.each([
    ["empty file", "", "seeds/test.txt: file is empty"],
    ["blank lines only", " \n\t\n", "seeds/test.txt: file is empty"],
    ["title only", "Title\n", "seeds/test.txt: no body paragraphs after the title"],
    ["only trailer lines", "Title\nRND/AP\nrnd\n", "seeds/test.txt: no body paragraphs after the title"],
    ["only boilerplate", "Title\nSubscribe to our newsletter today.\n", "seeds/test.txt: no body paragraphs after the title"],
    ["no title line", `\n\n${"A long first paragraph. ".repeat(12)}\nMore.`, "seeds/test.txt:3: first line is"],
  ])("rejects %s", (_name, contents, message) => {
    expect(() => parsePlainSeed(contents, src())).toThrowError(SeedParseError);
    expect(() => parsePlainSeed(contents, src())).toThrowError(message);
  });

  it("rejects an invalid language tag", () => {
    expect(() => parsePlainSeed("T\nP.", src(), { language: "not a tag" })).toThrowError(
      'seeds/test.txt: "not a tag" is not a BCP 47 language tag',
    );
  });
});
