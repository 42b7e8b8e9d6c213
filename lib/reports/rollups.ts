/*
 * Read model: the report rollups, kept from dossiers, their events and clock stops.
 *
 * No "server-only" here: the demo seed (db/seed, also run by `npm run db:seed` outside Next.js)
 * rebuilds the rollups after writing its history.
 *
 * How the figures stay equal to the direct aggregate over events (service.ts, FromEvents):
 * - Flows (received, finished, on time, late) add up over days. Each event adds to its local day's
 *   row of report_daily_flows (agency × procedure × day) in the transaction that writes the event,
 *   by an atomic upsert (n = n + excluded.n), so concurrent transitions never lose a count.
 * - Stocks (open, overdue, late at a period's end) do not add up. At "now" they are counted live
 *   from the open dossiers only (status in an open state: a partial index, a small set). At the
 *   end of a closed month they come from report_month_ends, filled once when a report first needs
 *   that month (or by a rebuild). What was open at a past month end no longer changes, but the
 *   figures measure it by its due date and supplement count as they are now, and a later request
 *   for documents or an extension moves those: the transition then corrects each filled month end
 *   the dossier was open at (a few at most). Filling a month takes an exclusive advisory lock and
 *   such a correction a shared one, so a fill never misses a correction nor counts it twice.
 * - When a month's end is filled, its flows are summed per agency into report_month_flows: its days
 *   never change again, and a year's report reads those few rows plus the current month's days.
 */
