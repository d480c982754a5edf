import { expect, it } from "vitest";
import { sectionOf, withSection } from "./benchmarks-section";

const FILE = "# Benchmarks\n\n## A\n\na\n\n## Soak\n\nold\n\n## C\n\nc\n";

it("replaces a section in place, adds a missing one at the end, and finds it again", () => {
  const replaced = withSection(FILE, "## Soak", "## Soak\n\nnew");
  expect(replaced).toBe("# Benchmarks\n\n## A\n\na\n\n## Soak\n\nnew\n\n## C\n\nc\n");
  expect(sectionOf(replaced, "## Soak")).toBe("## Soak\n\nnew");
  const added = withSection("# Benchmarks\n\n## A\n\na\n", "## Soak", "## Soak\n\nfirst");
  expect(added).toBe("# Benchmarks\n\n## A\n\na\n\n## Soak\n\nfirst\n");
  expect(sectionOf(added, "## Soak")).toBe("## Soak\n\nfirst");
  expect(sectionOf(FILE, "## Missing")).toBeNull();
});
