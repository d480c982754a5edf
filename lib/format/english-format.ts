/**
 * The interface's dates, times and counts in English, written out without `Intl`.
 *
 * Why: the first `Intl` formatter a page makes (`DateTimeFormat`, `RelativeTimeFormat`, `NumberFormat`,
 * `toLocaleString`, `localeCompare`) loads ICU's locale data on the main thread: 35–80 ms in a fresh Chromium
 * renderer on the bench machine, 140–320 ms at Lighthouse's 4× CPU, in whichever task first evaluates a module that
 * makes one (the library's article list, the annotation layer, the notebook). The strings here are exactly what
 * `Intl` writes for "en" (english-format.test.ts compares them), in a few microseconds.
 */

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "December 6, 2026" (`Intl.DateTimeFormat("en", { dateStyle: "long" })`), the date in UTC or on this machine's clock. */
export function formatLongDate(date: Date, zone: "utc" | "local"): string {
  return zone === "utc"
    ? `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`
    : `${MONTHS[date.getMonth()]} ${date.getDate()}, ${date.getFullYear()}`;
}

/** "December 6, 2026 at 7:05 PM" in local time (`Intl.DateTimeFormat("en", { dateStyle: "long", timeStyle: "short" })`). */
export function formatDateTime(date: Date): string {
  const hours = date.getHours();
  const minutes = String(date.getMinutes()).padStart(2, "0");
  return `${formatLongDate(date, "local")} at ${hours % 12 === 0 ? 12 : hours % 12}:${minutes} ${hours < 12 ? "AM" : "PM"}`;
}

export type RelativeTimeUnit = "year" | "month" | "week" | "day" | "hour" | "minute";

/** What `numeric: "auto"` says instead of a number of days, weeks, ... before, at and after now. */
const NAMED: Record<RelativeTimeUnit, [string, string, string]> = {
  year: ["last year", "this year", "next year"],
  month: ["last month", "this month", "next month"],
  week: ["last week", "this week", "next week"],
  day: ["yesterday", "today", "tomorrow"],
  hour: ["1 hour ago", "this hour", "in 1 hour"],
  minute: ["1 minute ago", "this minute", "in 1 minute"],
};

/** "3 days ago", "yesterday", "in 2 hours" (`Intl.RelativeTimeFormat("en", { numeric: "auto" }).format(value, unit)`), for whole values. */
export function formatRelativeTime(value: number, unit: RelativeTimeUnit): string {
  if (value >= -1 && value <= 1) return NAMED[unit][value + 1]!;
  const amount = Math.abs(value);
  const units = `${formatCount(amount)} ${unit}${amount === 1 ? "" : "s"}`;
  return value < 0 ? `${units} ago` : `in ${units}`;
}

/** "12,345" (`Intl.NumberFormat("en")`), for whole numbers. */
export function formatCount(value: number): string {
  const digits = String(Math.abs(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return value < 0 ? `-${digits}` : digits;
}