import { and, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/client";
import { dossierClockStops, dossierEvents, dossiers } from "@/db/schema/dossiers";
import { reportClosedMonths, reportDailyFlows, reportMonthEnds, reportMonthFlows } from "@/db/schema/reports";
import {
  addMonths,
  dayOf,
  flowsOfEvent,
  isClosedMonth,
  monthOf,
  monthStart,
  monthsBetween,
  reportEndStatuses,
  promisedAt,
  standingChange,
  standingOf,
  withdrawnStatus,
  type Flows,
  type Standing,
} from "./rules";

/** Fills of month ends (exclusive) against corrections by transitions (shared). */
const monthEndLock = 726_003;

/** States in which a dossier is neither ended nor withdrawn (drafts are never accepted). */
export const openStatuses = [
  "submitted",
  "supplement_requested",
  "received",
  "in_progress",
  "proposed",
  "awaiting_payment",
] as const;
const closingStatuses = [...reportEndStatuses, withdrawnStatus];
/** Actions that accept or close a dossier: the only ones that move the flows or what is open. */
export const measuredActions = ["accept", "refuse", "approve", "deny", "return_result", "stop", "withdraw"];
const closingActions = measuredActions.filter((action) => action !== "accept");

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** A local midnight ("2026-03-01") as an instant, in SQL. */
const instantOfLocal = (local: SQL) => sql`((${local} - interval '7 hours') at time zone 'UTC')`;
/** An instant as local wall time (a timestamp without zone), in SQL. */
const localOf = (instant: SQL) => sql`((${instant} at time zone 'UTC') + interval '7 hours')`;

/* ---- Written with each dossier event ---- */

/** A dossier event as the transition path writes it, with the dossier before and after it. */
export type DossierChange = {
  dossierId: string;
  competentAgencyId: string;
  procedureId: string;
  channel: number;
  at: Date;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  before: {
    acceptedAt: Date | null;
    dueAt: Date | null;
    originalDueAt: Date | null;
    supplementCount: number;
  };
  after: { dueAt: Date | null; originalDueAt: Date | null; supplementCount: number };
  /** An inter-agency transfer: the dossier's figures so far move to the next agency. */
  movedTo?: string;
};

/**
 * Keeps the rollups in step with one dossier event: call it in the transaction that writes the
 * event (lib/dossiers' transition path does).
 */
export async function recordDossierChange(tx: Tx, change: DossierChange): Promise<void> {
  const flows = flowsOfEvent({
    action: change.action,
    fromStatus: change.fromStatus,
    toStatus: change.toStatus,
    at: change.at,
    channel: change.channel,
    acceptedBefore: change.before.acceptedAt !== null,
    // Lateness is measured against the original appointment (rules.ts promisedAt).
    dueAt: promisedAt(change.after),
    supplementCount: change.after.supplementCount,
  });
  if (flows) {
    const t = reportDailyFlows;
    await tx
      .insert(t)
      .values({
        competentAgencyId: change.competentAgencyId,
        procedureId: change.procedureId,
        day: dayOf(change.at),
        ...flows,
      })
      .onConflictDoUpdate({
        target: [t.competentAgencyId, t.procedureId, t.day],
        set: {
          received: sql`${t.received} + excluded.received`,
          receivedOnline: sql`${t.receivedOnline} + excluded.received_online`,
          finished: sql`${t.finished} + excluded.finished`,
          finishedOnTime: sql`${t.finishedOnTime} + excluded.finished_on_time`,
          finishedLate: sql`${t.finishedLate} + excluded.finished_late`,
        },
      });
  }
  await correctMonthEnds(tx, change);
  if (change.movedTo && change.movedTo !== change.competentAgencyId)
    await moveToAgency(tx, change, change.movedTo);
}

/**
 * A transfer makes another agency the dossier's competent one: what the dossier added to the old
 * agency's figures so far (received on its acceptance day, open at each filled month end) moves
 * to the new one, as the direct aggregate, which reads the dossier's competent agency now, says.
 * An open dossier has no finished flows yet.
 */
async function moveToAgency(tx: Tx, change: DossierChange, toAgencyId: string): Promise<void> {
  const acceptedAt = change.before.acceptedAt;
  if (acceptedAt === null) return;
  const online = change.channel === 2 ? 1 : 0;
  const fromAgencyId = change.competentAgencyId;
  const sides = [
    { agencyId: fromAgencyId, sign: -1 },
    { agencyId: toAgencyId, sign: 1 },
  ];
  await tx.execute(sql`select pg_advisory_xact_lock_shared(${monthEndLock})`);
  const d = reportDailyFlows;
  for (const { agencyId, sign } of sides) {
    await tx
      .insert(d)
      .values({
        competentAgencyId: agencyId,
        procedureId: change.procedureId,
        day: dayOf(acceptedAt),
        received: sign,
        receivedOnline: sign * online,
        finished: 0,
        finishedOnTime: 0,
        finishedLate: 0,
      })
      .onConflictDoUpdate({
        target: [d.competentAgencyId, d.procedureId, d.day],
        set: {
          received: sql`${d.received} + excluded.received`,
          receivedOnline: sql`${d.receivedOnline} + excluded.received_online`,
        },
      });
  }
  const firstMonth = monthOf(acceptedAt);
  const filled = (
    await tx
      .select({ month: reportClosedMonths.month })
      .from(reportClosedMonths)
      .where(and(gte(reportClosedMonths.month, firstMonth), lt(reportClosedMonths.month, monthOf(change.at))))
  ).map((row) => row.month);
  if (filled.length === 0) return;
  if (filled.includes(firstMonth)) {
    const m = reportMonthFlows;
    for (const { agencyId, sign } of sides) {
      await tx
        .insert(m)
        .values({
          month: firstMonth,
          competentAgencyId: agencyId,
          received: sign,
          receivedOnline: sign * online,
          finished: 0,
          finishedOnTime: 0,
          finishedLate: 0,
        })
        .onConflictDoUpdate({
          target: [m.month, m.competentAgencyId],
          set: {
            received: sql`${m.received} + excluded.received`,
            receivedOnline: sql`${m.receivedOnline} + excluded.received_online`,
          },
        });
    }
  }
  const stops = await tx
    .select({ startedAt: dossierClockStops.startedAt, endedAt: dossierClockStops.endedAt })
    .from(dossierClockStops)
    .where(eq(dossierClockStops.dossierId, change.dossierId));
  const e = reportMonthEnds;
  // Month ends after its acceptance month (it was open at every one since: closing is final).
  for (const month of filled) {
    const end = monthStart(addMonths(month, 1));
    if (acceptedAt.getTime() >= end.getTime()) continue;
    const stop = stops.find(
      (s) => s.startedAt <= end && (s.endedAt === null || s.endedAt.getTime() > end.getTime()),
    );
    const standing = standingOf({ ...change.before, stoppedSince: stop?.startedAt ?? null }, end);
    for (const { agencyId, sign } of sides) {
      await tx
        .insert(e)
        .values({
          month,
          competentAgencyId: agencyId,
          procedureId: change.procedureId,
          openAtEnd: sign * standing.openAtEnd,
          openOverdue: sign * standing.openOverdue,
          openLate: sign * standing.openLate,
        })
        .onConflictDoUpdate({
          target: [e.month, e.competentAgencyId, e.procedureId],
          set: {
            openAtEnd: sql`${e.openAtEnd} + excluded.open_at_end`,
            openOverdue: sql`${e.openOverdue} + excluded.open_overdue`,
            openLate: sql`${e.openLate} + excluded.open_late`,
          },
        });
    }
  }
}

/**
 * A dossier accepted before this month whose due date or supplement count changes was open at every
 * month end since its acceptance (closing is final): correct the filled ones.
 */
async function correctMonthEnds(tx: Tx, change: DossierChange): Promise<void> {
  const { before, after } = change;
  if (before.acceptedAt === null) return;
  const moved =
    before.supplementCount !== after.supplementCount ||
    before.dueAt?.getTime() !== after.dueAt?.getTime() ||
    before.originalDueAt?.getTime() !== after.originalDueAt?.getTime();
  const firstMonth = monthOf(before.acceptedAt);
  const currentMonth = monthOf(change.at);
  if (!moved || firstMonth >= currentMonth) return;

  await tx.execute(sql`select pg_advisory_xact_lock_shared(${monthEndLock})`);
  const filled = await tx
    .select({ month: reportClosedMonths.month })
    .from(reportClosedMonths)
    .where(and(gte(reportClosedMonths.month, firstMonth), lt(reportClosedMonths.month, currentMonth)));
  if (filled.length === 0) return;
  const stops = await tx
    .select({ startedAt: dossierClockStops.startedAt, endedAt: dossierClockStops.endedAt })
    .from(dossierClockStops)
    .where(eq(dossierClockStops.dossierId, change.dossierId));
  for (const { month } of filled) {
    const end = monthStart(addMonths(month, 1));
    const stop = stops.find(
      (s) => s.startedAt <= end && (s.endedAt === null || s.endedAt.getTime() > end.getTime()),
    );
    const delta = standingChange(before, after, stop?.startedAt ?? null, end);
    if (!delta) continue;
    const t = reportMonthEnds;
    await tx
      .insert(t)
      .values({
        month,
        competentAgencyId: change.competentAgencyId,
        procedureId: change.procedureId,
        ...delta,
      })
      .onConflictDoUpdate({
        target: [t.month, t.competentAgencyId, t.procedureId],
        set: {
          openOverdue: sql`${t.openOverdue} + excluded.open_overdue`,
          openLate: sql`${t.openLate} + excluded.open_late`,
        },
      });
  }
}

/* ---- Computed from the history, set-based ---- */

/** Per dossier: its first acceptance, first end, first close (end or withdrawal), from its events. */
const dossierFacts = (candidates?: SQL) => sql`
  select d.id, d.competent_agency_id, d.procedure_id, d.channel, d.due_at, d.supplement_count,
    coalesce(d.original_due_at, d.due_at) as promised_at,
    min(e.at) filter (where e.action = 'accept') as accepted_at,
    min(e.at) filter (where e.to_status in (${list(reportEndStatuses)})) as ended_at,
    min(e.at) filter (where e.to_status in (${list(closingStatuses)})) as closed_at
  from ${dossiers} d join ${dossierEvents} e on e.dossier_id = d.id
  where (e.action = 'accept' or e.to_status in (${list(closingStatuses)}))
    ${candidates ? sql`and d.id in (${candidates})` : sql``}
  group by d.id`;

/** rules.ts isLate against promisedAt: the original appointment when an apology moved it. */
const late = (measuredAt: SQL) =>
  sql`(f.supplement_count > 1 or (f.promised_at is not null and ${measuredAt} > f.promised_at))`;

/** Every dossier's flows, per agency, procedure and local day: rules.ts' flowsOfEvent over all events. */
const allFlows = sql`
  with f as (${dossierFacts()})
  select competent_agency_id, procedure_id, day,
    sum(received)::int, sum(received_online)::int, sum(finished)::int,
    sum(finished_on_time)::int, sum(finished_late)::int
  from (
    select f.competent_agency_id, f.procedure_id, ${localOf(sql`f.accepted_at`)}::date as day,
      1 as received, (f.channel = 2)::int as received_online,
      0 as finished, 0 as finished_on_time, 0 as finished_late
    from f where f.accepted_at is not null
    union all
    select f.competent_agency_id, f.procedure_id, ${localOf(sql`f.ended_at`)}::date,
      0, 0, 1, (not ${late(sql`f.ended_at`)})::int, ${late(sql`f.ended_at`)}::int
    from f where f.ended_at is not null
  ) flows
  group by competent_agency_id, procedure_id, day`;

/**
 * What was open at each month end from `first` to `last` ("YYYY-MM", the months ending), per agency
 * and procedure: each dossier meets only the month ends between its acceptance and its close.
 */
const monthEndStanding = (first: string, last: string, candidates?: SQL) => {
  const firstEnd = sql`${`${addMonths(first, 1)}-01`}::timestamp`;
  const lastEnd = sql`${`${addMonths(last, 1)}-01`}::timestamp`;
  return sql`
  with f as (${dossierFacts(candidates)}),
  m as (
    select f.*, ${instantOfLocal(sql`g.local_end`)} as end_at, to_char(g.local_end - interval '1 month', 'YYYY-MM') as month
    from f cross join lateral generate_series(
      greatest(date_trunc('month', ${localOf(sql`f.accepted_at`)}) + interval '1 month', ${firstEnd}),
      least(${lastEnd}, coalesce(${localOf(sql`f.closed_at`)}, 'infinity'::timestamp)),
      interval '1 month') as g(local_end)
    where f.accepted_at is not null
  )
  select f.month, f.competent_agency_id, f.procedure_id,
    count(*)::int,
    count(*) filter (where stop.started_at is null and f.due_at is not null and f.due_at < f.end_at)::int,
    count(*) filter (where ${late(sql`coalesce(stop.started_at, f.end_at)`)})::int
  from m f
  left join lateral (
    select s.started_at from ${dossierClockStops} s
    where s.dossier_id = f.id and s.started_at <= f.end_at and (s.ended_at is null or s.ended_at > f.end_at)
    order by s.started_at limit 1
  ) stop on true
  group by f.month, f.competent_agency_id, f.procedure_id`;
};

const insertMonthEnds = (standing: SQL) => sql`
  insert into ${reportMonthEnds} (month, competent_agency_id, procedure_id, open_at_end, open_overdue, open_late)
  ${standing}`;

/**
 * Recomputes every rollup from the dossiers, their events and clock stops, in a few set-based
 * statements: the daily flows, and the month ends of every closed month since the first acceptance.
 * For history written other than through the transition path (the demo seed, imports, the
 * migration that introduced the rollups). Blocks transitions until it commits, so none is lost.
 */
export async function rebuildReportRollups(db: Queryable, now: Date = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`lock table ${reportDailyFlows}, ${reportMonthEnds}, ${reportMonthFlows}, ${reportClosedMonths} in exclusive mode`,
    );
    await tx.execute(sql`select pg_advisory_xact_lock(${monthEndLock})`);
    await tx.delete(reportDailyFlows);
    await tx.delete(reportMonthEnds);
    await tx.delete(reportMonthFlows);
    await tx.delete(reportClosedMonths);
    await tx.execute(sql`
      insert into ${reportDailyFlows}
        (competent_agency_id, procedure_id, day, received, received_online, finished, finished_on_time, finished_late)
      ${allFlows}`);
    const [first] = await tx
      .select({ month: sql<string | null>`to_char(${localOf(sql`min(${dossierEvents.at})`)}, 'YYYY-MM')` })
      .from(dossierEvents)
      .where(eq(dossierEvents.action, "accept"));
    const from = first?.month;
    const last = addMonths(monthOf(now), -1);
    if (!from || from > last) return;
    await tx.execute(insertMonthEnds(monthEndStanding(from, last)));
    await tx.execute(insertMonthFlows(monthsBetween(from, last)));
    await tx.insert(reportClosedMonths).values(monthsBetween(from, last).map((month) => ({ month })));
  });
}

