/**
 * Transparency figures (pure: no I/O). The on-time rule of DOMAIN.md lives here and only here;
 * service.ts reads the facts of each dossier from its events and hands them to these functions.
 */

/** Vietnam keeps no daylight saving: a fixed UTC+7 offset gives local months exactly. */
const vietnamOffset = "+07:00";

/** What the report needs to know about one dossier, taken from its history. */
export type DossierFacts = {
  competentAgencyId: string;
  /** 1 desk, 2 online, 3 post */
  channel: number;
  /** First accept event: the dossier counts as received in that month. */
  acceptedAt: Date | null;
  /** First of done, returned, stopped or refused: the dossier counts as finished then. */
  endedAt: Date | null;
  /** A withdrawn dossier stops being open but is never finished. */
  withdrawnAt: Date | null;
  /** Appointment date, already extended by every clock stop. */
  dueAt: Date | null;
  /**
   * The appointment before the first approved apology, when there was one: lateness is measured
   * against it (a dossier finished after it is late even with an apology); overdue, like the
   * officers' queue, against the date now promised.
   */
  originalDueAt?: Date | null;
  /** Supplement requests after acceptance. */
  supplementCount: number;
  /** Its clock stops (waiting for the applicant): from startedAt, until endedAt or still open (null). */
  clockStops: { startedAt: Date; endedAt: Date | null }[];
};

/** The date lateness is measured against: the original appointment when an apology moved it. */
export function promisedAt(dossier: { dueAt: Date | null; originalDueAt?: Date | null }): Date | null {
  return dossier.originalDueAt ?? dossier.dueAt;
}

/** A half-open interval [start, end) of instants. */
export type Period = { start: Date; end: Date };

export type Figures = {
  received: number;
  receivedOnline: number;
  finished: number;
  finishedOnTime: number;
  finishedLate: number;
  /** Accepted before the period's end and neither finished nor withdrawn by then. */
  openAtEnd: number;
  /**
   * Of those, overdue at the period's end: the clock running (not waiting for the applicant) and the
   * due date passed. lib/dossiers/rules' isOverdue, the definition the officers' queue counts by.
   */
  openOverdue: number;
  /**
   * Of those, late by the service index's on-time rule: measured at the period's end (at the start
   * of a clock stop still open then) after the due date, or asked for more than one supplement.
   */
  openLate: number;
  /** (finished on time + open and not late) / (finished + open); null when there is nothing to measure. */
  onTimeShare: number | null;
  /** received online / received; null when nothing was received. */
  onlineShare: number | null;
};

export const onlineChannel = 2;
/** More than this many supplement requests after acceptance makes a dossier late. */
export const maxSupplementsOnTime = 1;

