// `npm run build`'s last step (scripts/lib/compile-hints.ts): the eager-compile hint on the build's client chunks.
import path from "node:path";
import { addEagerCompileHints } from "./lib/compile-hints";

const distDir = process.env.NEXT_DIST_DIR ?? ".next";
const changed = addEagerCompileHints(path.resolve(distDir));
console.log(`[gloss] eager-compile hint added to ${changed} client chunks in ${distDir}`);
