import type { APIRequestContext, Page } from "@playwright/test";
import { createUser, expect, signIn, test, type TestUser } from "./fixtures/accounts";
import { createAnnotationViaApi, ESSAY_PATH, waitForLayer } from "./fixtures/annotations";
import { expectNoAxeViolations } from "./fixtures/axe";
import { queryTestDatabase } from "./fixtures/test-database";

const header = (page: Page) => page.getByRole("banner");

async function sessionEmail(request: APIRequestContext): Promise<string | undefined> {
  return ((await (await request.get("/api/auth/session")).json()) as { user?: { email?: string } }).user?.email;
}

async function rowCount(sql: string, values: unknown[]): Promise<number> {
  return Number((await queryTestDatabase<{ count: string }>(sql, values))[0]!.count);
}

async function openAccountPage(page: Page, user: TestUser) {
  await page.goto("/");
  await header(page).getByRole("link", { name: `Account: ${user.name}` }).click();
  await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
}

test.describe("the account page", () => {
  test("is reached from the header, and changes the reader's name everywhere it shows", async ({ signedInPage: page, user }) => {
    await openAccountPage(page, user);
    await page.getByRole("textbox", { name: "Name" }).fill("  Renamed Reader ");
    await page.getByRole("button", { name: "Change name" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your name is saved." })).toBeVisible();
    await expect(header(page).getByText("Renamed Reader", { exact: true })).toBeVisible();
    await page.getByRole("textbox", { name: "Name" }).fill("Eve\u202Egnp");
    await page.getByRole("button", { name: "Change name" }).click();
    await expect(page.getByText("Remove the text-direction control characters.")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("textbox", { name: "Name" })).toHaveValue("Renamed Reader");
  });

  test("changes the password after asking for the current one, and signs every other device out", async ({ signedInPage: page, user, playwright, baseURL }) => {
    const otherDevice = await playwright.request.newContext({ baseURL });
    await signIn(otherDevice, user);
    await openAccountPage(page, user);

    await page.getByLabel("Current password").fill("not my password");
    await page.getByLabel("New password").fill("a brand new password");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("That is not your current password.")).toBeVisible();
    expect(await sessionEmail(otherDevice)).toBe(user.email);

    await page.getByLabel("Current password").fill(user.password);
    await page.getByLabel("New password").fill("a brand new password");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your password is changed." })).toBeVisible();
    expect(await sessionEmail(otherDevice)).toBeUndefined();
    expect(await sessionEmail(page.context().request)).toBe(user.email);

    const fresh = await playwright.request.newContext({ baseURL });
    await signIn(fresh, { email: user.email, password: "a brand new password" });
    await Promise.all([otherDevice.dispose(), fresh.dispose()]);
  });

  test("signs out everywhere else at once, keeping this device signed in", async ({ signedInPage: page, user, playwright, baseURL }) => {
    const phone = await playwright.request.newContext({ baseURL });
    const tablet = await playwright.request.newContext({ baseURL });
    await signIn(phone, user);
    await signIn(tablet, user);
    await openAccountPage(page, user);
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Every other device is signed out." })).toBeVisible();
    expect(await sessionEmail(phone)).toBeUndefined();
    expect(await sessionEmail(tablet)).toBeUndefined();
    expect((await phone.post("/api/annotations", { data: {} })).status()).toBe(401);
    await page.reload();
    await expect(header(page).getByRole("button", { name: "Sign out" })).toBeVisible();
    await Promise.all([phone.dispose(), tablet.dispose()]);
  });

  test("deletes the account with its notes once the email is typed; other readers' notes stay", async ({ signedInPage: page, user, pageSignedInAs, request }) => {
    const neighbour = await createUser(request, { name: "Nia Neighbour" });
    const neighbourPage = await pageSignedInAs(neighbour);
    await neighbourPage.goto(ESSAY_PATH);
    await waitForLayer(neighbourPage);
    const theirs = await createAnnotationViaApi(neighbourPage.context().request, neighbourPage, { phrase: "margin", note: "Stays" });
    // Shared by link, not public: a public note on the essay would show up in other tests' lists.
    await neighbourPage.context().request.patch(`/api/annotations/${theirs.id}`, { data: { visibility: "link" } });
    await page.goto(ESSAY_PATH);
    await waitForLayer(page);
    const mine = await createAnnotationViaApi(page.context().request, page, { phrase: "margin", note: "Goes" });

    await openAccountPage(page, user);
    const confirm = page.getByRole("textbox", { name: `Type ${user.email} to confirm` });
    await confirm.fill("someone-else@example.com");
    await page.getByRole("button", { name: "Delete account" }).click();
    await expect(page.getByText("Type the email address of this account.")).toBeVisible();
    expect(await rowCount("SELECT count(*) FROM users WHERE id = $1", [user.id])).toBe(1);

    await confirm.fill(user.email.toUpperCase());
    await page.getByRole("button", { name: "Delete account" }).click();
    await expect(page).toHaveURL("/");
    await expect(header(page).getByRole("link", { name: "Sign in" })).toBeVisible();
    expect(await rowCount("SELECT count(*) FROM users WHERE id = $1", [user.id])).toBe(0);
    expect(await rowCount("SELECT count(*) FROM annotations WHERE id = $1", [mine.id])).toBe(0);
    expect(await rowCount("SELECT count(*) FROM user_sessions WHERE user_id = $1", [user.id])).toBe(0);
    expect(await rowCount("SELECT count(*) FROM annotations WHERE id = $1", [theirs.id])).toBe(1);
  });

  test("each section ends as far below its button as its title starts below its top, until a change is confirmed", async ({ signedInPage: page, user }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openAccountPage(page, user);
    /** Space above the section's title and below its last button, in pixels. */
    const margins = (title: string) =>
      page.getByRole("region", { name: title }).evaluate((section) => {
        const box = section.getBoundingClientRect();
        const buttons = section.querySelectorAll("button");
        return {
          above: Math.round(section.querySelector("h2")!.getBoundingClientRect().top - box.top),
          below: Math.round(box.bottom - buttons[buttons.length - 1]!.getBoundingClientRect().bottom),
        };
      });
    for (const title of ["Name", "Password", "Devices", "Delete account"]) {
      const { above, below } = await margins(title);
      expect(below, title).toBe(above);
    }
    await page.getByRole("button", { name: "Change name" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your name is saved." })).toBeVisible();
    const { above, below } = await margins("Name");
    expect(below).toBeGreaterThan(above);
  });

  test("asks who you are first when signed out", async ({ page }) => {
    await page.goto("/account");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);
  });

  for (const colorScheme of ["light", "dark"] as const) {
    test(`passes an axe scan, empty and showing errors, on a phone and a desktop (${colorScheme})`, async ({ signedInPage: page, user }) => {
      test.slow(); // two viewports, four axe scans and screenshots
      await page.emulateMedia({ colorScheme });
      for (const [label, viewport] of [["phone", { width: 390, height: 844 }], ["desktop", { width: 1280, height: 800 }]] as const) {
        await page.setViewportSize(viewport);
        await openAccountPage(page, user);
        await expectNoAxeViolations(page);
        await page.screenshot({ path: test.info().outputPath(`account-${label}-${colorScheme}.png`), fullPage: true });
        await page.getByRole("button", { name: "Change password" }).click();
        await expect(page.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");
        await page.getByRole("button", { name: "Delete account" }).click();
        await expect(page.getByRole("textbox", { name: `Type ${user.email} to confirm` })).toHaveAttribute("aria-invalid", "true");
        await expectNoAxeViolations(page);
        await page.screenshot({ path: test.info().outputPath(`account-${label}-${colorScheme}-errors.png`), fullPage: true });
      }
    });
  }
});
