import { foldString } from "./normalize";
import type { QuoteQuery } from "./types";

/** A quote with its whitespace-normalized forms, computed once per query. */
export interface PreparedQuote {
  exact: string;
  prefix: string;
  suffix: string;
  nExact: string;
  nPrefix: string;
  nSuffix: string;
}

export function prepareQuote(query: QuoteQuery): PreparedQuote | null {
  const exact = query.exact ?? "";
  if (exact.length === 0) return null;
  const prefix = query.prefix ?? "";
  const suffix = query.suffix ?? "";
  return {
    exact,
    prefix,
    suffix,
    nExact: foldString(exact),
    nPrefix: foldString(prefix),
    nSuffix: foldString(suffix),
  };
}
