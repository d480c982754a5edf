/**
 * Texts and imports the anchoring tests share: seeded word salad with no
 * sentence repeated, a few distinct sentences about a harbour, and an
 * annotation as an importer sends it (quote and context, no position).
 */

import { describeTextRange } from "../describe";
import type { QuoteQuery } from "../types";
import { mulberry32 } from "./seeded-random";

const WORDS = "river harbour council winter storm engineer budget grant village school market bridge railway station garden library museum theatre festival".split(" ");

/** `words` words drawn from a small vocabulary by `seed`, ending with a full stop. */
export function wordProse(words: number, seed: number): string {
  const rand = mulberry32(seed);
  return Array.from({ length: words }, () => WORDS[Math.floor(rand() * WORDS.length)] as string).join(" ") + ".";
}

/** Sentences that share no passage: what a position or a context can be told apart by. */
export const HARBOUR_SENTENCES = [
  "The old harbour master kept a ledger of every ship that entered the bay during the long winter.",
  "Each spring the council voted on whether to dredge the channel, and each spring the vote was postponed.",
  "Fishermen complained that the sandbanks shifted faster than the charts could be redrawn by the navy.",
  "A small museum near the pier displays the ledger beside a brass telescope and a faded photograph.",
  "Visitors often ask why the lighthouse was moved inland, and the guides tell a story about a storm in 1887.",
  "The railway arrived late, long after the canal had carried coal to the mills for half a century.",
  "Today the quay is lined with cafes, and the only cargo unloaded there is ice cream for the tourists.",
  "Local historians are still arguing about the date on which the first stone of the breakwater was laid.",
] as const;

/** An import of the first copy of `exact` at or after `from`: its quote and 32 characters of context either side, no position. */
export function imported(text: string, exact: string, from = 0): { quote: QuoteQuery } {
  const start = text.indexOf(exact, from);
  return { quote: describeTextRange(text, start, start + exact.length).quote };
}
