"use client";

import dynamic from "next/dynamic";
import { useEffect, useSyncExternalStore } from "react";
import { loadSonner, onSonnerRequested, sonnerRequested } from "./toast";
import { useDarkTheme } from "./use-dark-theme";

// Toasts answer a reader's actions, never the first paint: sonner loads on the first toast or interaction (./toast.ts).
const Toaster = dynamic(() => loadSonner().then((module) => module.Toaster), { ssr: false });

const FIRST_INTERACTION = ["pointerdown", "keydown"] as const;

/**
 * Sonner's toaster, following the page theme (not only the system's), mounted once sonner is wanted.
 * Rendered by the annotation layer, where every toast comes from.
 */
export function AppToaster() {
  const requested = useSyncExternalStore(onSonnerRequested, sonnerRequested, () => false);
  const dark = useDarkTheme();

  useEffect(() => {
    if (requested) return;
    const load = () => void loadSonner();
    for (const type of FIRST_INTERACTION) window.addEventListener(type, load, { capture: true, once: true, passive: true });
    return () => {
      for (const type of FIRST_INTERACTION) window.removeEventListener(type, load, { capture: true });
    };
  }, [requested]);

  if (!requested) return null;
  return <Toaster theme={dark ? "dark" : "light"} position="bottom-center" toastOptions={{ className: "font-sans" }} />;
}
