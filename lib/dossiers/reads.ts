/*
 * Read model: the dossier reads (detail, lists, queue, public status). It joins the catalogue's and
 * identity's tables for names only, never writes them.
 */
import "server-only";
import {
  and,
  asc,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  not,
  sql,
  type SQL,
} from "drizzle-orm";
import { z } from "zod";
import { getDb, type Db } from "@/db/client";
import { agencies } from "@/db/schema/agencies";
import { attachments } from "@/db/schema/attachments";
import { procedures } from "@/db/schema/catalog";
import { dossierEvents, dossiers } from "@/db/schema/dossiers";
import { users } from "@/db/schema/identity";
import { loadCalendar } from "@/lib/calendar/service";
import { listRoleHolders } from "@/lib/identity/accounts";
import { caseworkAgencyIds, type Actor } from "@/lib/identity/types";
import { err, ok } from "@/lib/result";
import { toAttachmentView } from "./attachments";
import {
  consultationKinds,
  consultationsOf,
  transferLegsOf,
  type ConsultationView,
  type TransferLegView,
} from "./interagency";
import {
  decodeApplicantCursor,
  decodeQueueCursor,
  encodeApplicantCursor,
  encodeQueueCursor,
  pageOf,
} from "./cursor";
import { applicantPageKeys, queuePageKeys } from "./keyset";
import { findDossier, selectDossiers, toState, toView, visibleTo } from "./queries";
import {
  allowedActions,
  clockRunningStatuses,
  dueSoonUntil,
  isOpen,
  openSupplementRequest,
  pendingProposal,
  type Proposal,
  type SupplementRequest,
} from "./rules";
import { nationalStatusCode } from "./national";
import { lookupSchema } from "./schema";
import { eventForApplicant } from "./visibility";
import type {
  AttachmentView,
  DossierAction,
  DossierEventView,
  DossierStatus,
  DossierView,
  PublicDossierStatus,
  Result,
} from "./types";
import { dossierStatuses } from "./types";

/* Reads: every one scoped by the actor (ARCHITECTURE invariant 2), one query per list. */

const uuid = z.uuid();

export type DossierDetail = {
  dossier: DossierView;
  events: DossierEventView[];
  attachments: AttachmentView[];
  /** What this actor may do now (rules.ts); the UI shows these, the service checks again. */
  allowedActions: DossierAction[];
  /** Staff only: the proposal the head is deciding on (outcome and the specialist's note), while proposed. */
  proposal: Proposal | null;
  /** The request for documents the applicant has to answer, while one is open. */
  supplementRequest: SupplementRequest | null;
  /** Staff only: questions to other agencies and their answers. */
  consultations: ConsultationView[];
  /** Each agency's turn of an inter-agency chain: its share of the time limit and what it used. */
  transferLegs: TransferLegView[];
};

export type QueueBucket = "new" | "in_progress" | "due_soon" | "overdue" | "all";

export type QueuePage = {
  rows: DossierView[];
  counts: Record<QueueBucket, number>;
  total: number;
  /**
   * The "all" count stopped at `allCountLimit`: counts.all is then that limit and the tab says
   * "more than". Counting a busy desk's every dossier of three years on each page view is the one
   * read that grows with the archive; the open buckets are small and always exact.
   */
  allCapped: boolean;
  /** Cursors of the next and previous pages (`?after=` / `?before=`); null when there is none. */
  next: string | null;
  previous: string | null;
};

export const queueBuckets: readonly QueueBucket[] = ["new", "in_progress", "due_soon", "overdue", "all"];

/** How far the "all" tab counts before it says "more than" (QueuePage.allCapped). */
export const allCountLimit = 10_000;

/** Where a list page starts: the cursor of `?after=` or `?before=`; a malformed one means the first page. */
export type PageStart = { after?: string | null; before?: string | null };

