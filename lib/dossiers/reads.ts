/*
 * Read model: the dossier reads (detail, lists, queue, public status). It joins the catalogue's and
 * identity's tables for names only, never writes them.
 */
import "server-only";
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
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
import { findDossier, selectDossiers, toState, toView, visibleTo } from "./queries";
import {
  allowedActions,
  clockRunningStatuses,
  dueSoonUntil,
  nationalStatusCode,
  openSupplementRequest,
  pendingProposal,
  type Proposal,
  type SupplementRequest,
} from "./rules";
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
};

export type QueueBucket = "new" | "in_progress" | "due_soon" | "overdue" | "all";

export type QueuePage = {
  rows: DossierView[];
  counts: Record<QueueBucket, number>;
  total: number;
};

export const queueBuckets: readonly QueueBucket[] = ["new", "in_progress", "due_soon", "overdue", "all"];

/** The applicant's own (and their organisations') dossiers, newest first, drafts included. */
export async function listApplicantDossiers(actor: Actor): Promise<DossierView[]> {
  if (actor.kind !== "applicant") return [];
  const db = await getDb();
  const rows = await selectDossiers(db)
    .where(visibleTo(actor))
    .orderBy(desc(dossiers.createdAt), desc(dossiers.id));
  return rows.map(toView);
}

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

  const [eventRows, attachmentRows] = await Promise.all([
    db
      .select({ event: dossierEvents, actorName: users.fullName })
      .from(dossierEvents)
      .leftJoin(users, eq(users.id, dossierEvents.actorId))
      .where(eq(dossierEvents.dossierId, row.id))
      .orderBy(desc(dossierEvents.at), desc(dossierEvents.id)),
    db
      .select()
      .from(attachments)
      .where(eq(attachments.dossierId, row.id))
      .orderBy(asc(attachments.createdAt), asc(attachments.id)),
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
  const forStaff = actor.kind === "staff";
  const status = row.status as DossierStatus;
  const history = eventRows.map(({ event }) => ({ ...event, action: event.action as DossierAction }));
  return ok({
    dossier: forStaff ? dossier : { ...dossier, assignee: null },
    events: forStaff ? events : events.flatMap((event) => eventForApplicant(event) ?? []),
    attachments: attachmentRows.map(toAttachmentView),
    allowedActions: allowedActions(toState(row), actor),
    // The proposal's note is internal to the agency.
    proposal: forStaff ? pendingProposal(status, history) : null,
    supplementRequest: openSupplementRequest(status, history),
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

/** Staff: the queue of the actor's agencies. */
export async function listQueue(
  actor: Actor,
  options: { bucket: QueueBucket; page?: number; pageSize?: number },
): Promise<QueuePage> {
  const empty: QueuePage = {
    rows: [],
    counts: { new: 0, in_progress: 0, due_soon: 0, overdue: 0, all: 0 },
    total: 0,
  };
  const agencyIds = caseworkAgencyIds(actor);
  if (agencyIds.length === 0) return empty;
  const bucket = queueBuckets.includes(options.bucket) ? options.bucket : "all";
  const pageSize = Math.min(Math.max(Math.trunc(options.pageSize ?? 25) || 25, 1), 200);
  const page = Math.max(Math.trunc(options.page ?? 1) || 1, 1);

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

  const [countRow, rows] = await Promise.all([
    db
      .select({
        new: sql<number>`count(*) filter (where ${buckets.new})`.mapWith(Number),
        in_progress: sql<number>`count(*) filter (where ${buckets.in_progress})`.mapWith(Number),
        due_soon: sql<number>`count(*) filter (where ${buckets.due_soon})`.mapWith(Number),
        overdue: sql<number>`count(*) filter (where ${buckets.overdue})`.mapWith(Number),
        all: sql<number>`count(*)`.mapWith(Number),
      })
      .from(dossiers)
      .where(scope),
    selectDossiers(db)
      .where(and(scope, buckets[bucket]))
      .orderBy(sql`${dossiers.dueAt} asc nulls last`, asc(dossiers.submittedAt), asc(dossiers.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
  ]);
  const counts = countRow[0] ?? empty.counts;
  return { rows: rows.map(toView), counts, total: counts[bucket] };
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
