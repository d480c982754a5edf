"use client";

import { useEffect, useState } from "react";
import { formatDateTime, formatRelativeTime, type RelativeTimeUnit } from "@/lib/format/english-format";

const UNITS: Array<[RelativeTimeUnit, number]> = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

export function formatRelative(date: Date, now: number): string {
  const seconds = (date.getTime() - now) / 1000;
  if (Math.abs(seconds) < 45) return "just now";
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return formatRelativeTime(Math.round(seconds / size), unit);
  }
  return formatRelativeTime(Math.round(seconds / 60), "minute");
}

/** "3 minutes ago", with the exact moment in `dateTime` and as a tooltip; refreshed each minute. */
export function RelativeTime({ iso }: { iso: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  const date = new Date(iso);
  return (
    <time dateTime={iso} title={formatDateTime(date)}>
      {formatRelative(date, now)}
    </time>
  );
}
