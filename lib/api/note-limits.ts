/** How long a note (or a reply) may be; shared by the contract and the Markdown renderer's safety check. */
export const NOTE_MAX_LENGTH = 10_000;
