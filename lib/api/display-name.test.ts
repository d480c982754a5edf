import { describe, expect, it } from "vitest";
import { signUpSchema } from "./accounts";

const valid = { email: "ada@example.com", password: "long enough" };

function nameErrors(name: string): string[] {
  const result = signUpSchema.safeParse({ ...valid, name });
  return (result.error?.issues ?? []).filter((issue) => issue.path[0] === "name").map((issue) => issue.message);
}

describe("display names", () => {
  it("are stored in one Unicode form (NFC), trimmed", () => {
    expect(signUpSchema.parse({ ...valid, name: " Zoe\u0301 " }).name).toBe("Zo\u00e9");
  });

  it.each([
    ["a right-to-left override", "eve\u202Egnp.exe"],
    ["a pop directional formatting", "Ada\u202C"],
    ["a first-strong isolate", "\u2068Ada\u2069"],
    ["a right-to-left mark", "Ada\u200F"],
  ])("refuse %s", (_label, name) => {
    expect(nameErrors(name)).toEqual(["Remove the text-direction control characters."]);
  });

  it.each([
    ["a zero-width joiner", "Ad\u200Da"],
    ["a zero-width space", "Ada\u200B"],
    ["a byte-order mark", "Ad\uFEFFa"],
    ["a lone zero-width non-joiner", "\u200CAda"],
  ])("refuse %s", (_label, name) => {
    expect(nameErrors(name)).toEqual(["Remove the invisible characters (zero-width spaces or joiners)."]);
  });

  it("refuse a lone surrogate instead of replacing it", () => {
    expect(nameErrors("Ada\uD800")).toEqual(["Contains characters that cannot be stored."]);
  });

  it("accept names in any script, a zero-width non-joiner inside a Persian word, and emoji", () => {
    for (const name of ["محمد\u200Cرضا", "עדה לאבלייס", "李小龍", "Ada 🦉", "Zoë O'Brien-Núñez"]) {
      expect(nameErrors(name), name).toEqual([]);
    }
  });
});
