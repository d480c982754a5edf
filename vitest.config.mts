import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.dirname(fileURLToPath(import.meta.url)) } },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.{ts,tsx}"],
    globalSetup: ["scripts/lib/vitest-database.ts"],
    // Integration tests share one database; files run one after another.
    fileParallelism: false,
    testTimeout: 20_000,
  },
});
