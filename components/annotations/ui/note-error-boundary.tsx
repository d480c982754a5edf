"use client";

import { Component, type ReactNode } from "react";

interface NoteErrorBoundaryProps {
  /** Shown instead of the children if rendering them fails. */
  fallback: ReactNode;
  children: ReactNode;
}

/**
 * One note that cannot be rendered shows `fallback` on its own card; the
 * rest of the page (the article, every other note) carries on.
 */
export class NoteErrorBoundary extends Component<NoteErrorBoundaryProps, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
