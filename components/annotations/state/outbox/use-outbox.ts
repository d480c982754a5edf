"use client";

import { useEffect, useSyncExternalStore } from "react";
import "./annotation-operations";
import { Outbox, type SaveState } from "./outbox";
import { browserOutboxStorage } from "./outbox-storage";

// One outbox per signed-in reader and page: the article view and its cards share it.
let current: { userId: string; outbox: Outbox; stop: () => void; users: number } | null = null;
const currentListeners = new Set<() => void>();

function currentChanged() {
  for (const listener of currentListeners) listener();
}

function acquire(userId: string): Outbox {
  if (current?.userId !== userId) {
    current?.stop();
    const outbox = new Outbox(browserOutboxStorage(), userId);
    current = { userId, outbox, stop: outbox.start(), users: 0 };
    currentChanged();
  }
  current.users++;
  return current.outbox;
}

function release(outbox: Outbox) {
  if (current?.outbox !== outbox || --current.users > 0) return;
  current.stop();
  current = null;
  currentChanged();
}

/** The signed-in reader's outbox (null while signed out), opened while a component uses it. */
export function useOutbox(userId: string | null): Outbox | null {
  useEffect(() => {
    if (!userId) return;
    const acquired = acquire(userId);
    return () => release(acquired);
  }, [userId]);
  const outbox = useCurrentOutbox();
  return userId && outbox?.userId === userId ? outbox : null;
}

const noSubscription = () => () => {};
const noVersion = () => 0;

/** How the writes of one annotation stand, re-rendering as they change. */
export function useSaveState(outbox: Outbox | null, annotationId: string | null): SaveState | null {
  useSyncExternalStore(outbox?.subscribe ?? noSubscription, outbox?.getVersion ?? noVersion, noVersion);
  return outbox && annotationId ? outbox.stateOf(annotationId) : null;
}

function subscribeCurrent(listener: () => void) {
  currentListeners.add(listener);
  return () => currentListeners.delete(listener);
}

/** The outbox the article view opened, for status lines anywhere on the page. */
export function useCurrentOutbox(): Outbox | null {
  return useSyncExternalStore(
    subscribeCurrent,
    () => current?.outbox ?? null,
    () => null,
  );
}
