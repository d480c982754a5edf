import type { APIRequestContext, APIResponse } from "@playwright/test";
import type { AnnotationDto, ArticleAnnotationsResponse, CreateAnnotationInput, VisibilityName } from "@/lib/api/annotations";
import type { AnnotationRepliesResponse, ReplyDto } from "@/lib/api/replies";
import { API_ARTICLE, createBody, expect, json, test, type ApiClients } from "../fixtures/annotation-api";

/**
 * Every route that reads or writes annotations, for every kind of visitor and
 * every visibility: exactly the allowed cells succeed; every other cell is a
 * 404 (a 401 for signed-out writes) whose body says nothing about the hidden
 * annotation. Each cell gets an annotation of its own.
 *
 * To cover a new route, add a row to ROUTES.
 */

type Who = "signed out" | "another reader" | "the author";

interface Target {
  annotation: AnnotationDto;
  /** The body that created it (for replaying the create). */
  createBody: CreateAnnotationInput;
  /** What a denied response must never contain. */
  secrets: string[];
  /** A reply by "another reader", for routes that need one (made while the annotation was Link). */
  reply?: ReplyDto;
}

interface RouteCase {
  name: string;
  /**
   * Secrets a denied body may hold for reasons of its own, checked another
   * way by `expectDenied`: a page's 404 repeats the URL it answers (Next's
   * router state), so the id; a list holds other annotations whose context
   * can overlap the quote.
   */
  mayContain?: (target: Target) => string[];
  allows: (who: Who, visibility: VisibilityName) => boolean;
  send: (client: APIRequestContext, target: Target) => Promise<APIResponse>;
  expectAllowed: (response: APIResponse, target: Target) => Promise<void>;
  /** Defaults to `expectNotFound`, or a 401 for signed-out writes. `client` is the one that was denied. */
  expectDenied?: (response: APIResponse, target: Target, who: Who, client: APIRequestContext) => Promise<void>;
  /** Writes: check afterwards that a denied attempt changed nothing. */
  writes?: boolean;
  /** The route acts on a reply (Target.reply). */
  needsReply?: boolean;
}

const mayRead = (who: Who, visibility: VisibilityName) => who === "the author" || visibility !== "private";
const mayList = (who: Who, visibility: VisibilityName) => who === "the author" || visibility === "public";
const mayWrite = (who: Who) => who === "the author";
// Replies exist only on Link and Public annotations (lib/annotations/reply-access.ts); the reply is "another reader"'s.
const mayReadReplies = (_who: Who, visibility: VisibilityName) => visibility !== "private";
const mayReply = (who: Who, visibility: VisibilityName) => who !== "signed out" && visibility !== "private";
const mayEditReply = (who: Who, visibility: VisibilityName) => who === "another reader" && visibility !== "private";
const mayDeleteReply = (who: Who, visibility: VisibilityName) => who !== "signed out" && visibility !== "private";

async function expectNotFound(response: APIResponse) {
  expect(response.status()).toBe(404);
}

async function expectWriteRefused(response: APIResponse, _target: Target, who: Who) {
  expect(response.status()).toBe(who === "signed out" ? 401 : 404);
}

/** The same request for an id no annotation ever had, with that id put back: a denial must be indistinguishable from it. */
async function expectSameAsUnknownId(response: APIResponse, target: Target, client: APIRequestContext, path: (id: string) => string) {
  expect(response.status()).toBe(404);
  const unknown = crypto.randomUUID();
  const baseline = await client.get(path(unknown));
  expect(baseline.status()).toBe(404);
  expect(withoutNonce((await response.text()).replaceAll(target.annotation.id, unknown))).toBe(withoutNonce(await baseline.text()));
}

/** Each response has its own script nonce (the Content-Security-Policy's); everything else must match. */
function withoutNonce(html: string): string {
  const nonce = /nonce="([^"]+)"/.exec(html)?.[1];
  return nonce ? html.replaceAll(nonce, "NONCE") : html;
}

const sharePath = (id: string) => `/n/${id}`;
const repliesPath = (id: string) => `/api/annotations/${id}/replies`;
const replyPath = (id: string) => `/api/replies/${id}`;
const shareImagePath = (id: string) => `/n/${id}/card.png`;

