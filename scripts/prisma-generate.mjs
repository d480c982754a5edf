#!/usr/bin/env node
// Runs `prisma generate`. Prisma's CLI wants a native schema engine, which it
// downloads on first use; machines without that download get a stub instead
// (generate never calls the engine; migrations are applied by
// scripts/lib/migrate.ts). With a real engine present, Prisma behaves as usual.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const enginesDir = path.join(root, "node_modules", "@prisma", "engines");

function hasRealSchemaEngine() {
  if (process.env.PRISMA_SCHEMA_ENGINE_BINARY) return true;
  if (!existsSync(enginesDir)) return false;
  return readdirSync(enginesDir).some((name) => name.startsWith("schema-engine"));
}

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
if (!hasRealSchemaEngine()) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = path.join(root, "scripts", "schema-engine-stub.sh");
}

const result = spawnSync(
  process.execPath,
  [path.join(root, "node_modules", "prisma", "build", "index.js"), "generate"],
  { cwd: root, env, stdio: "inherit" },
);
process.exit(result.status ?? 1);
