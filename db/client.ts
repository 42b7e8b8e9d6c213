import fs from "node:fs";
import path from "node:path";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { sql } from "drizzle-orm";
import * as schema from "./schema";
import { lockDataFolder } from "./lock.mjs";

export type Db = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Either the database or a transaction on it: services accept both. */
export type Queryable = Db | Tx;

export type DatabaseKind = "postgres" | "pglite";

type Handle = {
  db: Db;
  kind: DatabaseKind;
  close: () => Promise<void>;
  /** PGlite only: the whole database as a tar, to start other in-memory copies from. */
  dump?: () => Promise<Blob>;
};

const migrationsFolder = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");

export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.PORTAL_DATA_DIR || ".data");
}

/**
 * PGlite takes no lock of its own: a second process on the same directory opens it without error
 * and rows are silently lost. Hold an exclusive lock file and refuse a second opener (db/lock.mjs
 * explains how a lock left by a killed process is recognised and taken over).
 *
 * `npm start` takes the lock itself before building, for the life of the server, and starts the
 * server (scripts/server.mjs) with PORTAL_LOCK_OWNER=<its pid>: that child opens the database under
 * its parent's lock, and exits at once if the parent dies.
 */
const acquireDirectoryLock = (directory: string): (() => void) => lockDataFolder(directory);

/**
 * Opens PGlite; `directory` null means in memory (tests). `from` is a dump of an already migrated
 * database (tests/support/globalSetup.ts): starting from it skips initdb, the slow part.
 */
export async function openPglite(directory: string | null, from?: Blob): Promise<Handle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { unaccent } = await import("@electric-sql/pglite/contrib/unaccent");
  const { drizzle } = await import("drizzle-orm/pglite");
  let release = () => {};
  if (directory) {
    fs.mkdirSync(directory, { recursive: true });
    release = acquireDirectoryLock(directory);
  }
  const client = await PGlite.create(directory ? path.join(directory, "pglite") : "memory://", {
    extensions: { pg_trgm, unaccent },
    ...(from ? { loadDataDir: from } : {}),
  });
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    dump: () => client.dumpDataDir("none"),
    close: async () => {
      await client.close();
      release();
    },
  };
}

export async function openPostgres(connectionString: string): Promise<Handle> {
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const pool = new Pool({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE || 10) });
  // An idle connection closed by the server (restart, failover, a dropped test database) must not
  // crash the process; the pool replaces it on the next query.
  pool.on("error", (error) => console.error("PostgreSQL connection lost:", error.message));
  const db = drizzle(pool, { schema });
  return { db, kind: "postgres", close: () => pool.end() };
}

/** Applies the migrations, then chains the history events that have no hash yet (db/chain.ts). */
export async function migrate(handle: Handle): Promise<void> {
  const { chainUnhashedEvents } = await import("./chain");
  if (handle.kind === "pglite") {
    const { migrate: run } = await import("drizzle-orm/pglite/migrator");
    await run(handle.db as never, { migrationsFolder });
    await chainUnhashedEvents(handle.db);
    return;
  }
  const { migrate: run } = await import("drizzle-orm/node-postgres/migrator");
  // Several instances may start at once; only one may migrate.
  await handle.db.execute(sql`select pg_advisory_lock(726001)`);
  try {
    await run(handle.db, { migrationsFolder });
    await chainUnhashedEvents(handle.db);
  } finally {
    await handle.db.execute(sql`select pg_advisory_unlock(726001)`);
  }
}

const globalForDb = globalThis as unknown as { portalDb?: Promise<Handle> };

async function openConfigured(): Promise<Handle> {
  const handle = process.env.DATABASE_URL
    ? await openPostgres(process.env.DATABASE_URL)
    : await openPglite(dataDir());
  await migrate(handle);
  return handle;
}

/** The process-wide database, opened and migrated on first use. */
export async function getDb(): Promise<Db> {
  globalForDb.portalDb ??= openConfigured();
  return (await globalForDb.portalDb).db;
}

export async function getDatabaseKind(): Promise<DatabaseKind> {
  globalForDb.portalDb ??= openConfigured();
  return (await globalForDb.portalDb).kind;
}

/** Tests install their own fresh database. */
export function installDatabase(handle: Handle): void {
  globalForDb.portalDb = Promise.resolve(handle);
}

export async function closeDb(): Promise<void> {
  const handle = globalForDb.portalDb;
  globalForDb.portalDb = undefined;
  if (handle) await (await handle).close();
}

/** Applied migrations against those committed, for /api/health. */
export async function migrationState(): Promise<{ applied: number; available: number }> {
  const db = await getDb();
  const journal = JSON.parse(
    fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8"),
  ) as {
    entries: unknown[];
  };
  const result = await db.execute<{ count: number }>(
    sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
  );
  return { applied: Number(result.rows[0]?.count ?? 0), available: journal.entries.length };
}
