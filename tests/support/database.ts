import crypto from "node:crypto";
import fs from "node:fs";
import { Client } from "pg";
import { inject } from "vitest";
import { closeDb, migrate, openPglite, openPostgres, installDatabase, type Db } from "@/db/client";

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or — when DATABASE_URL is
 * set (CI) — a new database on that server, dropped afterwards. Installs it as the process's
 * database so services use it. Both start as a copy of the database tests/support/globalSetup.ts
 * migrated once; the migration is applied again (a no-op) so a file run alone works too.
 */
export async function openTestDatabase(): Promise<{
  db: Db;
  close: () => Promise<void>;
  /** The test database's address on the server; null for the in-memory PGlite. */
  url: string | null;
}> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const snapshot = inject("pgliteSnapshot");
    const handle = await openPglite(null, snapshot ? new Blob([fs.readFileSync(snapshot)]) : undefined);
    await migrate(handle);
    installDatabase(handle);
    return { db: handle.db, close: closeDb, url: null };
  }
  const name = `portal_it_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  const template = inject("templateDatabase");
  await admin.query(`create database ${name}${template ? ` template ${template}` : ""}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString());
  await migrate(handle);
  installDatabase(handle);
  return {
    db: handle.db,
    url: url.toString(),
    close: async () => {
      await closeDb();
      const dropper = new Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