function startOf<Key>(start: PageStart, decode: (text: unknown) => Key | null) {
  const after = decode(start.after);
  if (after) return { key: after, direction: "after" as const };
  const before = decode(start.before);
  return before ? { key: before, direction: "before" as const } : null;
}

/** The views of the page's keys, in the keys' order (one query for the page, names joined). */
async function viewsInOrder(db: Db, ids: string[], scope: SQL): Promise<DossierView[]> {
  if (ids.length === 0) return [];
  const rows = await selectDossiers(db).where(and(inArray(dossiers.id, ids), scope));
  const byId = new Map(rows.map((row) => [row.id, toView(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export type ApplicantDossierPage = { rows: DossierView[]; next: string | null; previous: string | null };

/**
 * The applicant's own (and their organisations') dossiers, newest first, drafts included, a page at
 * a time from a cursor.
 */
export async function listApplicantDossiers(
  actor: Actor,
  options: PageStart & { pageSize?: number } = {},
): Promise<ApplicantDossierPage> {
  if (actor.kind !== "applicant") return { rows: [], next: null, previous: null };
  const pageSize = pageSizeOf(options.pageSize, 20);
  const direction = startOf(options, decodeApplicantCursor);
  const db = await getDb();
  const read = await applicantPageKeys(db, {
    applicantId: actor.userId,
    organisationIds: actor.organisationIds,
    cursor: direction,
    pageSize,
  });
  const page = pageOf(read, pageSize, direction?.direction ?? null, encodeApplicantCursor);
  const rows = await viewsInOrder(
    db,
    page.keys.map((key) => key.id),
    visibleTo(actor),
  );
  return { rows, next: page.next, previous: page.previous };
}

const pageSizeOf = (requested: number | undefined, fallback: number) =>
  Math.min(Math.max(Math.trunc(requested ?? fallback) || fallback, 1), 200);

/** A dossier by id (drafts) or by code, if the actor may see it. */
export async function getDossierDetail(
  actor: Actor,
  ref: { id: string } | { code: string },
): Promise<Result<DossierDetail>> {
  let target: SQL;
  if ("id" in ref) {
    if (!uuid.safeParse(ref.id).success) return err("not_found");
    target = eq(dossiers.id, ref.id);
  } else {
    if (typeof ref.code !== "string" || ref.code.length === 0) return err("not_found");
    target = eq(dossiers.code, ref.code);
  }
  const db = await getDb();
  const row = await findDossier(db, and(target, visibleTo(actor)) as SQL);
  if (!row) return err("not_found");

  const forStaff = actor.kind === "staff";
  const [eventRows, attachmentRows, consultations, transferLegs] = await Promise.all([
    db
      .select({ event: dossierEvents, actorName: users.fullName })
      .from(dossierEvents)
      .leftJoin(users, eq(users.id, dossierEvents.actorId))
      .where(eq(dossierEvents.dossierId, row.id))
      .orderBy(desc(dossierEvents.at), desc(dossierEvents.id)),
    db
      .select()
      .from(attachments)
      .where(
        and(
          eq(attachments.dossierId, row.id),
          // What agencies exchange among themselves is theirs.
          forStaff ? undefined : not(inArray(attachments.documentKey, consultationKinds)),
        ),
      )
      .orderBy(asc(attachments.createdAt), asc(attachments.id)),
    forStaff ? consultationsOf(db, row.id) : Promise.resolve([]),
    transferLegsOf(db, row.id, new Date(), await loadCalendar(db)),
  ]);
  const events: DossierEventView[] = eventRows.map(({ event, actorName }) => ({
    id: event.id,
    at: event.at,
    action: event.action as DossierEventView["action"],
    fromStatus: event.fromStatus as DossierStatus | null,
    toStatus: event.toStatus as DossierStatus,
    actorName,
    comment: event.comment,
    details: event.details,
  }));
  const dossier = toView(row);
  // Staff see everything. Applicants see each event as visibility.ts allows (their own words, the
  // agency's messages to them, dates and outcomes), never an officer's name or an internal note.
  const status = row.status as DossierStatus;
  const history = eventRows.map(({ event }) => ({ ...event, action: event.action as DossierAction }));
  return ok({
    dossier: forStaff ? dossier : { ...dossier, assignee: null, pendingDelay: null },
    events: forStaff ? events : events.flatMap((event) => eventForApplicant(event) ?? []),
    attachments: attachmentRows.map(toAttachmentView),
    allowedActions: allowedActions(toState(row), actor),
    // The proposal's note is internal to the agency.
    proposal: forStaff ? pendingProposal(status, history) : null,
    supplementRequest: openSupplementRequest(status, history),
    consultations,
    transferLegs,
  });
}

const inProgressStatuses: DossierStatus[] = [
  "received",
  "in_progress",
  "proposed",
  "supplement_requested",
  "awaiting_payment",
  "done",
];

/**
 * Open dossiers (rules.ts isOpen): every bucket but "all" is some of them. The dossiers_queue_open_*
 * indexes (db/schema/dossiers.ts) are partial on this same list, written out there.
 */
const openStatuses: DossierStatus[] = dossierStatuses.filter(isOpen);

/**
 * Staff: the queue of the actor's agencies, a page at a time from a cursor (`after` / `before`),
 * in the order of the appointment date (none last), then submission.
 */
export async function listQueue(
  actor: Actor,
  options: { bucket: QueueBucket; pageSize?: number; allCountLimit?: number } & PageStart,
): Promise<QueuePage> {
  const empty: QueuePage = {
    rows: [],
    counts: { new: 0, in_progress: 0, due_soon: 0, overdue: 0, all: 0 },
    total: 0,
    allCapped: false,
    next: null,
    previous: null,
  };
  const agencyIds = caseworkAgencyIds(actor);
  if (agencyIds.length === 0) return empty;
  const bucket = queueBuckets.includes(options.bucket) ? options.bucket : "all";
  const pageSize = pageSizeOf(options.pageSize, 25);
  const start = startOf(options, decodeQueueCursor);
  const limit = Math.max(Math.trunc(options.allCountLimit ?? allCountLimit) || allCountLimit, 1);

  const db = await getDb();
  const now = new Date();
  const calendar = await loadCalendar(db);
  // rules.ts defines overdue and due soon (isClockRunning, isOverdue, isDueSoon); this is the
  // same definition in SQL, built from its parameters.
  const clockRunning = and(
    inArray(dossiers.status, [...clockRunningStatuses]),
    isNull(dossiers.clockStoppedAt),
  ) as SQL;
  const buckets: Record<QueueBucket, SQL> = {
    new: and(eq(dossiers.status, "submitted"), inArray(dossiers.receivingAgencyId, agencyIds)) as SQL,
    in_progress: inArray(dossiers.status, inProgressStatuses),
    due_soon: and(
      clockRunning,
      isNotNull(dossiers.dueAt),
      gte(dossiers.dueAt, now),
      lte(dossiers.dueAt, dueSoonUntil(now, calendar)),
    ) as SQL,
    overdue: and(clockRunning, lt(dossiers.dueAt, now)) as SQL,
    all: sql`true`,
  };
  const scope = visibleTo(actor);
  const receivedHere = inArray(dossiers.receivingAgencyId, agencyIds);
  const decidedHere = inArray(dossiers.competentAgencyId, agencyIds);

  const [countRow, read] = await Promise.all([
    /*
     * Counted from indexes alone where it can be, each side of the queue once (received here, then
     * decided here but received elsewhere), so no dossier counts twice and no OR forces a read of
     * the table: "all" from the narrow (agency, status) indexes, and only up to the limit (one more
     * row says it was reached); the other buckets over open dossiers only (dossiers_queue_open_*,
     * which carry status and the clock stop).
     */
    db.execute<Record<QueueBucket, string>>(sql`
      select
        (select count(*) from (
          (select 1 from ${dossiers} where ${receivedHere} and status <> 'draft' limit ${limit + 1})
          union all
          (select 1 from ${dossiers} where ${decidedHere} and not ${receivedHere} and status <> 'draft' limit ${limit + 1})
        ) as counted) as "all",
        sum("new") as "new", sum("in_progress") as "in_progress", sum("due_soon") as "due_soon", sum("overdue") as "overdue"
      from (
        ${sql.join(
          [receivedHere, and(decidedHere, not(receivedHere))].map(
            (side) => sql`
              select
                count(*) filter (where ${buckets.new}) as "new",
                count(*) filter (where ${buckets.in_progress}) as "in_progress",
                count(*) filter (where ${buckets.due_soon}) as "due_soon",
                count(*) filter (where ${buckets.overdue}) as "overdue"
              from ${dossiers}
              where ${side} and ${inArray(dossiers.status, openStatuses)}`,
          ),
          sql` union all `,
        )}
      ) as open`),
    queuePageKeys(db, { agencyIds, filter: buckets[bucket], cursor: start, pageSize }),
  ]);
  const raw = countRow.rows[0];
  const counts = raw
    ? (Object.fromEntries(queueBuckets.map((b) => [b, Number(raw[b] ?? 0)])) as Record<QueueBucket, number>)
    : empty.counts;
  const allCapped = counts.all > limit;
  if (allCapped) counts.all = limit;
  const page = pageOf(read, pageSize, start?.direction ?? null, encodeQueueCursor);
  const rows = await viewsInOrder(
    db,
    page.keys.map((key) => key.id),
    scope,
  );
  return { rows, counts, total: counts[bucket], allCapped, next: page.next, previous: page.previous };
}

/** Staff: specialists of the dossier's competent agency, for "assign". */
export async function listAssignableSpecialists(
  actor: Actor,
  code: string,
): Promise<{ id: string; name: string }[]> {
  if (actor.kind !== "staff" || typeof code !== "string" || code.length === 0) return [];
  const db = await getDb();
  const row = await findDossier(db, and(eq(dossiers.code, code), visibleTo(actor)) as SQL);
  if (!row) return [];
  return listRoleHolders(row.competentAgency.id, "specialist", db);
}

/** Anyone: status by code, no personal data. */
export async function getPublicStatus(code: string): Promise<PublicDossierStatus | null> {
  const parsed = lookupSchema.safeParse({ code });
  if (!parsed.success) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      code: dossiers.code,
      status: dossiers.status,
      procedure: { code: procedures.code, nameVi: procedures.nameVi, nameEn: procedures.nameEn },
      receivingAgency: { code: agencies.code, nameVi: agencies.nameVi, nameEn: agencies.nameEn },
      submittedAt: dossiers.submittedAt,
      acceptedAt: dossiers.acceptedAt,
      dueAt: dossiers.dueAt,
      finishedAt: dossiers.finishedAt,
      returnedAt: dossiers.returnedAt,
    })
    .from(dossiers)
    .innerJoin(procedures, eq(procedures.id, dossiers.procedureId))
    .innerJoin(agencies, eq(agencies.id, dossiers.receivingAgencyId))
    .where(eq(dossiers.code, parsed.data.code))
    .limit(1);
  if (!row?.code) return null;
  const status = row.status as DossierStatus;
  const iso = (value: Date | null) => (value ? value.toISOString() : null);
  return {
    code: row.code,
    procedure: row.procedure,
    status,
    nationalStatusCode: nationalStatusCode(status),
    receivingAgency: row.receivingAgency,
    submittedAt: iso(row.submittedAt),
    acceptedAt: iso(row.acceptedAt),
    dueAt: iso(row.dueAt),
    finishedAt: iso(row.finishedAt),
    returnedAt: iso(row.returnedAt),
  };
}
