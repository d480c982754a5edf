import { randomUUID } from "node:crypto";

/**
 * One simulated reader of the soak: creates, edits and deletes its own
 * annotations over real HTTP, sends ~10 % of its requests twice (as after a
 * lost answer), and, like the reader's outbox, sends every write again until
 * the server acknowledges it: no answer, a timeout or a 503 are retried with
 * backoff. The ledger records what the server acknowledged, to be checked
 * against the database afterwards.
 */

export interface Ledger {
  attempted: number;
  acknowledged: number;
  requests: number;
  duplicateSends: number;
  /** Answers 503 with the database_unavailable error: the outage working as designed. */
  outage503: number;
  /** Any other 5xx: a fault. */
  other5xx: { status: number; body: string }[];
  /** No answer (connection refused or reset, timeout). */
  noAnswer: number;
  /** When each acknowledged request was sent and answered, for recovery times. */
  acknowledgements: { sentAt: number; at: number }[];
  /** What each annotation must look like: the last acknowledged note, or deleted. */
  expected: Map<string, { authorId: string; note: string | null; deleted: boolean }>;
  /** Every create id sent (acknowledged or not). */
  sentCreateIds: Set<string>;
  /** Annotations whose last write was never answered before the run ended: either outcome is right. */
  uncertain: Set<string>;
  /** 4xx answers to writes that should have been accepted (e.g. a 409 to a resent edit). */
  refused: string[];
}

export function newLedger(): Ledger {
  return {
    attempted: 0,
    acknowledged: 0,
    requests: 0,
    duplicateSends: 0,
    outage503: 0,
    other5xx: [],
    noAnswer: 0,
    acknowledgements: [],
    expected: new Map(),
    sentCreateIds: new Set(),
    uncertain: new Set(),
    refused: [],
  };
}

export interface WriterOptions {
  baseUrl: string;
  cookie: string;
  userId: string;
  articleSlug: string;
  text: string;
  until: number;
  ledger: Ledger;
}

interface Owned {
  id: string;
  version: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Outcome = { kind: "acknowledged"; version: number } | { kind: "refused" } | { kind: "gave-up" };

/** Sends until acknowledged (2xx, or `alsoDone`), a refusal (4xx), or 30 s past the end of the run. */
async function sendUntilAcknowledged(options: WriterOptions, method: string, path: string, body: unknown, alsoDone: number[] = []): Promise<Outcome> {
  const { ledger } = options;
  ledger.attempted++;
  const twice = Math.random() < 0.1;
  for (let attempt = 0; ; attempt++) {
    const sends = twice && attempt === 0 ? 2 : 1;
    let answer: { status: number; text: string } | null = null;
    let sentAt = 0;
    for (let send = 0; send < sends; send++) {
      sentAt = Date.now();
      ledger.requests++;
      if (send > 0) ledger.duplicateSends++;
      try {
        const response = await fetch(`${options.baseUrl}${path}`, {
          method,
          headers: { cookie: options.cookie, "content-type": "application/json", accept: "application/json" },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(10_000),
        });
        answer = { status: response.status, text: await response.text() };
      } catch {
        ledger.noAnswer++;
        answer = null;
      }
      if (answer && answer.status >= 500) {
        if (answer.status === 503 && answer.text.includes('"database_unavailable"')) ledger.outage503++;
        else ledger.other5xx.push({ status: answer.status, body: answer.text.slice(0, 200) });
      }
    }
    if (answer && (answer.status < 300 || alsoDone.includes(answer.status))) {
      ledger.acknowledged++;
      ledger.acknowledgements.push({ sentAt, at: Date.now() });
      return { kind: "acknowledged", version: answer.status < 300 && answer.text ? (JSON.parse(answer.text) as { version: number }).version : 0 };
    }
    if (answer && answer.status < 500 && answer.status !== 429) {
      ledger.refused.push(`${method} ${path}: ${answer.status} ${answer.text.slice(0, 160)}`);
      return { kind: "refused" };
    }
    // Keep trying past the end of the run for a little while: an attempted write is finished, not dropped.
    if (Date.now() > options.until + 30_000) return { kind: "gave-up" };
    await sleep(Math.min(2_000, 100 * 2 ** attempt) * (0.5 + Math.random()));
  }
}

function randomPassage(text: string) {
  for (;;) {
    const start = Math.floor(Math.random() * (text.length - 40));
    const exact = text.slice(start, start + 12 + Math.floor(Math.random() * 24));
    if (exact.trim() === exact && exact.trim() !== "") return { exact, start, end: start + exact.length };
  }
}

export async function runWriter(options: WriterOptions): Promise<void> {
  const { ledger } = options;
  const owned: Owned[] = [];
  let edits = 0;
  while (Date.now() < options.until) {
    const roll = Math.random();
    if (owned.length === 0 || roll < 0.5) {
      const id = randomUUID();
      const passage = randomPassage(options.text);
      ledger.sentCreateIds.add(id);
      const body = {
        id,
        articleSlug: options.articleSlug,
        color: "yellow",
        note: null,
        quote: { exact: passage.exact },
        position: { start: passage.start, end: passage.end },
      };
      const outcome = await sendUntilAcknowledged(options, "POST", "/api/annotations", body);
      if (outcome.kind === "gave-up") ledger.uncertain.add(id);
      if (outcome.kind !== "acknowledged") continue;
      ledger.expected.set(id, { authorId: options.userId, note: null, deleted: false });
      owned.push({ id, version: outcome.version });
    } else if (roll < 0.85) {
      const target = owned[Math.floor(Math.random() * owned.length)]!;
      const note = `edit ${++edits} by ${options.userId.slice(0, 8)}`;
      const outcome = await sendUntilAcknowledged(options, "PATCH", `/api/annotations/${target.id}`, { note, baseVersion: target.version });
      if (outcome.kind === "gave-up") ledger.uncertain.add(target.id);
      if (outcome.kind !== "acknowledged") continue;
      target.version = outcome.version;
      ledger.expected.set(target.id, { authorId: options.userId, note, deleted: false });
    } else {
      const index = Math.floor(Math.random() * owned.length);
      const target = owned[index]!;
      // A repeated delete answers 404: done all the same.
      const outcome = await sendUntilAcknowledged(options, "DELETE", `/api/annotations/${target.id}`, undefined, [404]);
      if (outcome.kind === "gave-up") ledger.uncertain.add(target.id);
      if (outcome.kind !== "acknowledged") continue;
      owned.splice(index, 1);
      ledger.expected.set(target.id, { authorId: options.userId, note: null, deleted: true });
    }
  }
}
