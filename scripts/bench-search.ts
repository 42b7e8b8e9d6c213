/**
 * `npm run bench:search`: the catalogue search (lib/catalog/service.ts searchProcedures) over a large
 * catalogue, timed per query, with the plan of one query.
 *
 * With DATABASE_URL (a PostgreSQL server) it creates its own database there (BENCH_DATABASE, default
 * portal_search_bench, dropped first and afterwards); without it, an in-memory PGlite. Fills the
 * catalogue with BENCH_PROCEDURES (default 6,000) generated procedures (db/scale.ts) and the demo's
 * 12, then times each query BENCH_RUNS times (default 30) and prints p50 and p95. BENCH_KEEP=1 keeps
 * the PostgreSQL database afterwards, to look at plans by hand.
 *
 * Run with the react-server condition (package.json does), so the service's `server-only` marker
 * loads outside Next.
 */
import { Client } from "pg";
import { sql } from "drizzle-orm";
import { scaleProcedures } from "@/db/scale";
import { procedures } from "@/db/schema";
import { seedProcedures } from "@/db/seed/procedures";

const serverUrl = process.env.DATABASE_URL;
const databaseName = process.env.BENCH_DATABASE || "portal_search_bench";
if (!/^[a-z_][a-z0-9_]*$/.test(databaseName)) {
  console.error(`BENCH_DATABASE must be a plain lower-case name, not ${databaseName}`);
  process.exit(1);
}
const runs = Number(process.env.BENCH_RUNS || 30);
const count = Number(process.env.BENCH_PROCEDURES || 6000);

const queries = [
  "khai sinh",
  "khai sin",
  "dang ky ket hon",
  "giay phep xay dung",
  "lý lịch tư pháp",
  "birth",
  "marrige",
  "1.001193",
  "ho",
  "",
];

async function adminQuery(text: string): Promise<void> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(text);
  await admin.end();
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  let benchUrl: URL | null = null;
  if (serverUrl) {
    benchUrl = new URL(serverUrl);
    benchUrl.pathname = `/${databaseName}`;
    await adminQuery(`drop database if exists ${databaseName} with (force)`);
    await adminQuery(`create database ${databaseName}`);
    process.env.DATABASE_URL = benchUrl.toString();
  } else {
    // getDb() would open .data: an in-memory database instead.
    const { openPglite, migrate, installDatabase } = await import("@/db/client");
    const handle = await openPglite(null);
    await migrate(handle);
    installDatabase(handle);
  }
  const { getDb, closeDb } = await import("@/db/client");
  const { explainSearch, refreshSearchText, searchProcedures } = await import("@/lib/catalog/service");
  try {
    const db = await getDb();
    const generated = scaleProcedures(count).map((p, n) => ({
      code: p.code,
      nameVi: p.nameVi,
      nameEn: p.nameEn,
      fieldVi: p.fieldVi,
      fieldEn: p.fieldEn,
      level: p.level,
      onlineLevel: n % 2 === 0 ? "whole" : "partial",
      searchText: p.searchText,
    }));
    const rows = [...seedProcedures.map((p) => p.row), ...generated];
    for (let i = 0; i < rows.length; i += 500) await db.insert(procedures).values(rows.slice(i, i + 500));
    // The search texts as the portal writes them (names, field, agencies, code).
    await refreshSearchText(db);
    await db.execute(sql`analyze procedures`);
    console.log(
      `${rows.length.toLocaleString("en")} procedures on ${serverUrl ? "PostgreSQL" : "PGlite"}, ${runs} runs per query\n`,
    );
    console.log(`${"query".padEnd(22)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)}  found  first`);
    for (const q of queries) {
      await searchProcedures({ q }, db);
      const times: number[] = [];
      let result = await searchProcedures({ q }, db);
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        result = await searchProcedures({ q }, db);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      console.log(
        `${JSON.stringify(q).padEnd(22)} ${percentile(times, 50).toFixed(2).padStart(8)} ${percentile(
          times,
          95,
        )
          .toFixed(2)
          .padStart(8)}  ${String(result.total).padStart(5)}  ${result.rows[0]?.nameVi.slice(0, 50) ?? "-"}`,
      );
    }
    const plans = [
      ["khai sin", "exact"],
      ["dang ky ket hon", "exact"],
      ["marrige", "fuzzy"],
      ["ho", "exact"],
    ] as const;
    for (const [q, matching] of plans)
      console.log(
        `\nplan of ${JSON.stringify(q)} (${matching}):\n${await explainSearch({ q }, matching, db)}`,
      );
  } finally {
    await closeDb();
    if (serverUrl && !process.env.BENCH_KEEP)
      await adminQuery(`drop database if exists ${databaseName} with (force)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
