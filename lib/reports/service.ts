/*
 * Read model: the transparency reports read dossiers, events, clock stops, the catalogue and the
 * report rollups together.
 */
import "server-only";
import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { getDb, type Queryable } from "@/db/client";
import { agencies } from "@/db/schema/agencies";
import { procedureAgencies } from "@/db/schema/catalog";
import { dossierClockStops, dossierEvents, dossiers } from "@/db/schema/dossiers";
import { ensureMonthEnds, hasHistoryAfter, loadFlows, loadMonthEnds, loadStandingNow } from "./rollups";
import {
  addFlows,
  addMonths,
  addStanding,
  emptyFlows,
  emptyStanding,
  figuresFor,
  figuresOf,
  isClosedMonth,
  monthOf,
  monthPeriod,
  monthsBetween,
  windowPeriod,
  yearToDate,
  type DossierFacts,
  type Figures,
  type Period,
} from "./rules";

/*
 * Reports are public: they take no actor and return no personal data, only counts per agency.
 * Each figure comes from the dossier's events (DOMAIN.md); the rule that turns events into figures
 * is in rules.ts. The reports read rollups of them (rollups.ts) kept with every event; the direct
 * aggregate over the events stays here (…FromEvents) as their definition.
 */

export type ReportAgency = { id: string; code: string; nameVi: string; nameEn: string };

export type TransparencyReport = {
  from: string;
  to: string;
  months: string[];
  /** The agency the reader chose, or null for all. */
  agency: ReportAgency | null;
  /** Agencies that decide dossiers: the choices of the agency filter. */
  agencies: ReportAgency[];
  byAgency: { agency: ReportAgency; figures: Figures }[];
  byMonth: { month: string; figures: Figures }[];
  /** Agency × month, for the CSV download. */
  cells: { agency: ReportAgency; month: string; figures: Figures }[];
  /** The whole window at once: open dossiers are measured at its end, not summed over months. */
  total: Figures;
};

export type ReportError = "unknown_agency";

/** A dossier ends (for the index) on the first of these states. */
const endStates = ["done", "returned", "stopped", "refused"];

/** Agencies competent for a procedure in the catalogue or for a dossier, by name. */
export async function listReportAgencies(db?: Queryable): Promise<ReportAgency[]> {
  const source = db ?? (await getDb());
  const inCatalogue = source.select({ id: procedureAgencies.competentAgencyId }).from(procedureAgencies);
  // One index probe per agency (there are tens), not a pass over every dossier (there are millions).
  const decidesDossiers = sql`exists (select 1 from ${dossiers} where ${dossiers.competentAgencyId} = ${agencies.id}
    and ${dossiers.status} <> 'draft')`;
  return source
    .select({ id: agencies.id, code: agencies.code, nameVi: agencies.nameVi, nameEn: agencies.nameEn })
    .from(agencies)
    .where(or(inArray(agencies.id, inCatalogue), decidesDossiers))
    .orderBy(asc(agencies.nameVi));
}

/**
 * Facts of every dossier that matters for the window: accepted or ended before its end, and not
 * ended or withdrawn before its start. One query, grouped per dossier.
 */
