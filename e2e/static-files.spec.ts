import { expect, test } from "./fixtures/accounts";
import { ESSAY_PATH } from "./fixtures/annotations";
import { cachedResponse } from "./fixtures/page-cache";

/**
 * Next's scripts and style sheets are compressed once per server and sent from memory
 * (lib/http/precompressed-static.ts), with the same headers as every response.
 */
test("a page's scripts and style sheets arrive as Brotli from copies compressed once, with every security header", async ({ request }) => {
  const html = await (await cachedResponse(request, ESSAY_PATH)).text();
  const files = [...new Set(html.match(/\/_next\/static\/chunks\/[\w.-]+\.(?:js|css)/g) ?? [])];
  expect(files.some((file) => file.endsWith(".js"))).toBe(true);
  expect(files.some((file) => file.endsWith(".css"))).toBe(true);

  for (const file of files) {
    const asIs = await (await request.get(file, { headers: { "Accept-Encoding": "identity" } })).body();
    // The first request of a file starts its compression, and Next answers it; the copies are ready soon after.
    await expect
      .poll(async () => (await request.get(file, { headers: { "Accept-Encoding": "gzip, deflate, br" } })).headers()["content-length"], { message: file })
      .toBeTruthy();
    const response = await request.get(file, { headers: { "Accept-Encoding": "gzip, deflate, br" } });
    const headers = response.headers();
    expect(headers["content-encoding"], file).toBe("br");
    expect(Number(headers["content-length"]), file).toBeLessThan(asIs.length / 2);
    // Playwright decodes the body: the same bytes as the file sent as it is.
    expect((await response.body()).equals(asIs), file).toBe(true);
    expect(headers["cache-control"], file).toBe("public, max-age=31536000, immutable");
    expect(headers["x-content-type-options"], file).toBe("nosniff");
    expect(headers["permissions-policy"], file).toContain("camera=()");
    expect(headers["content-security-policy"], file).toContain("object-src 'none'");
  }
});
