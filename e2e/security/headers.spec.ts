import type { Page } from "@playwright/test";
import { test as accountsTest } from "../fixtures/accounts";
import { createAnnotationViaApi, ESSAY_PATH, waitForLayer } from "../fixtures/annotations";
import { expect } from "../fixtures/annotation-api";

const test = accountsTest;

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(";").map((part) => part.trim().split(/\s+/)).filter((words) => words[0]).map(([name, ...values]) => [name!, values]));
}

test.describe("security headers", () => {
  test("every page and route sends a strict Content-Security-Policy and a Permissions-Policy", async ({ request }) => {
    for (const target of ["/", ESSAY_PATH, "/about", "/sign-in", "/sign-up", "/articles/no-such-article", "/api/health", "/api/articles/no-such/annotations", "/n/00000000-0000-4000-8000-000000000000"]) {
      const response = await request.get(target);
      const headers = response.headers();
      const policy = headers["content-security-policy"];
      expect(policy, target).toBeTruthy();
      const csp = directives(policy!);
      expect(csp.get("object-src"), target).toEqual(["'none'"]);
      expect(csp.get("base-uri"), target).toEqual(["'none'"]);
      expect(csp.get("frame-ancestors"), target).toEqual(["'none'"]);
      expect(csp.get("default-src"), target).toEqual(["'self'"]);
      expect(csp.get("img-src"), target).toEqual(["'self'", "data:"]);
      expect(csp.get("font-src"), target).toEqual(["'self'"]);
      expect(csp.get("script-src"), target).not.toContain("'unsafe-eval'");
      expect(csp.get("script-src")!.every((source) => !source.startsWith("http") && source !== "*"), target).toBe(true);
      expect(headers["permissions-policy"], target).toContain("camera=()");
      expect(headers["x-content-type-options"], target).toBe("nosniff");
      // Plain http here: no HSTS, which only means something over https.
      expect(headers["strict-transport-security"], target).toBeUndefined();
    }
  });

  test("pages rendered per request allow only scripts carrying this response's nonce", async ({ request }) => {
    const first = directives((await request.get("/sign-in")).headers()["content-security-policy"]!).get("script-src")!;
    const second = directives((await request.get("/sign-in")).headers()["content-security-policy"]!).get("script-src")!;
    expect(first).toContain("'strict-dynamic'");
    expect(first).not.toContain("'unsafe-inline'");
    const nonce = first.find((source) => source.startsWith("'nonce-"));
    expect(nonce).toBeTruthy();
    expect(second).not.toContain(nonce);
  });

  test("HSTS is sent when the request came over https", async ({ request }) => {
    const response = await request.get("/api/health", { headers: { "X-Forwarded-Proto": "https" } });
    expect(response.headers()["strict-transport-security"]).toMatch(/^max-age=\d{8}/);
  });
});

async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on("console", (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) fromConsole.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return async () => [...fromConsole, ...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations))];
}

test.describe("in Chromium", () => {
  test("the main pages run under the policy without a single violation", async ({ signedInPage: page }) => {
    const violations = await watchViolations(page);
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Library", level: 1 })).toBeVisible();
    await page.goto(ESSAY_PATH);
    await waitForLayer(page);
    const annotation = await createAnnotationViaApi(page.context().request, page, { phrase: "margin", note: "A *note*" });
    const shared = await page.context().request.patch(`/api/annotations/${annotation.id}`, { data: { visibility: "link" } });
    expect(shared.status()).toBe(200);
    await page.reload();
    await waitForLayer(page);
    await page.goto(`/n/${annotation.id}`);
    await expect(page.locator("[data-shared-note]")).toBeVisible();
    await page.goto("/about");
    await page.goto("/no/such/page");
    await expect(page.getByRole("link", { name: "Browse the library" })).toBeVisible();
    expect(await violations()).toEqual([]);
  });

  test("the sign-in page runs under the policy without a violation", async ({ page }) => {
    const violations = await watchViolations(page);
    await page.goto("/sign-in");
    await page.getByRole("textbox", { name: "Email" }).fill("nobody@example.com");
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("main").getByRole("alert")).toBeVisible();
    expect(await violations()).toEqual([]);
  });
});
