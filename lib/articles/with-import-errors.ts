import { AppError, type ErrorCode } from "@/lib/api/errors";
import { ArticleImportError, IMPORT_FAILURE_MESSAGES, type ArticleImportFailure } from "./article-import-error";

const CODE: Record<ArticleImportFailure, ErrorCode> = {
  "no-article": "no_article",
  "too-large": "too_large",
  unreachable: "unreachable",
  // Never say why an address was refused beyond "could not be reached": that would map the network.
  "not-allowed": "unreachable",
  "unsupported-type": "unsupported_type",
  "unsupported-file": "unsupported_file",
  "invalid-file": "invalid_file",
};

/** An import failure as an AppError: its words, and the detail after them. */
export async function withImportErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof ArticleImportError)) throw error;
    const message = error.failure === "not-allowed" || error.failure === "unreachable" ? IMPORT_FAILURE_MESSAGES[error.failure] : error.message;
    throw new AppError(CODE[error.failure], message);
  }
}
