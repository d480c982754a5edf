import type { APIRequestContext, Page } from "@playwright/test";
import { createUser, expect, test, uniqueEmail } from "./fixtures/accounts";
import { expectNoAxeViolations } from "./fixtures/axe";
import { queryTestDatabase } from "./fixtures/test-database";

const ARTICLE_PATH = "/articles/syria-joins-us-led-coalition";

const header = (page: Page) => page.getByRole("banner");
// Next's route announcer is also role="alert": look for the form's own.
const formAlert = (page: Page) => page.locator("main").getByRole("alert");

async function fillSignIn(page: Page, credentials: { email: string; password: string }) {
  await page.getByLabel("Email").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function expectSignedInAs(page: Page, name: string) {
  await expect(header(page).getByText(name, { exact: true })).toBeVisible();
  await expect(header(page).getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(header(page).getByRole("link", { name: "Sign in" })).toHaveCount(0);
}

async function storedUser(email: string) {
  return queryTestDatabase<{ name: string; email: string; password_hash: string }>(
    "SELECT name, email, password_hash FROM users WHERE lower(email) = lower($1)",
    [email],
  );
}

/** One sign-in attempt through next-auth's endpoint; resolves to its error code, or null on success. */
async function apiSignInError(request: APIRequestContext, email: string, password: string) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", { form: { email, password, csrfToken, json: "true" } });
  const { url } = (await response.json()) as { url: string };
  return new URL(url).searchParams.get("error");
}

test("a reader signs up, stays signed in across reloads, signs out and signs in again", async ({ page }) => {
  const email = uniqueEmail("Ada");
  const password = "a long enough password";
  await page.goto("/");
  await header(page).getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page).toHaveURL(/\/sign-up$/);

  await page.getByLabel("Name").fill("  Ada Lovelace ");
  await page.getByLabel("Email").fill(email.toUpperCase());
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page).toHaveURL("/");
  await expectSignedInAs(page, "Ada Lovelace");
  const [stored] = await storedUser(email);
  expect(stored).toMatchObject({ name: "Ada Lovelace", email: email.toLowerCase() });
  expect(stored?.password_hash).toMatch(/^\$argon2id\$/);
  expect(stored?.password_hash).not.toContain(password);

  await page.reload();
  await expectSignedInAs(page, "Ada Lovelace");

  await header(page).getByRole("button", { name: "Sign out" }).click();
  await expect(header(page).getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(header(page).getByText("Ada Lovelace")).toHaveCount(0);
  await page.reload();
  await expect(header(page).getByRole("link", { name: "Sign in" })).toBeVisible();

  await header(page).getByRole("link", { name: "Sign in" }).click();
  await fillSignIn(page, { email, password });
  await expect(page).toHaveURL("/");
  await expectSignedInAs(page, "Ada Lovelace");
});

test("a wrong password and an unknown email get the same message, and the password field is cleared", async ({ page, user }) => {
  await page.goto("/sign-in");
  await fillSignIn(page, { email: user.email, password: "not the password" });
  await expect(formAlert(page)).toHaveText("Wrong email or password.");
  await expect(page.getByLabel("Password")).toHaveValue("");
  await expect(page.getByLabel("Password")).toBeFocused();

  await fillSignIn(page, { email: uniqueEmail("nobody"), password: user.password });
  await expect(formAlert(page)).toHaveText("Wrong email or password.");
  await expect(header(page).getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("signing in from an article returns the reader to that article", async ({ page, user }) => {
  await page.goto(ARTICLE_PATH);
  await header(page).getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`/sign-in?callbackUrl=${encodeURIComponent(ARTICLE_PATH)}`);
  await fillSignIn(page, user);
  await expect(page).toHaveURL(ARTICLE_PATH);
  await expectSignedInAs(page, user.name);
});

test("signing up from an article also returns there", async ({ page }) => {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(ARTICLE_PATH)}`);
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page).toHaveURL(`/sign-up?callbackUrl=${encodeURIComponent(ARTICLE_PATH)}`);
  await page.getByLabel("Name").fill("Grace Hopper");
  await page.getByLabel("Email").fill(uniqueEmail("grace"));
  await page.getByLabel("Password").fill("compilers all the way");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(ARTICLE_PATH);
  await expectSignedInAs(page, "Grace Hopper");
});

for (const target of ["https://evil.example/", "//evil.example/", "/\\evil.example/", "javascript:alert(document.domain)"]) {
  test(`a callbackUrl of ${target} cannot lead out of Gloss`, async ({ page, user, baseURL }) => {
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(target)}`);
    await fillSignIn(page, user);
    // The header shows the reader signed in as soon as the session is known, a moment before the page moves on.
    await expect(page).toHaveURL(`${new URL(baseURL ?? "").origin}/`);
    await expectSignedInAs(page, user.name);
  });
}

test("next-auth's own redirects stay inside Gloss too", async ({ request, baseURL }) => {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/signout", {
    form: { csrfToken, callbackUrl: "https://evil.example/", json: "true" },
  });
  const { url } = (await response.json()) as { url: string };
  expect(new URL(url).origin).toBe(new URL(baseURL ?? "").origin);
});