const ROUTES: RouteCase[] = [
  {
    name: "GET /api/articles/[slug]/annotations",
    allows: mayList,
    send: (client) => client.get(`/api/articles/${API_ARTICLE}/annotations`),
    expectAllowed: async (response, { annotation }) => {
      expect(response.status()).toBe(200);
      const { annotations } = await json<ArticleAnnotationsResponse>(response);
      expect(annotations.find((a) => a.id === annotation.id)).toMatchObject({ note: annotation.note, quote: annotation.quote });
    },
    // A list is never a 404 for the article; the annotation is simply not in it.
    expectDenied: async (response, { annotation }) => {
      expect(response.status()).toBe(200);
      const { annotations } = await json<ArticleAnnotationsResponse>(response);
      expect(annotations.map((a) => a.id)).not.toContain(annotation.id);
    },
    mayContain: ({ annotation }) => [annotation.quote.exact],
  },
  {
    name: "GET /api/annotations/[id] (JSON)",
    allows: mayRead,
    send: (client, { annotation }) => client.get(`/api/annotations/${annotation.id}`),
    expectAllowed: async (response, { annotation }) => {
      expect(response.status()).toBe(200);
      expect(await response.json()).toMatchObject({ id: annotation.id, note: annotation.note, quote: annotation.quote });
    },
  },
  {
    name: "GET /api/annotations/[id] (JSON-LD)",
    allows: mayRead,
    send: (client, { annotation }) => client.get(`/api/annotations/${annotation.id}`, { headers: { Accept: "application/ld+json" } }),
    expectAllowed: async (response, { annotation }) => {
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toContain("application/ld+json");
      expect(await response.json()).toMatchObject({ id: expect.stringMatching(new RegExp(`/api/annotations/${annotation.id}$`)), body: { value: annotation.note } });
    },
  },
  {
    name: "GET /n/[id] (share page)",
    allows: mayRead,
    mayContain: ({ annotation }) => [annotation.id],
    send: (client, { annotation }) => client.get(sharePath(annotation.id)),
    expectAllowed: async (response, { annotation }) => {
      expect(response.status()).toBe(200);
      const html = await response.text();
      expect(html).toContain(annotation.note!);
      expect(html).toContain(annotation.quote.exact);
      expect(html).toContain("Amina Author");
    },
    expectDenied: (response, target, _who, client) => expectSameAsUnknownId(response, target, client, sharePath),
  },
  {
    name: "GET /n/[id]/card.png (share image)",
    allows: mayRead,
    send: (client, { annotation }) => client.get(shareImagePath(annotation.id)),
    expectAllowed: async (response) => {
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("image/png");
      expect((await response.body()).subarray(1, 4).toString("latin1")).toBe("PNG");
    },
    expectDenied: (response, target, _who, client) => expectSameAsUnknownId(response, target, client, shareImagePath),
  },
  {
    name: "POST /api/annotations (replaying the create)",
    allows: mayWrite,
    writes: true,
    send: (client, { createBody }) => client.post("/api/annotations", { data: createBody }),
    // The author's retry is answered with the annotation as it is now.
    expectAllowed: async (response, { annotation }) => {
      expect(response.status()).toBe(200);
      expect(await response.json()).toMatchObject({ id: annotation.id, visibility: annotation.visibility, isOwn: true });
    },
    expectDenied: expectWriteRefused,
  },
  {
    name: "PATCH /api/annotations/[id]",
    allows: mayWrite,
    writes: true,
    send: (client, { annotation }) =>
      client.patch(`/api/annotations/${annotation.id}`, { data: { note: "rewritten", color: "pink", visibility: "public" } }),
    expectAllowed: async (response, { annotation }) => {
      expect(response.status()).toBe(200);
      expect(await response.json()).toMatchObject({ id: annotation.id, note: "rewritten", color: "pink", visibility: "public" });
    },
    expectDenied: expectWriteRefused,
  },
  {
    name: "DELETE /api/annotations/[id]",
    allows: mayWrite,
    writes: true,
    send: (client, { annotation }) => client.delete(`/api/annotations/${annotation.id}`),
    expectAllowed: async (response) => {
      expect(response.status()).toBe(204);
      expect(await response.text()).toBe("");
    },
    expectDenied: expectWriteRefused,
  },
  {
    name: "GET /api/annotations/[id]/replies",
    allows: mayReadReplies,
    needsReply: true,
    send: (client, { annotation }) => client.get(repliesPath(annotation.id)),
    expectAllowed: async (response, { reply }) => {
      expect(response.status()).toBe(200);
      const { replies } = await json<AnnotationRepliesResponse>(response);
      expect(replies.map((r) => [r.id, r.body])).toEqual([[reply!.id, reply!.body]]);
    },
  },
  {
    name: "GET /api/replies/[id] (JSON-LD)",
    allows: mayReadReplies,
    needsReply: true,
    send: (client, { reply }) => client.get(replyPath(reply!.id), { headers: { Accept: "application/ld+json" } }),
    expectAllowed: async (response, { reply, annotation }) => {
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toContain("application/ld+json");
      expect(await response.json()).toMatchObject({
        motivation: "replying",
        body: { value: reply!.body },
        target: expect.stringMatching(new RegExp(`/api/annotations/${annotation.id}$`)),
      });
    },
  },
  {
    name: "POST /api/annotations/[id]/replies",
    allows: mayReply,
    writes: true,
    needsReply: true,
    send: (client, { annotation }) => client.post(repliesPath(annotation.id), { data: { id: crypto.randomUUID(), body: "Me too" } }),
    expectAllowed: async (response, { annotation }) => {
      expect(response.status()).toBe(201);
      expect(await response.json()).toMatchObject({ annotationId: annotation.id, body: "Me too", isOwn: true });
    },
    expectDenied: expectWriteRefused,
  },
  {
    name: "PATCH /api/replies/[id]",
    allows: mayEditReply,
    writes: true,
    needsReply: true,
    send: (client, { reply }) => client.patch(replyPath(reply!.id), { data: { body: "rewritten reply" } }),
    expectAllowed: async (response, { reply }) => {
      expect(response.status()).toBe(200);
      expect(await response.json()).toMatchObject({ id: reply!.id, body: "rewritten reply" });
    },
    expectDenied: expectWriteRefused,
  },
  {
    name: "DELETE /api/replies/[id]",
    allows: mayDeleteReply,
    writes: true,
    needsReply: true,
    send: (client, { reply }) => client.delete(replyPath(reply!.id)),
    expectAllowed: async (response) => {
      expect(response.status()).toBe(204);
    },
    expectDenied: expectWriteRefused,
  },
];

