/**
 * Why an import failed, in words a reader understands. Domain errors without
 * HTTP in them; the route maps them to statuses (import-error-status.ts).
 */
export type ArticleImportFailure =
  | "no-article"
  | "too-large"
  | "unreachable"
  | "not-allowed"
  | "unsupported-type"
  | "unsupported-file"
  | "invalid-file";

export const IMPORT_FAILURE_MESSAGES: Record<ArticleImportFailure, string> = {
  "no-article": "That page has no readable article",
  "too-large": "The file is larger than 5 MB",
  unreachable: "That address could not be reached",
  "not-allowed": "That address could not be reached",
  "unsupported-type": "That address is not a web page or a text file",
  "unsupported-file": "Upload an .html, .htm, .md or .txt file",
  "invalid-file": "That file could not be read",
};

export class ArticleImportError extends Error {
  constructor(
    readonly failure: ArticleImportFailure,
    /** Details for the reader (a seed parser's line), shown after the message. */
    readonly detail?: string,
  ) {
    super(detail ? `${IMPORT_FAILURE_MESSAGES[failure]}: ${detail}` : IMPORT_FAILURE_MESSAGES[failure]);
    this.name = "ArticleImportError";
  }
}
