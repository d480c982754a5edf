import { createUser, expect, test } from "../fixtures/accounts";

/**
 * `npm test` sets NEXTAUTH_URL to http://localhost:PORT; these readers use
 * http://127.0.0.1:PORT, and must never be moved to the other host (where
 * their session cookie does not exist).
 */
test.describe("a reader on another host name than NEXTAUTH_URL's", () => {
  test("signs in, reads and signs out without ever leaving the host they use", async ({ browser, baseURL, request }) => {
    const otherHost = baseURL!.replace("//localhost:", "//127.0.0.1:");
    expect(otherHost).not.toBe(baseURL);
    const user = await createUser(request, { name: "Ida Host" });
    const context = await browser.newContext({ baseURL: otherHost });
    const page = await context.newPage();
    const hosts: string[] = [];
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) hosts.push(new URL(frame.url()).host);
    });

    await page.goto("/articles/syria-joins-us-led-coalition");
    await page.getByRole("banner").getByRole("link", { name: "Sign in" }).click();
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${otherHost}/articles/syria-joins-us-led-coalition`);
    await expect(page.getByRole("banner").getByRole("button", { name: "Sign out" })).toBeVisible();

    await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
    await expect(page).toHaveURL(`${otherHost}/articles/syria-joins-us-led-coalition`);
    expect(new Set(hosts)).toEqual(new Set([new URL(otherHost).host]));

    // next-auth's own redirects stay on this host too.
    const redirect = await context.request.get("/api/auth/signin?callbackUrl=%2Fabout", { maxRedirects: 0 });
    expect(redirect.status()).toBe(302);
    expect(new URL(redirect.headers().location!, otherHost).host).toBe(new URL(otherHost).host);
    await context.close();
  });
});
