import type { HighlightColorName, VisibilityName } from "@/lib/api/annotations";

/** One annotation read from an import file, whatever its format. */
export interface ImportItem {
  /** Its place in the file (0-based), to name it in errors. */
  index: number;
  id: string;
  articleUrl: string;
  color: HighlightColorName;
  note: string | null;
  visibility: VisibilityName;
  tags: string[];
  quote: { exact: string; prefix: string; suffix: string };
  position: { start: number; end: number } | null;
  createdAt: Date | null;
  updatedAt: Date | null;
}
