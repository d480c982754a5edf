import type { APIRequestContext } from "@playwright/test";
import { createUser, expect, signIn, test } from "../fixtures/accounts";

/** One sign-in attempt through next-auth's endpoint; its error code, or null on success. */
async function signInError(request: APIRequestContext, email: string, password: string): Promise<string | null> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", { form: { email, password, csrfToken, json: "true" } });
  return new URL(((await response.json()) as { url: string }).url).searchParams.get("error");
}

test("a flood of wrong passwords locks the account for strangers, not for the owner on a device they used before", async ({ playwright, baseURL, request }) => {
  const user = await createUser(request);
  const ownLaptop = await playwright.request.newContext({ baseURL });
  await signIn(ownLaptop, user);
  await ownLaptop.post("/api/auth/signout", { form: { csrfToken: ((await (await ownLaptop.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken, json: "true" } });

  const attacker = await playwright.request.newContext({ baseURL });
  for (let attempt = 0; attempt < 10; attempt += 1) expect(await signInError(attacker, user.email, "wrong guess")).toBe("CredentialsSignin");
  // The account is now locked for anyone without the device cookie, the right password included…
  expect(await signInError(attacker, user.email, user.password)).toMatch(/^TooManyAttempts/);
  const newBrowser = await playwright.request.newContext({ baseURL });
  expect(await signInError(newBrowser, user.email, user.password)).toMatch(/^TooManyAttempts/);
  // …but the owner's own laptop signs in.
  expect(await signInError(ownLaptop, user.email, user.password)).toBeNull();
  await Promise.all([ownLaptop.dispose(), attacker.dispose(), newBrowser.dispose()]);
});
