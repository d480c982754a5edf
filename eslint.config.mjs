import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Every link prefetches its route on intent, not on sight (components/ui/intent-prefetch-link.tsx, the one wrapper).
const LINKS_PREFETCH_ON_INTENT = {
  group: ["next/link"],
  message: "Use IntentPrefetchLink (components/ui/intent-prefetch-link.tsx): start-up makes no prefetches.",
};

// Components never touch the database, server-only modules or the HTTP edge.
const COMPONENT_IMPORT_RULES = [
  {
    group: ["@/lib/db", "@/lib/generated/*", "@prisma/*", "pg", "server-only", "@/lib/env", "@/lib/http/*", "@/app/*", "next/headers"],
    message: "Components get data from routes and send changes through apiFetch (lib/api/api-fetch.ts).",
  },
  {
    group: [
      "@/lib/annotations/*",
      "@/lib/auth/*",
      "!@/lib/auth/sign-in-errors",
      "@/lib/articles/get-article-by-slug",
      "@/lib/articles/list-articles",
      "@/lib/articles/seed-*",
      "@/lib/sharing/get-shared-note",
    ],
    allowTypeImports: true,
    message: "Server-side lib/ code: import its types only.",
  },
];

/** The component rules plus those of one layer of the annotation UI. */
const componentImports = (...layerRules) => ["error", { patterns: [...COMPONENT_IMPORT_RULES, LINKS_PREFETCH_ON_INTENT, ...layerRules] }];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".next-*/**", ".data/**", "lib/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**"]),
  // Data flows one way: app/ routes call lib/, lib/ talks to the database;
  // components get data from routes and send changes through apiFetch. These
  // blocks keep it so (type-only imports are allowed: types cost nothing at
  // run time).
  {
    // lib/anchoring runs in the browser, in Node tests and on the server alike: nothing app-specific.
    files: ["lib/anchoring/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["react", "react-dom", "next", "next/*", "@prisma/*", "node:*", "@/*"] },
      ],
    },
  },
  {
    // lib/ is below app/ and components/ and never reaches up (tests may render a component).
    files: ["lib/**/*.ts", "lib/**/*.tsx"],
    ignores: ["lib/anchoring/**", "lib/**/*.test.ts", "lib/**/*.test.tsx"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/app/*", "@/components/*"], message: "lib/ never imports app/ or components/." }] }],
    },
  },
  {
    // Routes stay thin: the database only through lib/ functions.
    files: ["app/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/db", "@/lib/generated/*", "@prisma/*", "pg"], message: "Routes call lib/ functions; only lib/ talks to the database." },
            LINKS_PREFETCH_ON_INTENT,
          ],
        },
      ],
    },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: { "@typescript-eslint/no-restricted-imports": componentImports() },
  },
  {
    // The annotation UI in layers: dom/ (the page) below state/ (data, card state) below ui/ (components).
    files: ["components/annotations/dom/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": componentImports({
        group: ["../state/*", "../ui/*", "@/components/annotations/state/*", "@/components/annotations/ui/*", "@/lib/api/api-fetch"],
        message: "dom/ knows nothing of state/ or ui/.",
      }),
    },
  },
  {
    files: ["components/annotations/state/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": componentImports({ group: ["../ui/*", "@/components/annotations/ui/*"], message: "state/ knows nothing of ui/." }),
    },
  },
  {
    files: ["components/annotations/ui/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": componentImports(
        { group: ["../state/annotations-api", "@/components/annotations/state/annotations-api"], message: "ui/ goes through state/ (useAnnotations) for data." },
        { regex: "^@/lib/api/api-fetch$", importNames: ["apiFetch"], message: "ui/ goes through state/ (useAnnotations) for data." },
      ),
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
    // A page's first Intl object loads ICU's locale data on the main thread (lib/format/english-format.ts).
    files: ["components/**/*.{ts,tsx}"],
    ignores: ["components/**/*.test.{ts,tsx}"],
    rules: {
      "no-restricted-globals": ["error", { name: "Intl", message: "Format with lib/format/english-format.ts: Intl loads ICU's locale data on the main thread." }],
    },
  },
  {
    // The one wrapper of next/link.
    files: ["components/ui/intent-prefetch-link.tsx"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: COMPONENT_IMPORT_RULES }] },
  },
  {
    // Playwright fixtures call their `use` callback, which is not React's `use`.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
]);
