"use client";

import { useEffect } from "react";
import { HYDRATED_ATTRIBUTE } from "@/lib/hydrated-attribute";

/**
 * Marks the page hydrated (`data-hydrated` on <html>) once React has hydrated the root layout and run every effect
 * before this one (it is the layout's last component). The loader that starts Next's scripts after the first paint
 * (lib/cache/scripts-after-paint.ts) holds a reader's presses on buttons until then, and replays them at this mark.
 */
export function HydrationMark() {
  useEffect(() => document.documentElement.setAttribute(HYDRATED_ATTRIBUTE, ""), []);
  return null;
}
