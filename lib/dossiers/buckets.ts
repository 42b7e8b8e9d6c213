/*
 * The staff queue's tabs, defined once: each bucket says in plain code which dossiers it holds (for
 * tests and pages) and the same rule as SQL (for the queue's reads). Adding a tab is one entry here,
 * its strings (staff:queue.bucket.*, staff:queue.empty.*) and nothing else.
 */
import { and, eq, gte, inArray, isNull, lt, notInArray, sql, type SQL } from "drizzle-orm";
import { dossierConsultations, dossiers, dossierTransferLegs } from "@/db/schema/dossiers";
import {
  addWorkingTime,
  defaultWorkingHours,
  limitMinutes,
  hoursPerWorkingDay,
  type WorkingCalendar,
  type WorkingHours,
} from "@/lib/calendar/rules";
import { clockRunningStatuses, isClockRunning, isOpen } from "./rules";
import type { DossierStatus } from "./types";

/** The working days a dossier may have left and still be "due soon". */
export const dueSoonWorkingDaysLeft = 2;

/**
 * The latest appointment that is still "due within 2 working days" for an agency: now plus two
 * working days of that agency's working time (its hours, the calendar's days off skipped).
 */
export function dueSoonHorizon(
  now: Date,
  calendar: WorkingCalendar,
  hours: WorkingHours = defaultWorkingHours,
  days: number = dueSoonWorkingDaysLeft,
): Date {
  return addWorkingTime(calendar, hours, now, limitMinutes(days * hoursPerWorkingDay, hours));
}

/** What the bucket rules read of a dossier. */
export type BucketFacts = {
  status: DossierStatus;
  receivingAgencyId: string;
  competentAgencyId: string;
  assigneeId: string | null;
  dueAt: Date | null;
  clockStoppedAt: Date | null;
  /** The agencies that asked another agency a question not answered yet (lib/dossiers/interagency). */
  openConsultationsFrom?: readonly string[];
  /** Whether an earlier agency of its chain handed it on (a transfer leg ended). */
  transferred?: boolean;
};

/** Who is looking and when: the same for every bucket on one page view. */
export type BucketContext = {
  actorId: string;
  /** The actor's casework agencies (never empty when a queue is read). */
  agencyIds: readonly string[];
  now: Date;
  /** The "due soon" horizon per competent agency (dueSoonHorizon with its hours); `fallback` for the rest. */
  horizons: { byAgency: ReadonlyMap<string, Date>; fallback: Date };
};

export type BucketDefinition = {
  id: string;
  /**
   * "open": every dossier it holds is open (rules.ts isOpen), so it is counted exactly from the
   * small open-dossier indexes. "capped": it reaches into the archive, so it counts up to a limit and
   * the tab says "more than".
   */
  count: "open" | "capped";
  matches: (dossier: BucketFacts, context: BucketContext) => boolean;
  where: (context: BucketContext) => SQL;
};

const waitingStatuses = [
  "supplement_requested",
  "awaiting_payment",
] as const satisfies readonly DossierStatus[];
const finishedStatuses = [
  "done",
  "returned",
  "refused",
  "stopped",
  "withdrawn",
] as const satisfies readonly DossierStatus[];
const openStatuses = [
  "submitted",
  "supplement_requested",
  "received",
  "in_progress",
  "proposed",
  "awaiting_payment",
  "done",
] as const satisfies readonly DossierStatus[];

const horizonOf = (agencyId: string, context: BucketContext) =>
  context.horizons.byAgency.get(agencyId) ?? context.horizons.fallback;

const clockRunningSql = () =>
  and(inArray(dossiers.status, [...clockRunningStatuses]), isNull(dossiers.clockStoppedAt)) as SQL;

/** The horizon of the dossier's competent agency, as SQL: one branch per agency with its own hours. */
function horizonSql(context: BucketContext): SQL {
  const branches = [...context.horizons.byAgency].map(
    ([agencyId, at]) => sql`when ${agencyId}::uuid then ${at.toISOString()}::timestamptz`,
  );
  const fallback = sql`${context.horizons.fallback.toISOString()}::timestamptz`;
  if (branches.length === 0) return fallback;
  return sql`(case ${dossiers.competentAgencyId} ${sql.join(branches, sql` `)} else ${fallback} end)`;
}