export async function loadDossierFacts(
  window: Period,
  options: { agencyId?: string } = {},
  db?: Queryable,
): Promise<DossierFacts[]> {
  const source = db ?? (await getDb());
  const e = dossierEvents;
  const acceptedAt = sql<Date | null>`min(${e.at}) filter (where ${e.action} = 'accept')`;
  const endedAt = sql<Date | null>`min(${e.at}) filter (where ${inArray(e.toStatus, endStates)})`;
  const withdrawnAt = sql<Date | null>`min(${e.at}) filter (where ${e.toStatus} = 'withdrawn')`;
  // Its clock stops, for "overdue" (the clock must be running) and the on-time rule.
  const s = dossierClockStops;
  const clockStops = sql<{ startedAt: string; endedAt: string | null }[]>`(
    select coalesce(json_agg(json_build_object('startedAt', ${s.startedAt}, 'endedAt', ${s.endedAt})), '[]')
    from ${s} where ${s.dossierId} = ${dossiers.id})`;
  const rows = await source
    .select({
      competentAgencyId: dossiers.competentAgencyId,
      channel: dossiers.channel,
      dueAt: dossiers.dueAt,
      originalDueAt: dossiers.originalDueAt,
      supplementCount: dossiers.supplementCount,
      acceptedAt: acceptedAt.mapWith(e.at),
      endedAt: endedAt.mapWith(e.at),
      withdrawnAt: withdrawnAt.mapWith(e.at),
      clockStops,
    })
    .from(dossiers)
    .innerJoin(e, eq(e.dossierId, dossiers.id))
    .where(
      and(
        or(eq(e.action, "accept"), inArray(e.toStatus, [...endStates, "withdrawn"])),
        options.agencyId ? eq(dossiers.competentAgencyId, options.agencyId) : undefined,
      ),
    )
    .groupBy(dossiers.id)
    .having(
      sql`(${acceptedAt} < ${window.end} or ${endedAt} < ${window.end})
        and coalesce(least(${endedAt}, ${withdrawnAt}), 'infinity'::timestamptz) >= ${window.start}`,
    );
  return rows.map((row) => ({
    ...row,
    clockStops: row.clockStops.map((stop) => ({
      startedAt: new Date(stop.startedAt),
      endedAt: stop.endedAt === null ? null : new Date(stop.endedAt),
    })),
  }));
}

export type ReportQuery = { from: string; to: string; agencyCode?: string };
export type ReportResult = { ok: true; value: TransparencyReport } | { ok: false; error: ReportError };

/**
 * The transparency report for a window of months, for one agency or all, from the rollups
 * (rollups.ts): the daily flows of the window, and what was open at each month's end.
 */
export async function getTransparencyReport(
  query: ReportQuery,
  now: Date = new Date(),
  db?: Queryable,
): Promise<ReportResult> {
  const source = db ?? (await getDb());
  // The rollups hold whole days and the present state: a past moment is answered from the events.
  if (await hasHistoryAfter(source, now)) return getTransparencyReportFromEvents(query, now, source);
  const allAgencies = await listReportAgencies(source);
  const agency = query.agencyCode ? (allAgencies.find((a) => a.code === query.agencyCode) ?? null) : null;
  if (query.agencyCode && !agency) return { ok: false, error: "unknown_agency" };

  const months = monthsBetween(query.from, query.to);
  const closed = months.filter((month) => isClosedMonth(month, now));
  await ensureMonthEnds(source, closed, now);
  const [flowRows, monthEnds, openNow] = await Promise.all([
    loadFlows(source, {
      fromDay: `${query.from}-01`,
      untilDay: `${addMonths(query.to, 1)}-01`,
      agencyId: agency?.id,
    }),
    loadMonthEnds(source, closed, agency?.id),
    closed.length < months.length ? loadStandingNow(source, now, agency?.id) : Promise.resolve([]),
  ]);

  const key = (agencyId: string, month: string) => `${agencyId} ${month}`;
  const flows = new Map(flowRows.map((row) => [key(row.agencyId, row.month), row.flows]));
  const standing = new Map(monthEnds.map((row) => [key(row.agencyId, row.month), row.standing]));
  const standingNow = new Map(openNow.map((row) => [row.agencyId, row.standing]));
  const flowsAt = (agencyId: string, month: string) => flows.get(key(agencyId, month)) ?? emptyFlows();
  // A month not closed yet ends now (monthPeriod): what is open is measured now.
  const standingAt = (agencyId: string, month: string) =>
    (isClosedMonth(month, now) ? standing.get(key(agencyId, month)) : standingNow.get(agencyId)) ??
    emptyStanding();

  const shown = agency ? [agency] : allAgencies;
  const last = months.at(-1)!;
  const sum = <T>(values: T[], add: (a: T, b: T) => T, empty: T) => values.reduce(add, empty);
  const monthFlows = (month: string) =>
    sum(
      shown.map((a) => flowsAt(a.id, month)),
      addFlows,
      emptyFlows(),
    );
  const monthStanding = (month: string) =>
    sum(
      shown.map((a) => standingAt(a.id, month)),
      addStanding,
      emptyStanding(),
    );
  const agencyFlows = (agencyId: string) =>
    sum(
      months.map((month) => flowsAt(agencyId, month)),
      addFlows,
      emptyFlows(),
    );

  return {
    ok: true,
    value: {
      from: query.from,
      to: query.to,
      months,
      agency,
      agencies: allAgencies,
      byAgency: shown.map((a) => ({
        agency: a,
        figures: figuresOf(agencyFlows(a.id), standingAt(a.id, last)),
      })),
      byMonth: months.map((month) => ({
        month,
        figures: figuresOf(monthFlows(month), monthStanding(month)),
      })),
      cells: shown.flatMap((a) =>
        months.map((month) => ({
          agency: a,
          month,
          figures: figuresOf(flowsAt(a.id, month), standingAt(a.id, month)),
        })),
      ),
      total: figuresOf(sum(months.map(monthFlows), addFlows, emptyFlows()), monthStanding(last)),
    },
  };
}

