/** An article's slug: lower-case words joined by hyphens (also the seed file's name). No Node imports: the browser uses it too. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