/** Sums the daily flows of these closed months per agency into report_month_flows. */
function insertMonthFlows(months: readonly string[]) {
  const d = reportDailyFlows;
  return sql`
    insert into ${reportMonthFlows}
      (month, competent_agency_id, received, received_online, finished, finished_on_time, finished_late)
    select to_char(${d.day}, 'YYYY-MM') as month, ${d.competentAgencyId},
      sum(${d.received})::int, sum(${d.receivedOnline})::int, sum(${d.finished})::int,
      sum(${d.finishedOnTime})::int, sum(${d.finishedLate})::int
    from ${d}
    where ${d.day} >= ${`${months[0]}-01`} and ${d.day} < ${`${addMonths(months.at(-1)!, 1)}-01`}
      and to_char(${d.day}, 'YYYY-MM') in (${list(months)})
    group by 1, 2`;
}

/**
 * Fills the month ends of these closed months that are not filled yet. Only dossiers that could
 * have been open then are looked at: those open now, and those closed since the earliest of them.
 */
export async function ensureMonthEnds(db: Queryable, months: readonly string[], now: Date): Promise<void> {
  const closed = months.filter((month) => isClosedMonth(month, now));
  if (closed.length === 0) return;
  const missing = async (q: Queryable) => {
    const filled = await q
      .select({ month: reportClosedMonths.month })
      .from(reportClosedMonths)
      .where(inArray(reportClosedMonths.month, closed));
    const have = new Set(filled.map((row) => row.month));
    return closed.filter((month) => !have.has(month)).sort();
  };
  if ((await missing(db)).length === 0) return;
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${monthEndLock})`);
    // Another report may have filled them while this one waited.
    const todo = await missing(tx);
    if (todo.length === 0) return;
    const first = todo[0]!;
    const last = todo.at(-1)!;
    const since = monthStart(addMonths(first, 1));
    const candidates = sql`
      select ${dossiers.id} from ${dossiers} where ${inArray(dossiers.status, [...openStatuses])}
      union
      select ${dossierEvents.dossierId} from ${dossierEvents}
      where ${inArray(dossierEvents.action, closingActions)} and ${gte(dossierEvents.at, since)}`;
    const standing = sql`select * from (${monthEndStanding(first, last, candidates)}) s
      where s.month in (${list(todo)})`;
    await tx.execute(insertMonthEnds(standing));
    await tx.execute(insertMonthFlows(todo));
    await tx.insert(reportClosedMonths).values(todo.map((month) => ({ month })));
  });
}

/* ---- Read by the reports ---- */

/**
 * Whether the history holds an accept or a close at or after `now`: a report asked for a past
 * moment, which the rollups (whole days, the present state) cannot answer exactly.
 */
export async function hasHistoryAfter(db: Queryable, now: Date): Promise<boolean> {
  const rows = await db
    .select({ one: sql`1` })
    .from(dossierEvents)
    .where(and(inArray(dossierEvents.action, measuredActions), gte(dossierEvents.at, now)))
    .limit(1);
  return rows.length > 0;
}

/**
 * Flows per agency and local month, over the local days from `fromDay` until before `untilDay`
 * (whole months). Months marked closed (ensureMonthEnds first) come from report_month_flows, the
 * others from their days.
 */
export async function loadFlows(
  db: Queryable,
  range: { fromDay: string; untilDay: string; agencyId?: string },
): Promise<{ agencyId: string; month: string; flows: Flows }[]> {
  const c = reportClosedMonths;
  const months = monthsBetween(range.fromDay.slice(0, 7), addMonths(range.untilDay.slice(0, 7), -1));
  const closed = new Set(
    (await db.select({ month: c.month }).from(c).where(inArray(c.month, months))).map((row) => row.month),
  );
  const open = months.filter((month) => !closed.has(month));
  const m = reportMonthFlows;
  const t = reportDailyFlows;
  const month = sql<string>`to_char(${t.day}, 'YYYY-MM')`;
  const [closedRows, openRows] = await Promise.all([
    closed.size === 0
      ? Promise.resolve([])
      : db
          .select({
            agencyId: m.competentAgencyId,
            month: m.month,
            received: m.received,
            receivedOnline: m.receivedOnline,
            finished: m.finished,
            finishedOnTime: m.finishedOnTime,
            finishedLate: m.finishedLate,
          })
          .from(m)
          .where(
            and(
              inArray(m.month, [...closed]),
              range.agencyId ? eq(m.competentAgencyId, range.agencyId) : undefined,
            ),
          ),
    Promise.all(
      // Each open month's days as a range, so the day index serves them.
      open.map((openMonth) =>
        db
          .select({
            agencyId: t.competentAgencyId,
            month,
            received: sql<number>`sum(${t.received})::int`,
            receivedOnline: sql<number>`sum(${t.receivedOnline})::int`,
            finished: sql<number>`sum(${t.finished})::int`,
            finishedOnTime: sql<number>`sum(${t.finishedOnTime})::int`,
            finishedLate: sql<number>`sum(${t.finishedLate})::int`,
          })
          .from(t)
          .where(
            and(
              gte(t.day, `${openMonth}-01`),
              lt(t.day, `${addMonths(openMonth, 1)}-01`),
              range.agencyId ? eq(t.competentAgencyId, range.agencyId) : undefined,
            ),
          )
          .groupBy(t.competentAgencyId, month),
      ),
    ).then((perMonth) => perMonth.flat()),
  ]);
  return [...closedRows, ...openRows].map(({ agencyId, month, ...flows }) => ({ agencyId, month, flows }));
}

/** What was open at the end of these closed months, per agency (ensureMonthEnds first). */
export async function loadMonthEnds(
  db: Queryable,
  months: readonly string[],
  agencyId?: string,
): Promise<{ agencyId: string; month: string; standing: Standing }[]> {
  if (months.length === 0) return [];
  const t = reportMonthEnds;
  const rows = await db
    .select({
      agencyId: t.competentAgencyId,
      month: t.month,
      openAtEnd: sql<number>`sum(${t.openAtEnd})::int`,
      openOverdue: sql<number>`sum(${t.openOverdue})::int`,
      openLate: sql<number>`sum(${t.openLate})::int`,
    })
    .from(t)
    .where(and(inArray(t.month, [...months]), agencyId ? eq(t.competentAgencyId, agencyId) : undefined))
    .groupBy(t.competentAgencyId, t.month);
  return rows.map(({ agencyId, month, ...standing }) => ({ agencyId, month, standing }));
}

/**
 * What is open now, per agency, from the open dossiers only (dossiers_open_competent_idx): rules.ts'
 * standingOf in SQL, measured at `now`.
 */
export async function loadStandingNow(
  db: Queryable,
  now: Date,
  agencyId?: string,
): Promise<{ agencyId: string; standing: Standing }[]> {
  const d = dossiers;
  // The dossier row holds what the events say of an open dossier now: accepted_at is its accept,
  // clock_stopped_at the start of the clock stop under way. So one pass over the open dossiers,
  // with no probe into the events or the stops of each.
  const result = await db.execute<{ agency_id: string; open: number; overdue: number; late: number }>(sql`
    select f.competent_agency_id as agency_id, count(*)::int as open,
      count(*) filter (where f.clock_stopped_at is null and f.due_at is not null and f.due_at < ${now})::int as overdue,
      count(*) filter (where ${late(sql`coalesce(f.clock_stopped_at, ${now})`)})::int as late
    from (select *, coalesce(original_due_at, due_at) as promised_at from ${d}) f
    where f.status in (${list(openStatuses)})
      ${agencyId ? sql`and f.competent_agency_id = ${agencyId}` : sql``}
      and f.accepted_at < ${now}
    group by f.competent_agency_id`);
  return result.rows.map((row) => ({
    agencyId: row.agency_id,
    standing: { openAtEnd: row.open, openOverdue: row.overdue, openLate: row.late },
  }));
}
