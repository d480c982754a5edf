import { randomUUID } from "node:crypto";
import { sessionCookie } from "./annotations-api-bench";
import { oneWordAnnotationBodies } from "./one-word-annotations";
import { seedReaderAnnotations } from "./seed-reader-annotations";

/**
 * A server's life in miniature, for the reader-page bench's long-running
 * variant: page views, a reader's annotation reads and writes, sign-ins,
 * the notebook, share pages and made-up addresses, 16 at a time. Everything
 * that could grow with traffic is touched: per-viewer list caches, session
 * rows and decoded tokens, the article-text copies, Next's page cache and
 * the 404s it must not keep.
 */
const CONCURRENCY = 16;

interface Kind {
  name: string;
  /** How many of every 50 requests are of this kind. */
  share: number;
  send: () => Promise<Response>;
}

export interface MixedTrafficResult {
  requests: number;
  seconds: number;
  /** Per kind: requests and the statuses they got. */
  kinds: { name: string; requests: number; statuses: Map<number, number> }[];
}

export async function runMixedTraffic(baseUrl: string, slug: string, total: number): Promise<MixedTrafficResult> {
  const reader = await seedReaderAnnotations({ slug, count: 50, seed: 15 });
  const cookie = await sessionCookie(baseUrl, reader.email, reader.password);
  const json = { cookie, "content-type": "application/json" };
  const nextCreate = await oneWordAnnotationBodies(slug);
  const created: string[] = [];

  // A few notes shared by link, whose pages strangers open.
  const shared: string[] = [];
  for (let i = 0; i < 5; i += 1) {
    const { id, body } = nextCreate();
    await fetch(`${baseUrl}/api/annotations`, { method: "POST", headers: json, body });
    await fetch(`${baseUrl}/api/annotations/${id}`, { method: "PATCH", headers: json, body: JSON.stringify({ visibility: "link" }) });
    shared.push(id);
  }
  const page = (path: string, headers?: Record<string, string>) => () => fetch(`${baseUrl}${path}`, { headers });
  let turn = 0;
  const pick = <T>(items: T[]) => items[turn++ % items.length]!;

  const kinds: Kind[] = [
    { name: "reader page", share: 3, send: page(`/articles/${slug}`) },
    { name: "library and about", share: 2, send: () => fetch(`${baseUrl}${pick(["/", "/about"])}`) },
    { name: "annotation list (signed in)", share: 8, send: page(`/api/articles/${slug}/annotations`, { cookie }) },
    { name: "annotation list (signed out)", share: 3, send: page(`/api/articles/${slug}/annotations`) },
    {
      name: "create annotation",
      share: 5,
      send: async () => {
        const { id, body } = nextCreate();
        const response = await fetch(`${baseUrl}/api/annotations`, { method: "POST", headers: json, body });
        if (response.status === 201) created.push(id);
        return response;
      },
    },
    {
      name: "edit annotation",
      share: 2,
      send: () => fetch(`${baseUrl}/api/annotations/${pick(created.length > 0 ? created : shared)}`, { method: "PATCH", headers: json, body: JSON.stringify({ note: `note ${randomUUID()}` }) }),
    },
    {
      name: "delete annotation",
      share: 1,
      send: () => (created.length > 0 ? fetch(`${baseUrl}/api/annotations/${created.shift()!}`, { method: "DELETE", headers: { cookie } }) : page("/api/health")()),
    },
    { name: "made-up article", share: 5, send: () => fetch(`${baseUrl}/articles/made-up-${randomUUID()}`) },
    { name: "made-up path", share: 3, send: () => fetch(`${baseUrl}/made-up-${randomUUID()}`) },
    { name: "made-up share link", share: 2, send: () => fetch(`${baseUrl}/n/${randomUUID()}`) },
    { name: "share page", share: 4, send: () => fetch(`${baseUrl}/n/${pick(shared)}`) },
    { name: "notebook search", share: 4, send: () => fetch(`${baseUrl}/api/annotations?q=${pick(["the", "coalition", "syria", "note"])}`, { headers: { cookie } }) },
    { name: "notebook page", share: 2, send: page("/notebook", { cookie }) },
    { name: "sign-in page", share: 2, send: page("/sign-in") },
    { name: "tags and health", share: 2, send: () => fetch(`${baseUrl}${pick(["/api/tags", "/api/health"])}`, { headers: { cookie } }) },
    {
      name: "sign-in (a new session each)",
      share: 2,
      send: async () => {
        const signedIn = await sessionCookie(baseUrl, reader.email, reader.password);
        return fetch(`${baseUrl}/api/auth/session`, { headers: { cookie: signedIn } });
      },
    },
  ];
  const schedule = kinds.flatMap((kind) => Array.from({ length: kind.share }, () => kind));
  if (schedule.length !== 50) throw new Error(`the mix must add up to 50, not ${schedule.length}`);

  const statuses = new Map(kinds.map((kind) => [kind.name, new Map<number, number>()]));
  let sent = 0;
  const startedAt = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (sent < total) {
        const kind = schedule[sent++ % schedule.length]!;
        const response = await kind.send();
        await response.arrayBuffer();
        const byStatus = statuses.get(kind.name)!;
        byStatus.set(response.status, (byStatus.get(response.status) ?? 0) + 1);
      }
    }),
  );
  return {
    requests: sent,
    seconds: (performance.now() - startedAt) / 1000,
    kinds: kinds.map((kind) => {
      const byStatus = statuses.get(kind.name)!;
      return { name: kind.name, requests: [...byStatus.values()].reduce((sum, n) => sum + n, 0), statuses: byStatus };
    }),
  };
}
