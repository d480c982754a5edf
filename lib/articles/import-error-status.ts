import { HttpError } from "@/lib/http/route-handler";
import { ArticleImportError, IMPORT_FAILURE_MESSAGES, type ArticleImportFailure } from "./article-import-error";

const STATUS: Record<ArticleImportFailure, number> = {
  "no-article": 422,
  "too-large": 413,
  unreachable: 422,
  "not-allowed": 422,
  "unsupported-type": 415,
  "unsupported-file": 415,
  "invalid-file": 422,
};

/** An import failure as the API answers it: its words, the detail after them, under `fieldErrors` of the field to blame. */
export async function withImportErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof ArticleImportError)) throw error;
    // Never say why an address was refused beyond "could not be reached": that would map the network.
    const message = error.failure === "not-allowed" || error.failure === "unreachable" ? IMPORT_FAILURE_MESSAGES[error.failure] : error.message;
    throw new HttpError(STATUS[error.failure], error.failure.replaceAll("-", "_"), message);
  }
}
