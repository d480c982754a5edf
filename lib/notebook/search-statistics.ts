import { readRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { foldForMatch } from "./search-terms";

/**
 * How common a search's words are among one reader's annotations, estimated
 * from PostgreSQL's own statistics (what ANALYZE keeps, autovacuum included),
 * so that a search in date order can go straight to the index when the
 * reader's newest rows would not fill its page (notebook-sql.ts, SearchPlan).
 *
 * The per-reader search index (migrations `notebook_search_per_reader`,
 * `search_index_word_beginnings`) has statistics of its own: its most common
 * keys, each written after its reader's id, with the share of all
 * annotations holding it. A key is a word, or '>' and a word's beginning of
 * 3 to 6 characters. With the share of annotations that are the reader's
 * (the most common authors), that gives the share of the reader's
 * annotations a search matches, as PostgreSQL's planner estimates a text
 * search (tsquerysel: a prefix of 3 to 6 characters is one key, any other
 * prefix the words it begins).
 *
 * Each instance reads the statistics at most once a minute and uses the last
 * reading meanwhile. They only choose the plan: both plans return the same
 * rows, so a stale or missing reading costs time, never a wrong result.
 */
export interface SearchStatistics {
  /** Rows of `annotations` when it was last analysed. */
  rows: number;
  /** The index's most common words by reader (the index writes each after its reader's id, 32 hex digits), with their shares of all rows. */
  wordsByReader: ReadonlyMap<string, ReadonlyArray<{ word: string; share: number }>>;
  /** The index's most common word beginnings (3 to 6 characters) by reader, with their shares of all rows. */
  beginningsByReader: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** How many words the index's list holds, the share of rows holding any of them, the share of the rarest listed key. */
  listedWords: number;
  listedShare: number;
  rarestShare: number;
  /** The readers with the most annotations, by id, with their shares of all rows. */
  authors: ReadonlyMap<string, number>;
}

const STATISTICS_TTL_MS = 60_000;
/** What the index writes between the reader's id and a word's beginning (migration `search_index_word_beginnings`). */
const WORD_BEGINNING_MARK = ">";
/** The lengths of the beginnings the index holds as keys of their own. */
const MIN_BEGINNING = 3;
const MAX_BEGINNING = 6;
/** PostgreSQL's own floor for a text search's selectivity (DEFAULT_TS_MATCH_SEL in tsquerysel). */
const DEFAULT_MATCH_SHARE = 0.005;
/**
 * The window is skipped only when it is expected to hold less than a quarter of a page (estimates of rare words run
 * low), and sized to hold this many pages.
 */
const SAFETY_FACTOR = 4;

interface StatisticsRow {
  rows: number;
  words: string[];
  wordShares: number[];
  authors: string[];
  authorShares: number[];
}

/** One reading of PostgreSQL's statistics; null until `annotations` and its search index have been analysed. */
export async function readSearchStatistics(): Promise<SearchStatistics | null> {
  const [row] = await readRows<StatisticsRow>(Prisma.sql`
    SELECT (SELECT reltuples FROM pg_class WHERE oid = 'annotations'::regclass)::float8 AS rows,
           w.most_common_elems::text::text[] AS words, w.most_common_elem_freqs AS "wordShares",
           a.most_common_vals::text::text[] AS authors, a.most_common_freqs AS "authorShares"
      FROM pg_stats w, pg_stats a
     WHERE w.schemaname = current_schema() AND w.tablename = 'annotations_owned_search_idx'
       AND a.schemaname = current_schema() AND a.tablename = 'annotations' AND a.attname = 'author_id'`);
  if (!row || row.rows <= 0 || !row.words || !row.authors) return null;
  // most_common_elem_freqs ends with the minimum, the maximum (and the share of nulls): one share per word comes first.
  const wordsByReader = new Map<string, Array<{ word: string; share: number }>>();
  const beginningsByReader = new Map<string, Map<string, number>>();
  let listedWords = 0;
  let listedShare = 0;
  let rarestShare = 1;
  row.words.forEach((key, index) => {
    const share = row.wordShares[index]!;
    const reader = key.slice(0, 32);
    rarestShare = Math.min(rarestShare, share);
    if (key[32] === WORD_BEGINNING_MARK) {
      const beginnings = beginningsByReader.get(reader) ?? new Map<string, number>();
      beginningsByReader.set(reader, beginnings.set(key.slice(33), share));
      return;
    }
    const words = wordsByReader.get(reader) ?? [];
    if (words.length === 0) wordsByReader.set(reader, words);
    words.push({ word: key.slice(32), share });
    listedWords += 1;
    listedShare += share - listedShare * share;
  });
  const authors = new Map(row.authors.map((author, index) => [author, row.authorShares[index]!]));
  return { rows: row.rows, wordsByReader, beginningsByReader, listedWords, listedShare, rarestShare, authors };
}

let latest: { statistics: SearchStatistics | null; readAt: number } | undefined;
let reading: Promise<SearchStatistics | null> | undefined;

function readAgain(): Promise<SearchStatistics | null> {
  reading ??= readSearchStatistics()
    // Unreadable (say, PostgreSQL away a moment): no statistics until the next reading, so the window first.
    .catch(() => null)
    .then((statistics) => {
      latest = { statistics, readAt: Date.now() };
      return statistics;
    })
    .finally(() => (reading = undefined));
  return reading;
}

/** The latest reading (read again in the background once it is a minute old; the first search waits for one). */
export async function searchStatistics(): Promise<SearchStatistics | null> {
  if (!latest) return readAgain();
  if (Date.now() - latest.readAt > STATISTICS_TTL_MS) void readAgain();
  return latest.statistics;
}

/**
 * PostgreSQL's estimate of the share of all annotations holding a word of
 * the reader that starts with one of `prefixes` (tsquerysel for a prefix
 * term). A prefix of 3 to 6 characters is one key: its listed share, or,
 * unlisted, what PostgreSQL assumes for an unlisted key. Any other: the
 * listed words that match, plus the unlisted rest in the proportion of
 * listed words that match, never below what it assumes for an unlisted word.
 */
function prefixShare(statistics: SearchStatistics, reader: string, prefixes: string[]): number {
  const unlisted = Math.min(DEFAULT_MATCH_SHARE, statistics.rarestShare / 2);
  if (prefixes.every(isIndexedBeginning)) {
    const beginnings = statistics.beginningsByReader.get(reader);
    return Math.max(unlisted, ...prefixes.map((prefix) => beginnings?.get(prefix) ?? 0));
  }
  let matched = 0;
  let matchingWords = 0;
  for (const { word, share } of statistics.wordsByReader.get(reader) ?? []) {
    if (!prefixes.some((prefix) => word.startsWith(prefix))) continue;
    matched += share - matched * share;
    matchingWords += 1;
  }
  const estimate = matched + (1 - statistics.listedShare) * (matchingWords / Math.max(1, statistics.listedWords));
  return Math.max(unlisted, estimate);
}

function isIndexedBeginning(prefix: string): boolean {
  const length = [...prefix].length;
  return length >= MIN_BEGINNING && length <= MAX_BEGINNING;
}

/** The reader's newest rows a search looks among first: at least this many (also without statistics)… */
export const MIN_RECENT_WINDOW = 1000;
/** …and at most this many: a window that does not fill the page is read to its end before the index is asked. */
export const MAX_RECENT_WINDOW = 4000;

/**
 * How many of the reader's newest annotations a search in date order reads
 * first (notebook-sql.ts, the "recent" plan), or null to ask the search index
 * at once. The window holds about SAFETY_FACTOR pages of matches by
 * PostgreSQL's estimate, between MIN_RECENT_WINDOW and MAX_RECENT_WINDOW rows:
 * reading stops when the page is full, so a wide window costs a common word
 * nothing, and a word in 1–10 % of the reader's notes no longer misses a
 * 1,000-row window and then sorts its thousands of matches from the index
 * (BENCHMARKS.md, Notebook, session 18). A word not expected to fill even a
 * quarter of a page among the newest MIN_RECENT_WINDOW goes to the index, as
 * before. The window is MIN_RECENT_WINDOW (look there first) when there are
 * no statistics or the reader is not among the most common authors (then not
 * known to have many annotations).
 */
export function recentSearchWindow(statistics: SearchStatistics | null, ownerId: string, terms: string[], pageRows: number): number | null {
  const readerShare = statistics?.authors.get(ownerId);
  if (!statistics || readerShare === undefined) return MIN_RECENT_WINDOW;
  const reader = ownerId.replaceAll("-", "").toLowerCase();
  // The index's words are lower-cased and unaccented by PostgreSQL; the term folded as the page marks it, or only lower-cased.
  const prefixes = (term: string) => [...new Set([term.toLowerCase(), foldForMatch(term)])];
  const matchingShare = terms.reduce((share, term) => share * Math.min(1, prefixShare(statistics, reader, prefixes(term)) / readerShare), 1);
  const readerRows = readerShare * statistics.rows;
  if (matchingShare * Math.min(MIN_RECENT_WINDOW, readerRows) * SAFETY_FACTOR < pageRows) return null;
  return Math.min(MAX_RECENT_WINDOW, Math.max(MIN_RECENT_WINDOW, Math.ceil((SAFETY_FACTOR * pageRows) / matchingShare)));
}
