/**
 * The annotation contract's plain values: colours, visibilities, limits.
 * Without zod, so that the reader's annotation layer, the notebook and the
 * share page take these without the schemas (./annotations.ts re-exports
 * them beside the schemas built from them).
 */
export const HIGHLIGHT_COLORS = ["yellow", "green", "blue", "pink", "purple"] as const;
export type HighlightColorName = (typeof HIGHLIGHT_COLORS)[number];

export const VISIBILITIES = ["private", "link", "public"] as const;
export type VisibilityName = (typeof VISIBILITIES)[number];

export { NOTE_MAX_LENGTH } from "./note-nesting";
export const QUOTE_MAX_LENGTH = 5_000;
export const TAG_MAX_LENGTH = 64;
export const TAGS_PER_ANNOTATION_MAX = 30;
