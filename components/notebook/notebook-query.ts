/** The notebook's query as kept in the URL: every value a string, absent when unset. */
export interface NotebookQuery {
  q?: string;
  tag?: string;
  color?: string;
  article?: string;
  visibility?: string;
  hasNote?: string;
  sort?: string;
}

export const QUERY_KEYS = ["q", "tag", "color", "article", "visibility", "hasNote", "sort"] as const;
