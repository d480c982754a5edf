import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.{ts,tsx}"],
    globalSetup: ["scripts/lib/vitest-database.ts"],
    // Integration tests share one database; files run one after another.
    fileParallelism: false,
    testTimeout: 20_000,
  },
});
