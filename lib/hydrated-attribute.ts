/**
 * Set on <html> once React has hydrated the page (components/layout/hydration-mark.tsx); the loader of Next's scripts
 * (lib/cache/scripts-after-paint.ts) holds a reader's presses until then. Tests wait for it too.
 */
export const HYDRATED_ATTRIBUTE = "data-hydrated";
