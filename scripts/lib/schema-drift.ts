import { readFileSync } from "node:fs";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import pg from "pg";

/**
 * Compares schema.prisma (parsed by Prisma's own schema engine, compiled to
 * WebAssembly) with a migrated database: every model has its table, every
 * field its column with the same type and nullability, every id/unique/index
 * and foreign key exists, every enum has the same values, and nothing stray.
 * Returns one human-readable line per difference.
 */

interface DmmfField {
  name: string;
  dbName: string | null;
  kind: "scalar" | "enum" | "object";
  type: string;
  isRequired: boolean;
  isList: boolean;
  nativeType: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  fields: { name: string }[];
}
interface Dmmf {
  datamodel: {
    models: DmmfModel[];
    enums: { name: string; dbName: string | null; values: { name: string; dbName: string | null }[] }[];
    indexes: DmmfIndex[];
  };
}

const PRISMA_BOOKKEEPING = "_prisma_migrations";

function columnType(field: DmmfField): string {
  if (field.isList) return "ARRAY";
  if (field.kind === "enum") return `enum:${field.type}`;
  const native = field.nativeType?.[0];
  if (native === "Uuid") return "uuid";
  if (native === "VarChar") return "character varying";
  if (native === "Timestamptz") return "timestamp with time zone";
  const byScalar: Record<string, string> = {
    String: "text",
    Int: "integer",
    BigInt: "bigint",
    Boolean: "boolean",
    Float: "double precision",
    Decimal: "numeric",
    DateTime: "timestamp without time zone",
    Json: "jsonb",
    Bytes: "bytea",
  };
  return byScalar[field.type] ?? `unknown:${field.type}`;
}

const ON_DELETE: Record<string, string> = { Cascade: "c", Restrict: "r", NoAction: "a", SetNull: "n", SetDefault: "d" };

export function readDatamodel(schemaPath: string): Dmmf["datamodel"] {
  const schema = readFileSync(schemaPath, "utf8");
  return (JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schema]] }))) as Dmmf).datamodel;
}