test("sign-up explains what is wrong, beside the field, and moves focus there", async ({ page, request }) => {
  const existing = await createUser(request);
  await page.goto("/sign-up");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("Name")).toBeFocused();
  await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Name")).toHaveAccessibleDescription("Enter your name.");
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription("Enter your email address.");

  await page.getByLabel("Name").fill("Ada");
  await page.getByLabel("Email").fill(existing.email.toUpperCase());
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("Password")).toBeFocused();
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription("Use at least 8 characters.");
  await expect(page.getByLabel("Name")).not.toHaveAttribute("aria-invalid");

  await page.getByLabel("Password").fill("long enough now");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("Email")).toBeFocused();
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription("An account with this email already exists. Sign in instead?");
  expect(await storedUser(existing.email)).toHaveLength(1);
  await expect(header(page).getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("POST /api/accounts answers bad input with 400 field errors and a taken email with 409", async ({ request }) => {
  const invalid = await request.post("/api/accounts", { data: { name: "", email: "nope", password: "x".repeat(129) } });
  expect(invalid.status()).toBe(400);
  expect(await invalid.json()).toMatchObject({
    error: "validation",
    fieldErrors: {
      name: ["Enter your name."],
      email: ["Enter an email address like name@example.com."],
      password: ["Use at most 128 characters."],
    },
  });

  const notJson = await request.post("/api/accounts", { headers: { "content-type": "application/json" }, data: "{" });
  expect(notJson.status()).toBe(400);

  const user = await createUser(request);
  const taken = await request.post("/api/accounts", { data: { name: "Again", email: ` ${user.email.toUpperCase()} `, password: "another password" } });
  expect(taken.status()).toBe(409);
  expect(await taken.json()).toMatchObject({ error: "email_taken", fieldErrors: { email: [expect.stringContaining("already exists")] } });

  const created = await request.post("/api/accounts", { data: { name: "Fresh", email: uniqueEmail(), password: "fresh password" } });
  expect(created.status()).toBe(201);
  const text = await created.text();
  expect(text).not.toMatch(/argon2|password/i);
});

test("POST /api/accounts takes JSON only, so a cross-site HTML form cannot create accounts", async ({ request }) => {
  const email = uniqueEmail("forged");
  const forged = await request.post("/api/accounts", {
    headers: { "content-type": "text/plain" },
    data: JSON.stringify({ name: "Forged", email, password: "forged password" }),
  });
  expect(forged.status()).toBe(415);
  expect(await storedUser(email)).toHaveLength(0);
});

test("protected API routes know the signed-in reader and refuse everyone else with 401", async ({ request, signedInPage }) => {
  // requireUser() in POST /api/annotations: signed out, the answer is 401 before the body is even read.
  const signedOut = await request.post("/api/annotations", { data: {} });
  expect(signedOut.status()).toBe(401);
  expect(await signedOut.json()).toMatchObject({ error: "unauthorized" });
  // Signed in, the same empty body gets past requireUser() and fails validation instead.
  const signedIn = await signedInPage.context().request.post("/api/annotations", { data: {} });
  expect(signedIn.status()).toBe(400);
});

test("too many wrong passwords lock the account for a while, even against the right password", async ({ page, request, user }) => {
  // Ten failures (the per-email limit) through the API, the eleventh attempt in the form.
  for (let attempt = 0; attempt < 10; attempt += 1) {
    expect(await apiSignInError(request, user.email, `wrong-${attempt}`)).toBe("CredentialsSignin");
  }
  await page.goto("/sign-in");
  await fillSignIn(page, user);
  await expect(formAlert(page)).toHaveText(/^Too many sign-in attempts\. Try again in (1[0-5]|[1-9]) minutes?\.$/);
  await expect(header(page).getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("a signed-in reader who opens the sign-in page is offered the way on instead of the form", async ({ signedInPage, user }) => {
  await signedInPage.goto(`/sign-in?callbackUrl=${encodeURIComponent(ARTICLE_PATH)}`);
  await expect(signedInPage.locator("main")).toContainText(`You are signed in as ${user.name}.`);
  await signedInPage.getByRole("link", { name: "Continue reading" }).click();
  await expect(signedInPage).toHaveURL(ARTICLE_PATH);
});

test("the shared fixtures sign two readers in side by side", async ({ pageSignedInAs, request }) => {
  const ada = await createUser(request, { name: "Ada" });
  const grace = await createUser(request, { name: "Grace" });
  const adaPage = await pageSignedInAs(ada);
  const gracePage = await pageSignedInAs(grace);
  await adaPage.goto("/");
  await gracePage.goto("/");
  await expectSignedInAs(adaPage, "Ada");
  await expectSignedInAs(gracePage, "Grace");
});

test("a very long name is truncated in the header, with the full name at hand", async ({ page, request }) => {
  const name = "Maria Salomea Skłodowska-Curie of Warsaw and Paris";
  const user = await createUser(request, { name });
  await page.goto("/sign-in");
  await fillSignIn(page, user);
  const shown = header(page).getByText(name, { exact: true });
  await expect(shown).toBeVisible();
  await expect(header(page).getByRole("link", { name: `Account: ${name}` })).toHaveAttribute("title", name);
  const { scrollWidth, clientWidth } = await shown.evaluate((element) => ({ scrollWidth: element.scrollWidth, clientWidth: element.clientWidth }));
  expect(scrollWidth).toBeGreaterThan(clientWidth);
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`both forms pass an axe scan, empty and showing errors (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    for (const [path, button] of [["/sign-in", "Sign in"], ["/sign-up", "Create account"]] as const) {
      await page.goto(path);
      await expect(page.getByRole("button", { name: button })).toBeVisible();
      await expectNoAxeViolations(page);
      await page.getByRole("button", { name: button }).click();
      await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
      await expectNoAxeViolations(page);
    }
  });
}
