/**
 * The measuring half of `npm run bench:scale` (scripts/bench-scale.ts fills the database first):
 * the real service functions, timed after a warm-up, then the plans of their queries.
 */
import type { Client } from "pg";
import {
  captureQueries,
  describeData,
  explainSummary,
  sampleCodes,
  type CapturedQuery,
  type PhaseTimer,
} from "@/db/scale";
import { getDb, type Queryable } from "@/db/client";
import { searchProcedures } from "@/lib/catalog/service";
import { getPublicStatus, listApplicantDossiers, listQueue } from "@/lib/dossiers/service";
import type { Actor } from "@/lib/identity/types";
import { addMonths, monthOf } from "@/lib/reports/rules";
import { getTransparencyReport, getTransparencyReportFromEvents } from "@/lib/reports/service";
import { rebuildReportRollups } from "@/lib/reports/rollups";

type Target = { agencyId: string; agencyCode: string; applicantId: string };

const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;

async function time(runs: number, call: (run: number) => Promise<unknown>, warmUp = 3) {
  for (let i = 0; i < warmUp; i++) await call(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await call(i);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), runs };
}

const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(12);

/** The province report through the rollups and through the direct aggregate of the events. */
type ReportCall = (query: { from: string; to: string }, now: Date, db: Queryable) => Promise<unknown>;

async function reportCalls(): Promise<{
  rebuild: (db: Queryable) => Promise<unknown>;
  viaRollups: ReportCall;
  direct: ReportCall;
}> {
  return {
    rebuild: (db) => rebuildReportRollups(db),
    viaRollups: getTransparencyReport,
    direct: getTransparencyReportFromEvents,
  };
}

export async function measure(options: {
  client: Client;
  runs: number;
  reuse: boolean;
  target: Target;
  phase: PhaseTimer;
}): Promise<void> {
  const { client, runs, target, phase } = options;
  const db = await getDb();
  const reports = await reportCalls();
  if (!options.reuse) {
    await phase("report rollups", () => reports.rebuild(db));
  }

  const data = await describeData(client, target);
  console.log(`
Data: ${data.dossiers.toLocaleString("en")} dossiers, ${data.events.toLocaleString("en")} events, ${data.clockStops.toLocaleString("en")} clock stops, ${data.applicants.toLocaleString("en")} applicants, ${data.procedures.toLocaleString("en")} catalogue procedures, ${data.agencies} agencies
  states: ${data.statuses.join(", ")}
  busiest agency ${target.agencyCode}: ${data.busiestAgency.toLocaleString("en")} dossiers in its queue (${data.busiestAgencyOpen.toLocaleString("en")} open)
  heaviest applicant: ${data.heaviestApplicant.toLocaleString("en")} dossiers`);

  const staff: Actor = {
    kind: "staff",
    userId: "00000000-0000-4000-8000-000000000001",
    name: "Bench officer",
    roles: [
      { agencyId: target.agencyId, role: "receiver" },
      { agencyId: target.agencyId, role: "head" },
    ],
  };
  const applicant: Actor = {
    kind: "applicant",
    userId: target.applicantId,
    name: "Bench applicant",
    organisationIds: [],
  };

  // The 50th page's cursor: follow "next" 49 times, as a reader would.
  let cursor: string | null = null;
  for (let page = 1; page < 50; page++) {
    cursor = (await listQueue(staff, { bucket: "all", after: cursor })).next;
    if (!cursor) throw new Error(`the busiest queue has fewer than ${page + 1} pages`);
  }
  const page50 = cursor!;
  let applicantCursor: string | null = null;
  for (let page = 1; page < 10; page++) {
    applicantCursor = (await listApplicantDossiers(applicant, { after: applicantCursor })).next;
  }
  const codes = await sampleCodes(client, 200);

  const lists: [string, (run: number) => Promise<unknown>][] = [
    ["queue, all, first page", () => listQueue(staff, { bucket: "all" })],
    ["queue, all, 50th page (cursor)", () => listQueue(staff, { bucket: "all", after: page50 })],
    ["queue, new (the default tab), first page", () => listQueue(staff, { bucket: "new" })],
    ["queue, overdue, first page", () => listQueue(staff, { bucket: "overdue" })],
    ["applicant's list, first page", () => listApplicantDossiers(applicant)],
    [
      "applicant's list, 10th page (cursor)",
      () => listApplicantDossiers(applicant, { after: applicantCursor }),
    ],
    ["lookup by code (getPublicStatus)", (run) => getPublicStatus(codes[run % codes.length]!)],
    ['catalogue search "dang ky khai sinh"', () => searchProcedures({ q: "dang ky khai sinh" })],
    ['catalogue search "giay phep xay dung"', () => searchProcedures({ q: "giay phep xay dung" })],
  ];
  console.log(`\nTimings (${runs} runs each after 3 warm-up runs; target p95 < 50 ms):`);
  console.log(`  ${"".padEnd(44)}${"p50".padStart(12)}${"p95".padStart(12)}`);
  for (const [name, call] of lists) {
    const { p50, p95 } = await time(runs, call);
    console.log(`  ${name.padEnd(44)}${ms(p50)}${ms(p95)}${p95 < 50 ? "" : "  over target"}`);
  }

  // The province's transparency report for the last twelve months, all agencies.
  const now = new Date();
  const to = monthOf(now);
  const query = { from: addMonths(to, -11), to };
  const reportRuns = Number(process.env.BENCH_REPORT_RUNS || 3);
  const direct = await time(reportRuns, () => reports.direct(query, now, db), 1);
  const rollupRuns = runs;
  const viaRollups = await time(runs, () => reports.viaRollups(query, now, db));
  console.log(
    `\nTransparency report, province, ${query.from} to ${query.to} (target < 100 ms and ≥ 20× faster than direct):`,
  );
  console.log(
    `  ${"through the rollups".padEnd(44)}${ms(viaRollups.p50)}${ms(viaRollups.p95)}  (${rollupRuns} runs)`,
  );
  console.log(
    `  ${"direct aggregate over the events".padEnd(44)}${ms(direct.p50)}${ms(direct.p95)}  (${reportRuns} runs)`,
  );
  console.log(
    `  ${"ratio (direct / rollups, p50)".padEnd(44)}${`${(direct.p50 / viaRollups.p50).toFixed(1)}×`.padStart(12)}`,
  );

  console.log("\nQuery plans (EXPLAIN (ANALYZE, BUFFERS) of the statements each call sent):");
  const explained: [string, () => Promise<unknown>][] = [
    ["queue, all, first page", () => listQueue(staff, { bucket: "all" })],
    ["queue, all, 50th page", () => listQueue(staff, { bucket: "all", after: page50 })],
    ["queue, overdue, first page", () => listQueue(staff, { bucket: "overdue" })],
    ["applicant's list, 10th page", () => listApplicantDossiers(applicant, { after: applicantCursor })],
    ["lookup by code", () => getPublicStatus(codes[0]!)],
    ["catalogue search", () => searchProcedures({ q: "dang ky khai sinh" })],
  ];
  for (const [name, call] of explained) {
    const statements: CapturedQuery[] = (await captureQueries(call)).filter((q) =>
      /"dossiers"|"procedures"|from dossiers/.test(q.text),
    );
    for (const [index, statement] of statements.entries()) {
      console.log(`\n  ${name} — statement ${index + 1} of ${statements.length}:`);
      for (const line of await explainSummary(client, statement)) console.log(`    ${line}`);
    }
  }
}
