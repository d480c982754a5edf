import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { preload } from "react-dom";
import { AuthSessionProvider } from "@/components/auth/session-provider";
import { HydrationMark } from "@/components/layout/hydration-mark";
import { PrefetchOnIntent } from "@/components/layout/prefetch-on-intent";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { SkipLink } from "@/components/layout/skip-link";
import { themeScript } from "@/components/layout/theme-preference";
import { BODY_FONT_URL, UI_FONT_URL } from "@/lib/fonts/body-font.generated";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Gloss", template: "%s · Gloss" },
  description: "Read, highlight and annotate articles; share a link to any note.",
  applicationName: "Gloss",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fbf9f4" },
    { media: "(prefers-color-scheme: dark)", color: "#161513" },
  ],
};

const MAIN_CONTENT_ID = "main-content";

export default function RootLayout({ children }: { children: ReactNode }) {
  // The body face and the header's: the others are found through the stylesheet without delaying the text.
  preload(BODY_FONT_URL, { as: "font", type: "font/woff2", crossOrigin: "" });
  preload(UI_FONT_URL, { as: "font", type: "font/woff2", crossOrigin: "" });
  return (
    // The theme script sets the `dark` class before React hydrates.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="bg-paper text-ink">
        <AuthSessionProvider>
          <SkipLink targetId={MAIN_CONTENT_ID} />
          <SiteHeader />
          <main id={MAIN_CONTENT_ID} tabIndex={-1} className="flex-1 outline-none">
            {children}
          </main>
          <SiteFooter />
        </AuthSessionProvider>
        <PrefetchOnIntent />
        <HydrationMark />
      </body>
    </html>
  );
}
