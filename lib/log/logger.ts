import pino from "pino";

/**
 * The server's log: one JSON object a line (pino), so whatever a request
 * carried (a path, a callbackUrl with line breaks) is a quoted string inside
 * a field and can never pass for a line Gloss wrote. Faults are logged with
 * their stack; expected refusals (an ended session, a bad sign-in) as one
 * line without. Request bodies and secrets are never logged.
 */
export function createLogger(destination?: pino.DestinationStream): pino.Logger {
  const options: pino.LoggerOptions = {
    base: { app: "gloss" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: ["password", "*.password", "token", "*.token", "cookie", "*.cookie", "authorization", "*.authorization"], censor: "[redacted]" },
  };
  return destination ? pino(options, destination) : pino(options);
}

export const logger = createLogger();

/** A fault's name and message, without its stack: for errors that were expected. */
export function briefError(error: unknown): { name: string; message: string } {
  return error instanceof Error ? { name: error.name, message: error.message } : { name: "Error", message: String(error) };
}
