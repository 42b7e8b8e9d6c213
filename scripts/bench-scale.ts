/**
 * `npm run bench:scale`: lists, lookups and reports at a million dossiers.
 *
 * Needs DATABASE_URL (a PostgreSQL server). Creates a fresh database on it (BENCH_DATABASE,
 * default portal_scale, dropped first if it exists), migrates it as the portal does, fills it
 * (db/scale.ts), then times the real service functions against it and prints p50/p95 and the
 * query plans. `--reuse` skips the drop and the fill and measures an existing portal_scale.
 *
 * Run with the react-server condition (package.json does), so the services' `server-only` marker
 * loads outside Next.
 */
import { Client } from "pg";
import { busiest, fillScale, fullSize, type PhaseTimer } from "@/db/scale";

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error("bench:scale needs DATABASE_URL (a PostgreSQL server); it creates its own database there.");
  process.exit(1);
}
const databaseName = process.env.BENCH_DATABASE || "portal_scale";
if (!/^[a-z_][a-z0-9_]*$/.test(databaseName)) {
  console.error(`BENCH_DATABASE must be a plain lower-case name, not ${databaseName}`);
  process.exit(1);
}
const reuse = process.argv.includes("--reuse");
const runs = Number(process.env.BENCH_RUNS || 30);

const benchUrl = new URL(serverUrl);
benchUrl.pathname = `/${databaseName}`;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const phase: PhaseTimer = async (name, work) => {
  const started = performance.now();
  const result = await work();
  console.log(`  ${name.padEnd(36)} ${seconds(performance.now() - started)}`);
  return result;
};

async function freshDatabase(): Promise<void> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${databaseName} with (force)`);
  await admin.query(`create database ${databaseName}`);
  await admin.end();
}

async function main(): Promise<void> {
  const total = performance.now();
  // The portal's own client reads DATABASE_URL when it first opens: point it at the bench database.
  process.env.DATABASE_URL = benchUrl.toString();
  const { getDb, closeDb } = await import("@/db/client");
  const client = new Client({ connectionString: benchUrl.toString() });
  try {
    if (!reuse) {
      console.log(`Filling ${databaseName} (fresh) with ${fullSize.dossiers.toLocaleString("en")} dossiers:`);
      await phase("create database and migrate", async () => {
        await freshDatabase();
        await getDb();
      });
      await client.connect();
      await fillScale(client, fullSize, phase);
      console.log(`  ${"fill, in all".padEnd(36)} ${seconds(performance.now() - total)}`);
    } else {
      await client.connect();
      await getDb();
    }
    const { measure } = await import("./bench-scale-measure");
    await measure({ client, runs, reuse, target: await busiest(client), phase });
  } finally {
    await client.end().catch(() => {});
    await closeDb();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
