"use client";

import { useEffect } from "react";
import { HydrationMark } from "@/components/layout/hydration-mark";
import { applyThemePreference } from "@/components/layout/theme-preference";
import { ServerErrorNotice } from "@/components/layout/server-error-notice";
import "./globals.css";

// Replaces the root layout when the layout itself fails, so it brings its own document.
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  useEffect(applyThemePreference, []);
  return (
    <html lang="en">
      <body className="bg-paper text-ink">
        <title>Temporarily unavailable · Gloss</title>
        <main>
          <ServerErrorNotice retry={retry} />
        </main>
        {/* Presses held before hydration (lib/cache/scripts-after-paint.ts) are let go here too: "Try again" works. */}
        <HydrationMark />
      </body>
    </html>
  );
}
