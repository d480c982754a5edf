"use client";

import { Toaster } from "sonner";
import { useDarkTheme } from "./use-dark-theme";

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