export const queueBucketDefinitions = [
  {
    id: "new",
    count: "open",
    matches: (d, c) => d.status === "submitted" && c.agencyIds.includes(d.receivingAgencyId),
    where: (c) =>
      and(eq(dossiers.status, "submitted"), inArray(dossiers.receivingAgencyId, [...c.agencyIds])) as SQL,
  },
  {
    id: "mine",
    count: "open",
    matches: (d, c) => d.assigneeId === c.actorId && isOpen(d.status),
    where: (c) => and(eq(dossiers.assigneeId, c.actorId), inArray(dossiers.status, [...openStatuses])) as SQL,
  },
  {
    id: "waiting",
    count: "open",
    matches: (d) => (waitingStatuses as readonly DossierStatus[]).includes(d.status),
    where: () => inArray(dossiers.status, [...waitingStatuses]),
  },
  {
    // Waiting for another agency's answer to a question this agency asked; the clock runs on.
    id: "consulting",
    count: "open",
    matches: (d, c) =>
      isOpen(d.status) && (d.openConsultationsFrom ?? []).some((agencyId) => c.agencyIds.includes(agencyId)),
    where: (c) =>
      and(
        inArray(dossiers.status, [...openStatuses]),
        sql`exists (select 1 from ${dossierConsultations} where ${dossierConsultations.dossierId} = ${dossiers.id} and ${dossierConsultations.answeredAt} is null and ${inArray(dossierConsultations.fromAgencyId, [...c.agencyIds])})`,
      ) as SQL,
  },
  {
    // Sent on along its inter-agency chain and now decided elsewhere (seen from the desk that received it).
    id: "transferred_out",
    count: "open",
    matches: (d, c) =>
      isOpen(d.status) && d.transferred === true && !c.agencyIds.includes(d.competentAgencyId),
    where: (c) =>
      and(
        inArray(dossiers.status, [...openStatuses]),
        notInArray(dossiers.competentAgencyId, [...c.agencyIds]),
        sql`exists (select 1 from ${dossierTransferLegs} where ${dossierTransferLegs.dossierId} = ${dossiers.id} and ${dossierTransferLegs.endedAt} is not null)`,
      ) as SQL,
  },
  {
    id: "due_soon",
    count: "open",
    matches: (d, c) =>
      isClockRunning(d) &&
      d.dueAt !== null &&
      d.dueAt.getTime() >= c.now.getTime() &&
      d.dueAt.getTime() <= horizonOf(d.competentAgencyId, c).getTime(),
    where: (c) =>
      and(clockRunningSql(), gte(dossiers.dueAt, c.now), sql`${dossiers.dueAt} <= ${horizonSql(c)}`) as SQL,
  },
  {
    id: "overdue",
    count: "open",
    matches: (d, c) => isClockRunning(d) && d.dueAt !== null && d.dueAt.getTime() < c.now.getTime(),
    where: (c) => and(clockRunningSql(), lt(dossiers.dueAt, c.now)) as SQL,
  },
  {
    id: "finished",
    count: "capped",
    matches: (d) => (finishedStatuses as readonly DossierStatus[]).includes(d.status),
    where: () => inArray(dossiers.status, [...finishedStatuses]),
  },
  {
    id: "all",
    count: "capped",
    matches: () => true,
    where: () => sql`true`,
  },
] as const satisfies readonly BucketDefinition[];

export type QueueBucket = (typeof queueBucketDefinitions)[number]["id"];

export const queueBuckets: readonly QueueBucket[] = queueBucketDefinitions.map((bucket) => bucket.id);

/** The tab a queue opens on. */
export const defaultQueueBucket: QueueBucket = "new";

export function isQueueBucket(value: unknown): value is QueueBucket {
  return typeof value === "string" && (queueBuckets as readonly string[]).includes(value);
}

export function bucketDefinition(id: QueueBucket): BucketDefinition {
  return queueBucketDefinitions.find((bucket) => bucket.id === id) ?? queueBucketDefinitions[0];
}

/** The tabs a dossier shows under (pages and tests; the reads use `where`). */
export function bucketsOf(dossier: BucketFacts, context: BucketContext): QueueBucket[] {
  return queueBucketDefinitions.filter((bucket) => bucket.matches(dossier, context)).map((b) => b.id);
}
