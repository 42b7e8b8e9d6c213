import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import type { TestProject } from "vitest/node";
import { migrate, openPglite, openPostgres } from "@/db/client";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated PGlite database as a tar file (no DATABASE_URL). */
    pgliteSnapshot: string | null;
    /** A migrated database on the server to copy with CREATE DATABASE … TEMPLATE (DATABASE_URL). */
    templateDatabase: string | null;
  }
}

/**
 * Migrates one database before the integration files run, and lets each file start from a copy of
 * it: PGlite's initdb plus seventeen migrations cost each file several seconds (far more on a busy
 * 2-core machine), a copy a fraction of one. Each file still gets a database of its own.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const handle = await openPglite(null);
    await migrate(handle);
    const snapshot = path.join(
      os.tmpdir(),
      `portal-it-${process.pid}-${crypto.randomBytes(4).toString("hex")}.tar`,
    );
    fs.writeFileSync(snapshot, Buffer.from(await (await handle.dump!()).arrayBuffer()));
    await handle.close();
    project.provide("pgliteSnapshot", snapshot);
    project.provide("templateDatabase", null);
    return () => fs.rmSync(snapshot, { force: true });
  }
  const name = `portal_it_template_${crypto.randomBytes(6).toString("hex")}`;
  const admin = async (statement: string) => {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString());
  await migrate(handle);
  // A template must have no open connection while it is copied.
  await handle.close();
  project.provide("pgliteSnapshot", null);
  project.provide("templateDatabase", name);
  return () => admin(`drop database if exists ${name} with (force)`);
}