/** Prisma leaves `Unsupported("…")` fields (a tsvector) out of the DMMF: their columns, named in the schema's text. */
function unsupportedColumns(schemaPath: string): Set<string> {
  return new Set([...readFileSync(schemaPath, "utf8").matchAll(/^\s+(\w+)\s+Unsupported\(/gm)].map((match) => match[1]!));
}

export async function findSchemaDrift(databaseUrl: string, schemaPath: string): Promise<string[]> {
  const model = readDatamodel(schemaPath);
  const unsupported = unsupportedColumns(schemaPath);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const problems: string[] = [];
    const tableOf = new Map(model.models.map((m) => [m.name, m.dbName ?? m.name]));
    const columnOf = (m: DmmfModel, fieldName: string) => {
      const field = m.fields.find((f) => f.name === fieldName);
      return field?.dbName ?? fieldName;
    };

    const tables = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const actualTables = new Set(tables.rows.map((row) => row.table_name));
    for (const table of actualTables) {
      if (table !== PRISMA_BOOKKEEPING && ![...tableOf.values()].includes(table)) problems.push(`stray table "${table}"`);
    }

    const columns = await client.query<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string }>(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    for (const m of model.models) {
      const table = tableOf.get(m.name)!;
      if (!actualTables.has(table)) {
        problems.push(`model ${m.name}: table "${table}" is missing`);
        continue;
      }
      const actual = new Map(columns.rows.filter((row) => row.table_name === table).map((row) => [row.column_name, row]));
      const expected = m.fields.filter((field) => field.kind !== "object");
      for (const field of expected) {
        const name = field.dbName ?? field.name;
        const column = actual.get(name);
        if (!column) {
          problems.push(`${m.name}.${field.name}: column "${table}"."${name}" is missing`);
          continue;
        }
        const actualType = column.data_type === "USER-DEFINED" ? `enum:${column.udt_name}` : column.data_type;
        const wanted = field.kind === "enum" ? `enum:${model.enums.find((e) => e.name === field.type)?.dbName ?? field.type}` : columnType(field);
        if (actualType !== wanted) problems.push(`${m.name}.${field.name}: column type is ${actualType}, schema says ${wanted}`);
        if ((column.is_nullable === "YES") === field.isRequired) {
          problems.push(`${m.name}.${field.name}: column is ${column.is_nullable === "YES" ? "nullable" : "NOT NULL"}, schema says ${field.isRequired ? "required" : "optional"}`);
        }
      }
      for (const name of actual.keys()) {
        if (!unsupported.has(name) && !expected.some((field) => (field.dbName ?? field.name) === name)) problems.push(`${m.name}: stray column "${table}"."${name}"`);
      }
    }

    const enums = await client.query<{ typname: string; labels: string[] }>(
      `SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' GROUP BY t.typname`,
    );
    for (const e of model.enums) {
      const name = e.dbName ?? e.name;
      const actual = enums.rows.find((row) => row.typname === name);
      const wanted = e.values.map((v) => v.dbName ?? v.name);
      if (!actual) problems.push(`enum ${e.name}: type "${name}" is missing`);
      else if (actual.labels.join(",") !== wanted.join(",")) problems.push(`enum ${e.name}: values are ${actual.labels.join(",")}, schema says ${wanted.join(",")}`);
    }

    const indexes = await client.query<{ table_name: string; columns: string[]; is_unique: boolean; is_primary: boolean }>(
      `SELECT t.relname AS table_name, i.indisunique AS is_unique, i.indisprimary AS is_primary,
              array(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns
         FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
        -- Indexes on expressions (the notebook's search) are hand-written in migrations: Prisma cannot describe them.
        WHERE n.nspname = 'public' AND i.indexprs IS NULL`,
    );
    const expectedIndexes = new Set<string>();
    for (const index of model.indexes) {
      const m = model.models.find((candidate) => candidate.name === index.model)!;
      const table = tableOf.get(m.name)!;
      const cols = index.fields.map((f) => columnOf(m, f.name));
      const found = indexes.rows.find(
        (row) =>
          row.table_name === table &&
          row.columns.join(",") === cols.join(",") &&
          (index.type === "id" ? row.is_primary : index.type === "unique" ? row.is_unique && !row.is_primary : !row.is_unique),
      );
      expectedIndexes.add(`${table}(${cols.join(",")})`);
      if (!found) problems.push(`${m.name}: ${index.type} index on (${cols.join(", ")}) is missing`);
    }
    for (const row of indexes.rows) {
      if (row.table_name === PRISMA_BOOKKEEPING) continue;
      if (!expectedIndexes.has(`${row.table_name}(${row.columns.join(",")})`)) problems.push(`stray index on "${row.table_name}"(${row.columns.join(", ")})`);
    }

    const foreignKeys = await client.query<{ table_name: string; columns: string[]; ref_table: string; ref_columns: string[]; on_delete: string }>(
      `SELECT t.relname AS table_name, r.relname AS ref_table, c.confdeltype AS on_delete,
              array(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns,
              array(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS ref_columns
         FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE c.contype = 'f' AND n.nspname = 'public'`,
    );
    let expectedForeignKeys = 0;
    for (const m of model.models) {
      for (const field of m.fields) {
        if (field.kind !== "object" || !field.relationFromFields?.length) continue;
        expectedForeignKeys += 1;
        const target = model.models.find((candidate) => candidate.name === field.type)!;
        const cols = field.relationFromFields.map((name) => columnOf(m, name));
        const refCols = (field.relationToFields ?? []).map((name) => columnOf(target, name));
        const found = foreignKeys.rows.find(
          (row) => row.table_name === tableOf.get(m.name) && row.columns.join(",") === cols.join(",") && row.ref_table === tableOf.get(target.name) && row.ref_columns.join(",") === refCols.join(","),
        );
        if (!found) problems.push(`${m.name}.${field.name}: foreign key (${cols.join(", ")}) → ${target.name} is missing`);
        else if (field.relationOnDelete && ON_DELETE[field.relationOnDelete] !== found.on_delete) {
          problems.push(`${m.name}.${field.name}: foreign key ON DELETE differs from schema (${field.relationOnDelete})`);
        }
      }
    }
    if (foreignKeys.rows.length > expectedForeignKeys) problems.push(`${foreignKeys.rows.length - expectedForeignKeys} stray foreign key(s)`);
    return problems;
  } finally {
    await client.end();
  }
}
