import type { APIResponse, Page } from "@playwright/test";
import { test as accountsTest } from "../fixtures/accounts";
import { createAnnotationViaApi, ESSAY_PATH, waitForLayer } from "../fixtures/annotations";
import { expect } from "../fixtures/annotation-api";
import { cachedResponse } from "../fixtures/page-cache";

const test = accountsTest;

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(";").map((part) => part.trim().split(/\s+/)).filter((words) => words[0]).map(([name, ...values]) => [name!, values]));
}

/** Every Content-Security-Policy header of a response (a browser enforces each one). */
function policies(response: APIResponse): Map<string, string[]>[] {
  return response.headersArray().filter((header) => header.name.toLowerCase() === "content-security-policy").map((header) => directives(header.value));
}

test.describe("security headers", () => {
  test("every page and route sends a strict Content-Security-Policy and a Permissions-Policy", async ({ request }) => {
    for (const target of ["/", ESSAY_PATH, "/about", "/sign-in", "/sign-up", "/articles/no-such-article", "/api/health", "/api/articles/no-such/annotations", "/n/00000000-0000-4000-8000-000000000000"]) {
      const response = await request.get(target);
      const headers = response.headers();
      const all = policies(response);
      const csp = all.find((policy) => policy.has("default-src"));
      expect(csp, target).toBeTruthy();
      expect(csp!.get("object-src"), target).toEqual(["'none'"]);
      expect(csp!.get("base-uri"), target).toEqual(["'none'"]);
      expect(csp!.get("frame-ancestors"), target).toEqual(["'none'"]);
      expect(csp!.get("default-src"), target).toEqual(["'self'"]);
      expect(csp!.get("img-src"), target).toEqual(["'self'", "data:"]);
      expect(csp!.get("font-src"), target).toEqual(["'self'"]);
      for (const policy of all) {
        expect(policy.get("script-src"), target).not.toContain("'unsafe-eval'");
        expect(policy.get("script-src")!.every((source) => !source.startsWith("http") && source !== "*"), target).toBe(true);
      }
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

  test("pages served from the cache to everyone allow only their own inline scripts, by hash", async ({ request }) => {
    for (const target of ["/", ESSAY_PATH, "/about"]) {
      const response = await cachedResponse(request, target);
      const scripts = policies(response).map((policy) => policy.get("script-src")!);
      const byHash = scripts.find((sources) => sources.some((source) => source.startsWith("'sha256-")));
      expect(byHash, target).toBeTruthy();
      expect(byHash, target).not.toContain("'unsafe-inline'");
      // One hash per distinct inline script of the page: the theme script and Next's inlined data.
      const inline = [...(await response.text()).matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]);
      expect(byHash!.filter((source) => source.startsWith("'sha256-")).length, target).toBe(new Set(inline).size);
    }
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
