import { request as playwrightRequest } from "@playwright/test";
import { httpTable, runHttpBench, warmUp } from "./http-bench";
import { oneWordAnnotationBodies } from "./one-word-annotations";
import { seedReaderAnnotations } from "./seed-reader-annotations";

const LIST_SIZE = 200;

export async function sessionCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const context = await playwrightRequest.newContext({ baseURL: baseUrl });
  try {
    const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await context.post("/api/auth/callback/credentials", { form: { email, password, csrfToken, json: "true" } });
    const { cookies } = await context.storageState();
    const session = cookies.find((cookie) => cookie.name.endsWith("next-auth.session-token"));
    if (!session) throw new Error("bench reader could not sign in");
    return `${session.name}=${session.value}`;
  } finally {
    await context.dispose();
  }
}

/**
 * The one request that brings a reader's annotations after the cached
 * article page, and the create that follows a selection, against a route of
 * the same app that returns the same JSON from memory.
 */
export async function runAnnotationsApiBench(baseUrl: string, slug: string): Promise<string> {
  const reader = await seedReaderAnnotations({ slug, count: LIST_SIZE, seed: 7 });
  const cookie = await sessionCookie(baseUrl, reader.email, reader.password);
  const headers = { cookie };
  const listUrl = `${baseUrl}/api/articles/${slug}/annotations`;
  const memoryUrl = `${baseUrl}/api/bench/annotations-from-memory?slug=${slug}`;

  const listed = await (await fetch(listUrl, { headers })).text();
  const fromMemory = await (await fetch(memoryUrl, { headers })).text();
  if ((JSON.parse(listed) as { annotations: unknown[] }).annotations.length !== LIST_SIZE || fromMemory !== listed) {
    throw new Error("the memory route does not serve the same JSON as the list");
  }
  await warmUp(listUrl, headers);
  await warmUp(memoryUrl, headers);
  const memory = await runHttpBench({ label: "from memory (same JSON, same app)", url: memoryUrl, headers });
  const list = await runHttpBench({ label: `\`GET /api/articles/${slug}/annotations\` (${LIST_SIZE} annotations)`, url: listUrl, headers });

  // Creates: real selectors of one word each, a fresh client id per request.
  const { db } = await import("../../lib/db");
  const nextCreate = await oneWordAnnotationBodies(slug);
  const sentIds: string[] = [];
  const acknowledgedIds: string[] = [];
  const body = () => {
    const { id, body: created } = nextCreate();
    sentIds.push(id);
    return created;
  };
  const create = await runHttpBench({
    label: "`POST /api/annotations`",
    url: `${baseUrl}/api/annotations`,
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body,
    onResponse: (status, responseBody) => {
      if (status === 201) acknowledgedIds.push((JSON.parse(responseBody) as { id: string }).id);
    },
  });
  const storedOfAcknowledged = await db.annotation.count({ where: { id: { in: acknowledgedIds } } });
  const storedOfSent = await db.annotation.count({ where: { id: { in: sentIds } } });
  const distinctAcknowledged = new Set(acknowledgedIds).size;

  const listRatio = list.requestsPerSecond / memory.requestsPerSecond;
  const createRatio = create.requestsPerSecond / memory.requestsPerSecond;
  return [
    "## Annotations API",
    "",
    `autocannon, 32 connections, 10 s each, signed in as a reader with ${LIST_SIZE} annotations on the article.`,
    "",
    httpTable([memory, list, create]),
    "",
    `- List / memory: **${listRatio.toFixed(2)}×** (goal ≥ 0.5×), list p99 **${list.p99.toFixed(1)} ms** (goal < 100 ms).`,
    `- Create / memory: **${createRatio.toFixed(2)}×** (goal ≥ 0.3×); ${create.errors} errors, ${create.non2xx} non-2xx.`,
    `- Creates acknowledged (201): ${acknowledgedIds.length} (${distinctAcknowledged} distinct ids); of those in the database: **${storedOfAcknowledged}**; requests sent: ${sentIds.length}, rows for all sent ids: ${storedOfSent} (the id is the primary key, so no id is stored twice).`,
  ].join("\n");
}
