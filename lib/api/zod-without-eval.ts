import { z } from "zod";

/**
 * In the browser, zod parses objects without compiling a parser with
 * `new Function` (and without probing whether it may): the pages' Content
 * Security Policy refuses eval, and each probe would be reported as a
 * violation. On the server, where nothing forbids it, the faster compiled
 * parsers stay. Imported by every schema module a component uses.
 */
if (typeof window !== "undefined") z.config({ jitless: true });
