"use client";

import dynamic from "next/dynamic";
import { useDarkTheme } from "./use-dark-theme";

// Toasts answer a reader's actions, never the first paint: sonner loads after hydration, in its own chunk.
const Toaster = dynamic(() => import("sonner").then((module) => module.Toaster), { ssr: false });

/** Sonner's toaster, following the page theme (not only the system's). */
export function AppToaster() {
  const dark = useDarkTheme();
  return (
    <Toaster
      theme={dark ? "dark" : "light"}
      position="bottom-center"
      toastOptions={{ className: "font-sans" }}
    />
  );
}
