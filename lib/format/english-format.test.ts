import { describe, expect, it } from "vitest";
import { formatCount, formatDateTime, formatLongDate, formatRelativeTime, type RelativeTimeUnit } from "./english-format";

// Every hour of two years (a leap year among them), and the edges of days, months and years in both halves of the day.
const dates = Array.from({ length: 2 * 366 * 24 }, (_, hour) => new Date(Date.UTC(2027, 11, 31, 23, 59) - hour * 3_600_000 - (hour % 60) * 60_000));

describe("english-format writes what Intl writes for English", () => {
  it("long dates, in UTC and local time", () => {
    const utc = new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" });
    const local = new Intl.DateTimeFormat("en", { dateStyle: "long" });
    for (const date of dates) {
      expect(formatLongDate(date, "utc")).toBe(utc.format(date));
      expect(formatLongDate(date, "local")).toBe(local.format(date));
    }
  });

  it("date and time, local", () => {
    const format = new Intl.DateTimeFormat("en", { dateStyle: "long", timeStyle: "short" });
    for (const date of dates) expect(formatDateTime(date)).toBe(format.format(date));
  });

  it("relative times, with words for the previous, this and the next one", () => {
    const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
    const units: RelativeTimeUnit[] = ["year", "month", "week", "day", "hour", "minute"];
    for (const unit of units) {
      for (const value of [-1500, -45, -3, -2, -1, 0, 1, 2, 3, 45, 1500]) expect(formatRelativeTime(value, unit)).toBe(format.format(value, unit));
    }
  });

  it("counts", () => {
    const format = new Intl.NumberFormat("en");
    for (const value of [0, 7, 999, 1000, 10_000, 123_456, 1_000_000, -1, -1234]) expect(formatCount(value)).toBe(format.format(value));
  });
});
