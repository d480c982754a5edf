import type { ExternalToast } from "sonner";

type Sonner = typeof import("sonner");

let sonner: Promise<Sonner> | null = null;
const listeners = new Set<() => void>();

/**
 * Sonner, imported once: on the first toast, or earlier when the reader first
 * interacts (AppToaster), so that its live region is in place before their
 * actions are answered. Never part of a page's first load or evaluation.
 */
export function loadSonner(): Promise<Sonner> {
  if (!sonner) {
    sonner = import("sonner");
    for (const listener of listeners) listener();
  }
  return sonner;
}

/** For useSyncExternalStore: whether sonner has been asked for yet. */
export const sonnerRequested = () => sonner !== null;

export function onSonnerRequested(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

type Kind = "message" | "success" | "error" | "warning";

function show(kind: Kind, message: string, options?: ExternalToast) {
  void loadSonner().then(
    // Sonner replays toasts made before its Toaster mounted.
    ({ toast }) => (kind === "message" ? toast(message, options) : toast[kind](message, options)),
    () => {
      // Sonner's chunk could not load (offline before the first toast): the toast is lost, the action is not.
    },
  );
}

/** Sonner's `toast`, loading sonner on first use: `toast(message)`, `toast.success(message)`, … */
export const toast = Object.assign((message: string, options?: ExternalToast) => show("message", message, options), {
  success: (message: string, options?: ExternalToast) => show("success", message, options),
  error: (message: string, options?: ExternalToast) => show("error", message, options),
  warning: (message: string, options?: ExternalToast) => show("warning", message, options),
});
