import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".next-*/**", ".data/**", "lib/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**"]),
  {
    // lib/anchoring runs in the browser, in Node tests and on the server alike.
    files: ["lib/anchoring/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["react", "react-dom", "next", "next/*", "@prisma/*", "node:*", "@/lib/generated/*", "@/lib/db"] },
      ],
    },
  },
  {
    // Components get data from app/ routes; they never talk to the database.
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["@/lib/db", "@/lib/generated/prisma/client", "@prisma/*", "pg"] }],
    },
  },
  {
    // Configuration is read and validated in one place: serverEnv() in lib/env.ts.
    files: ["**/*.{ts,tsx,js,mjs,mts}"],
    ignores: ["lib/env.ts", "scripts/**", "e2e/**", "*.config.{js,mjs,mts,ts}", "instrumentation.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through serverEnv() from lib/env.ts." },
      ],
    },
  },
  {
    // Playwright fixtures call their `use` callback, which is not React's `use`.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
]);
