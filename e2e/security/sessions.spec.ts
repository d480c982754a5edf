import type { APIRequestContext } from "@playwright/test";
import { createUser, expect, signIn, test } from "../fixtures/accounts";

async function sessionEmail(request: APIRequestContext): Promise<string | undefined> {
  return ((await (await request.get("/api/auth/session")).json()) as { user?: { email?: string } }).user?.email;
}

async function signOutThrough(request: APIRequestContext) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/signout", { form: { csrfToken, json: "true" } });
  expect(response.status()).toBe(200);
}

test.describe("signing out", () => {
  test("ends the session on the server: the cookie from before, replayed, signs nobody in", async ({ playwright, baseURL, request }) => {
    const user = await createUser(request);
    const laptop = await playwright.request.newContext({ baseURL });
    const phone = await playwright.request.newContext({ baseURL });
    await signIn(laptop, user);
    await signIn(phone, user);
    const stolen = (await laptop.storageState()).cookies;

    await signOutThrough(laptop);
    expect(await sessionEmail(laptop)).toBeUndefined();

    const replay = await playwright.request.newContext({ baseURL, storageState: { cookies: stolen, origins: [] } });
    expect(await sessionEmail(replay)).toBeUndefined();
    // Before signing out the same cookie could write; now it is a 401 (the body is never looked at).
    const created = await replay.post("/api/annotations", { data: { articleSlug: "any" } });
    expect(created.status()).toBe(401);

    // The other device stays signed in.
    expect(await sessionEmail(phone)).toBe(user.email);
    await Promise.all([laptop.dispose(), phone.dispose(), replay.dispose()]);
  });
});
