/**
 * Whether an error means "the database is away" (stopped, restarting,
 * unreachable, out of connections) rather than a fault in Gloss or a bad
 * request. Such errors answer 503 with Retry-After (lib/http/route-handler.ts):
 * the request can simply be sent again once PostgreSQL is back, and the pool
 * reconnects by itself.
 *
 * The same outage surfaces in several shapes: Prisma's connection error codes,
 * the driver adapter's `{ kind }` (@prisma/adapter-pg maps socket errors to
 * DatabaseNotReachable/ConnectionClosed/SocketTimeout), PostgreSQL's SQLSTATE
 * (class 08 and "shutting down"/"starting up"), Node's socket codes, and the
 * plain Errors `pg` throws when a connection dies or cannot be had in time.
 */

// P1001 can't reach, P1002 timed out, P1008 operation timed out, P1017 server
// closed the connection, P2024 timed out waiting for a pool connection, P2037
// too many connections.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH"]);
// 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now
// (starting up / shutting down / in recovery), 53300 too many connections.
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
const PG_MESSAGES = /connection terminated|timeout exceeded when trying to connect|connection timeout|client has encountered a connection error|the database system is (starting up|shutting down|in recovery mode)/i;

function isSqlstateOutage(code: unknown): boolean {
  return typeof code === "string" && (SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code));
}

function describesOutage(value: Record<string, unknown>): boolean {
  const { code, kind, message } = value;
  if (typeof code === "string" && (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || isSqlstateOutage(code))) return true;
  if (typeof kind === "string" && (ADAPTER_KINDS.has(kind) || (kind === "postgres" && isSqlstateOutage(code)))) return true;
  return typeof message === "string" && PG_MESSAGES.test(message);
}

/** Follows `cause` and Prisma's `meta.driverAdapterError` a few levels deep. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const pending: unknown[] = [error];
  for (let depth = 0; pending.length > 0 && depth < 8; depth++) {
    const value = pending.shift();
    if (!value || typeof value !== "object") continue;
    const record = value as Record<string, unknown>;
    // A Prisma error with a code is classified by its code alone: P2010
    // ("raw query failed") carries the adapter's reason in meta, checked below.
    if (describesOutage(record)) return true;
    const meta = record.meta as Record<string, unknown> | undefined;
    pending.push(record.cause, meta?.driverAdapterError);
    if (value instanceof AggregateError) pending.push(...value.errors);
  }
  return false;
}

/** Seconds a client should wait before sending a request again while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 2;