/** A share, or null when the denominator is zero (shown as "no data", never as 0% or 100%). */
export function share(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/**
 * DOMAIN.md's on-time rule: a dossier is late when it is measured after its due date, or when it
 * was asked for more than one supplement after acceptance. A dossier with no due date (refused
 * before acceptance) can only be late by the supplement rule.
 */
export function isLate(measuredAt: Date, dueAt: Date | null, supplementCount: number): boolean {
  if (supplementCount > maxSupplementsOnTime) return true;
  return dueAt !== null && measuredAt.getTime() > dueAt.getTime();
}

const inPeriod = (at: Date | null, period: Period) =>
  at !== null && at.getTime() >= period.start.getTime() && at.getTime() < period.end.getTime();

const before = (at: Date | null, instant: Date) => at !== null && at.getTime() < instant.getTime();

/** Whether the dossier is still open when the period ends: an open dossier is measured then. */
export function isOpenAt(facts: DossierFacts, instant: Date): boolean {
  return (
    before(facts.acceptedAt, instant) &&
    !before(facts.endedAt, instant) &&
    !before(facts.withdrawnAt, instant)
  );
}

/** The start of the clock stop under way at the instant, or null when the clock was not stopped then. */
export function stoppedSince(facts: DossierFacts, instant: Date): Date | null {
  const t = instant.getTime();
  const stop = facts.clockStops.find(
    (s) => s.startedAt.getTime() <= t && (s.endedAt === null || s.endedAt.getTime() > t),
  );
  return stop?.startedAt ?? null;
}

/**
 * Overdue at an instant, as lib/dossiers/rules' isOverdue says of a dossier now: open then
 * (accepted, not ended, not withdrawn), its clock not stopped for the applicant, and the due date
 * passed. At the current moment this is exactly the queue's "overdue" tab.
 */
export function isOverdueAt(facts: DossierFacts, instant: Date): boolean {
  return (
    isOpenAt(facts, instant) &&
    stoppedSince(facts, instant) === null &&
    facts.dueAt !== null &&
    facts.dueAt.getTime() < instant.getTime()
  );
}

export function emptyFigures(): Figures {
  return {
    received: 0,
    receivedOnline: 0,
    finished: 0,
    finishedOnTime: 0,
    finishedLate: 0,
    openAtEnd: 0,
    openOverdue: 0,
    openLate: 0,
    onTimeShare: null,
    onlineShare: null,
  };
}

/** All figures of one period over the given dossiers. */
export function figuresFor(facts: readonly DossierFacts[], period: Period): Figures {
  const figures = emptyFigures();
  for (const dossier of facts) {
    if (inPeriod(dossier.acceptedAt, period)) {
      figures.received += 1;
      if (dossier.channel === onlineChannel) figures.receivedOnline += 1;
    }
    if (inPeriod(dossier.endedAt, period)) {
      figures.finished += 1;
      if (isLate(dossier.endedAt!, promisedAt(dossier), dossier.supplementCount)) figures.finishedLate += 1;
      else figures.finishedOnTime += 1;
    } else if (isOpenAt(dossier, period.end)) {
      const standing = standingOf(
        { ...dossier, stoppedSince: stoppedSince(dossier, period.end) },
        period.end,
      );
      figures.openAtEnd += standing.openAtEnd;
      figures.openOverdue += standing.openOverdue;
      figures.openLate += standing.openLate;
    }
  }
  return withShares(figures);
}

/* ---- Rollups: what one event adds to its day, and what an open dossier adds to an instant ---- */

/** A dossier ends (for the index) on the first of these states; withdrawn closes it without an end. */
export const reportEndStatuses = ["done", "returned", "stopped", "refused"] as const;
export const withdrawnStatus = "withdrawn";

const isReportEnd = (status: string | null) =>
  status !== null && (reportEndStatuses as readonly string[]).includes(status);

/** The figures that add up over days: each dossier counts once, on the day it happens. */
export type Flows = Pick<
  Figures,
  "received" | "receivedOnline" | "finished" | "finishedOnTime" | "finishedLate"
>;

export function emptyFlows(): Flows {
  return { received: 0, receivedOnline: 0, finished: 0, finishedOnTime: 0, finishedLate: 0 };
}

export function addFlows(a: Flows, b: Flows): Flows {
  return {
    received: a.received + b.received,
    receivedOnline: a.receivedOnline + b.receivedOnline,
    finished: a.finished + b.finished,
    finishedOnTime: a.finishedOnTime + b.finishedOnTime,
    finishedLate: a.finishedLate + b.finishedLate,
  };
}

/** One event of a dossier's history, with the dossier as it is once the event is written. */
export type ReportedEvent = {
  action: string;
  fromStatus: string | null;
  toStatus: string;
  at: Date;
  channel: number;
  /** Whether the dossier had been accepted before this event. */
  acceptedBefore: boolean;
  dueAt: Date | null;
  supplementCount: number;
};

/**
 * What an event adds to the flows of its day, or null when it adds nothing. The same facts as
 * DossierFacts: received at the first acceptance, finished at the first end state, on time or
 * late by the dossier's due date and supplements then (they never change after its end).
 */
export function flowsOfEvent(event: ReportedEvent): Flows | null {
  const flows = emptyFlows();
  let counts = false;
  if (event.action === "accept" && !event.acceptedBefore) {
    flows.received = 1;
    if (event.channel === onlineChannel) flows.receivedOnline = 1;
    counts = true;
  }
  if (isReportEnd(event.toStatus) && !isReportEnd(event.fromStatus)) {
    flows.finished = 1;
    if (isLate(event.at, event.dueAt, event.supplementCount)) flows.finishedLate = 1;
    else flows.finishedOnTime = 1;
    counts = true;
  }
  return counts ? flows : null;
}

/** The figures measured at an instant (a period's end): they cannot be summed over days. */
export type Standing = Pick<Figures, "openAtEnd" | "openOverdue" | "openLate">;

export function emptyStanding(): Standing {
  return { openAtEnd: 0, openOverdue: 0, openLate: 0 };
}

export function addStanding(a: Standing, b: Standing): Standing {
  return {
    openAtEnd: a.openAtEnd + b.openAtEnd,
    openOverdue: a.openOverdue + b.openOverdue,
    openLate: a.openLate + b.openLate,
  };
}

/** What a dossier open at the instant adds to it; `stoppedSince` is stoppedSince(facts, instant). */
export function standingOf(
  dossier: {
    dueAt: Date | null;
    originalDueAt?: Date | null;
    supplementCount: number;
    stoppedSince: Date | null;
  },
  instant: Date,
): Standing {
  const { dueAt, supplementCount } = dossier;
  const overdue = dossier.stoppedSince === null && dueAt !== null && dueAt.getTime() < instant.getTime();
  // The on-time rule does not count time waiting for the applicant: an open stop is measured at its start.
  const late = isLate(dossier.stoppedSince ?? instant, promisedAt(dossier), supplementCount);
  return { openAtEnd: 1, openOverdue: overdue ? 1 : 0, openLate: late ? 1 : 0 };
}

/**
 * How a past instant's standing moves when an open dossier's due date or supplement count changes
 * later: the figures measure an open dossier by its due date and supplements as they are now.
 */
export function standingChange(
  before: { dueAt: Date | null; originalDueAt?: Date | null; supplementCount: number },
  after: { dueAt: Date | null; originalDueAt?: Date | null; supplementCount: number },
  stopped: Date | null,
  instant: Date,
): Standing | null {
  const was = standingOf({ ...before, stoppedSince: stopped }, instant);
  const is = standingOf({ ...after, stoppedSince: stopped }, instant);
  const change = {
    openAtEnd: 0,
    openOverdue: is.openOverdue - was.openOverdue,
    openLate: is.openLate - was.openLate,
  };
  return change.openOverdue === 0 && change.openLate === 0 ? null : change;
}

/** Figures from their two halves, with the shares. */
export function figuresOf(flows: Flows, standing: Standing): Figures {
  return withShares({ ...emptyFigures(), ...flows, ...standing });
}

export function withShares(figures: Figures): Figures {
  const measured = figures.finished + figures.openAtEnd;
  const onTime = figures.finishedOnTime + (figures.openAtEnd - figures.openLate);
  return {
    ...figures,
    onTimeShare: share(onTime, measured),
    onlineShare: share(figures.receivedOnline, figures.received),
  };
}

/* ---- months in Vietnam's time ---- */

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  return monthPattern.test(value);
}