/** The home page's headline: all agencies, from 1 January to now, from the rollups. */
export async function getYearToDateFigures(now: Date = new Date(), db?: Queryable): Promise<Figures> {
  const source = db ?? (await getDb());
  if (await hasHistoryAfter(source, now)) return getYearToDateFiguresFromEvents(now, source);
  const current = monthOf(now);
  const year = current.slice(0, 4);
  // The year's closed months from their monthly rows (filled on first need), this month from its days.
  await ensureMonthEnds(source, monthsBetween(`${year}-01`, current), now);
  const [flowRows, openNow] = await Promise.all([
    loadFlows(source, { fromDay: `${year}-01-01`, untilDay: `${addMonths(current, 1)}-01` }),
    loadStandingNow(source, now),
  ]);
  return figuresOf(
    flowRows.reduce((total, row) => addFlows(total, row.flows), emptyFlows()),
    openNow.reduce((total, row) => addStanding(total, row.standing), emptyStanding()),
  );
}

/**
 * The transparency report computed directly from every dossier's events: the definition the
 * rollups must equal (tests, benchmarks, and a report asked for a moment in the past).
 */
export async function getTransparencyReportFromEvents(
  query: ReportQuery,
  now: Date = new Date(),
  db?: Queryable,
): Promise<ReportResult> {
  const source = db ?? (await getDb());
  const allAgencies = await listReportAgencies(source);
  const agency = query.agencyCode ? (allAgencies.find((a) => a.code === query.agencyCode) ?? null) : null;
  if (query.agencyCode && !agency) return { ok: false, error: "unknown_agency" };

  const months = monthsBetween(query.from, query.to);
  const window = windowPeriod(query.from, query.to, now);
  const facts = await loadDossierFacts(window, { agencyId: agency?.id }, source);

  const byAgencyId = new Map<string, DossierFacts[]>();
  for (const fact of facts) {
    const list = byAgencyId.get(fact.competentAgencyId) ?? [];
    list.push(fact);
    byAgencyId.set(fact.competentAgencyId, list);
  }
  const shown = agency ? [agency] : allAgencies;
  const periods = months.map((month) => ({ month, period: monthPeriod(month, now) }));

  return {
    ok: true,
    value: {
      from: query.from,
      to: query.to,
      months,
      agency,
      agencies: allAgencies,
      byAgency: shown.map((a) => ({ agency: a, figures: figuresFor(byAgencyId.get(a.id) ?? [], window) })),
      byMonth: periods.map(({ month, period }) => ({ month, figures: figuresFor(facts, period) })),
      cells: shown.flatMap((a) =>
        periods.map(({ month, period }) => ({
          agency: a,
          month,
          figures: figuresFor(byAgencyId.get(a.id) ?? [], period),
        })),
      ),
      total: figuresFor(facts, window),
    },
  };
}

/** The home page's headline computed directly from the events (see getTransparencyReportFromEvents). */
export async function getYearToDateFiguresFromEvents(
  now: Date = new Date(),
  db?: Queryable,
): Promise<Figures> {
  const period = yearToDate(now);
  return figuresFor(await loadDossierFacts(period, {}, db), period);
}