const WHO: Who[] = ["signed out", "another reader", "the author"];
const VISIBILITIES: VisibilityName[] = ["private", "link", "public"];

function clientFor(clients: ApiClients, who: Who): APIRequestContext {
  if (who === "the author") return clients.author.request;
  return who === "another reader" ? clients.reader.request : clients.anonymous;
}

async function setVisibility(clients: ApiClients, id: string, visibility: VisibilityName): Promise<AnnotationDto> {
  const shared = await clients.author.request.patch(`/api/annotations/${id}`, { data: { visibility } });
  expect(shared.status()).toBe(200);
  return json<AnnotationDto>(shared);
}

async function annotationFor(clients: ApiClients, passage: string, visibility: VisibilityName, withReply = false): Promise<Target> {
  const note = `Private musing ${crypto.randomUUID()}`;
  const body = await createBody(passage, { note, color: "green" });
  const created = await clients.author.request.post("/api/annotations", { data: body });
  expect(created.status(), await created.text()).toBe(201);
  let annotation = await json<AnnotationDto>(created);
  let reply: ReplyDto | undefined;
  if (withReply) {
    await setVisibility(clients, annotation.id, "link");
    const posted = await clients.reader.request.post(repliesPath(annotation.id), { data: { id: crypto.randomUUID(), body: `Hidden answer ${crypto.randomUUID()}` } });
    expect(posted.status(), await posted.text()).toBe(201);
    reply = await json<ReplyDto>(posted);
  }
  if (visibility !== "private" || withReply) annotation = await setVisibility(clients, annotation.id, visibility);
  const secrets = [annotation.id, passage, note, ...(reply ? [reply.id, reply.body] : [])];
  return { annotation, createBody: body, secrets, reply };
}

/** The replies as "another reader" finds them once the annotation is Link (it is made so if need be). */
async function repliesNow(clients: ApiClients, annotationId: string): Promise<ReplyDto[]> {
  await setVisibility(clients, annotationId, "link");
  const response = await clients.reader.request.get(repliesPath(annotationId));
  expect(response.status()).toBe(200);
  return (await json<AnnotationRepliesResponse>(response)).replies;
}

for (const route of ROUTES) {
  test.describe(route.name, () => {
    for (const who of WHO) {
      for (const visibility of VISIBILITIES) {
        const allowed = route.allows(who, visibility);
        test(`${who} × ${visibility}: ${allowed ? "allowed" : "denied"}`, async ({ clients, nextPassage }) => {
          const target = await annotationFor(clients, await nextPassage(), visibility, route.needsReply);
          const client = clientFor(clients, who);
          try {
            const response = await route.send(client, target);

            if (allowed) {
              await route.expectAllowed(response, target);
              return;
            }
            await (route.expectDenied ?? expectNotFound)(response, target, who, client);
            const body = await response.text();
            const allowedHere = route.mayContain?.(target) ?? [];
            const secrets = target.secrets.filter((secret) => !allowedHere.includes(secret));
            for (const secret of secrets) expect(body, "a denied response mentions the annotation").not.toContain(secret);
            if (route.writes && target.reply) {
              // Nothing changed: the reply is still there, as it was, and alone.
              expect(await repliesNow(clients, target.annotation.id)).toEqual([target.reply]);
            } else if (route.writes) {
              // Nothing changed: the author still finds it exactly as it was.
              const after = await clients.author.request.get(`/api/annotations/${target.annotation.id}`);
              expect(await after.json()).toEqual(target.annotation);
            }
          } finally {
            await clients.author.request.delete(`/api/annotations/${target.annotation.id}`);
          }
        });
      }
    }
  });
}