/** The first instant of a local month ("2026-03" -> 2026-02-28T17:00Z). */
export function monthStart(month: string): Date {
  return new Date(`${month}-01T00:00:00${vietnamOffset}`);
}

function monthIndex(month: string): number {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return year * 12 + (m - 1);
}

export function addMonths(month: string, count: number): string {
  const index = monthIndex(month) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The local day an instant falls in ("2026-03-01"). */
export function dayOf(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

/** A month has closed when its end is not after now: no event can be written before its end any more. */
export function isClosedMonth(month: string, now: Date): boolean {
  return monthStart(addMonths(month, 1)).getTime() <= now.getTime();
}

/** The local month an instant falls in. */
export function monthOf(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 7);
}

/**
 * A local month as a period. The current month ends now: its open dossiers are measured today,
 * not at a month end that has not come yet.
 */
export function monthPeriod(month: string, now?: Date): Period {
  return clampToNow({ start: monthStart(month), end: monthStart(addMonths(month, 1)) }, now);
}

/** Months from `from` to `to` inclusive, as one period. */
export function windowPeriod(from: string, to: string, now?: Date): Period {
  return clampToNow({ start: monthStart(from), end: monthStart(addMonths(to, 1)) }, now);
}

function clampToNow(period: Period, now?: Date): Period {
  return now && now.getTime() < period.end.getTime() ? { start: period.start, end: now } : period;
}

/** Months from `from` to `to` inclusive, oldest first. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from; month <= to; month = addMonths(month, 1)) months.push(month);
  return months;
}

/** From the first of January (local) to now: the home page's headline figures. */
export function yearToDate(now: Date): Period {
  return { start: monthStart(`${monthOf(now).slice(0, 4)}-01`), end: now };
}

/** The longest window one request may ask for, to keep a report cheap. */
export const maxReportMonths = 36;

export type WindowResult =
  | { ok: true; from: string; to: string }
  | { ok: false; field: "from" | "to"; message: "errors.order" | "errors.tooLong" | "errors.future" };

/** The months a report covers: the last twelve unless the reader chose otherwise. */
export function resolveWindow(query: { from?: string; to?: string }, now: Date): WindowResult {
  const current = monthOf(now);
  const to = query.to ?? current;
  const from = query.from ?? addMonths(to, -11);
  if (to > current) return { ok: false, field: "to", message: "errors.future" };
  if (from > to) return { ok: false, field: "to", message: "errors.order" };
  if (monthIndex(to) - monthIndex(from) + 1 > maxReportMonths)
    return { ok: false, field: "from", message: "errors.tooLong" };
  return { ok: true, from, to };
}
