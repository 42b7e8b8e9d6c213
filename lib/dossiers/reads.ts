/*
 * Read model: the dossier reads (detail, lists, queue, public status). It joins the catalogue's and
 * identity's tables for names only, never writes them.
 */
import "server-only";
import { and, asc, desc, eq, gte, inArray, like, lt, not, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Db } from "@/db/client";
import { agencies } from "@/db/schema/agencies";
import { attachments } from "@/db/schema/attachments";
import { procedures } from "@/db/schema/catalog";
import { dossierEvents, dossiers } from "@/db/schema/dossiers";
import { users } from "@/db/schema/identity";
import { nextDate, type WorkingCalendar } from "@/lib/calendar/rules";
import { loadCalendar, loadWorkingHours } from "@/lib/calendar/service";
import { listRoleHolders } from "@/lib/identity/accounts";
import {
  caseworkAgencyIds,
  filingOrganisationIds,
  seeingOrganisationIds,
  type Actor,
} from "@/lib/identity/types";
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
import {
  bucketDefinition,
  dueSoonHorizon,
  isQueueBucket,
  queueBucketDefinitions,
  queueBuckets,
  type BucketContext,
  type QueueBucket,
} from "./buckets";
import { applicantPageKeys, queuePageKeys } from "./keyset";
import { localDayStart, queueChannels, type QueueView } from "./queueFilters";
import { findDossier, selectDossiers, toState, toView, visibleTo } from "./queries";
import {
  allowedActions,
  clockRunningStatuses,
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
  /** The buckets whose count stopped at the limit (the "capped" ones of buckets.ts that reached it). */
  capped: QueueBucket[];
  /** Cursors of the next and previous pages (`?after=` / `?before=`); null when there is none. */
  next: string | null;
  previous: string | null;
};

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
    filingOrganisationIds: filingOrganisationIds(actor),
    seeingOrganisationIds: seeingOrganisationIds(actor).filter(
      (id) => !filingOrganisationIds(actor).includes(id),
    ),
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

/**
 * Open dossiers (rules.ts isOpen): the buckets counted "open" hold only these. The
 * dossiers_queue_open_* indexes (db/schema/dossiers.ts) are partial on this same list, written out there.
 */
const openStatuses: DossierStatus[] = dossierStatuses.filter(isOpen);

/** The filters and search of a queue view as SQL (queueFilters.ts parsed them). */
function viewFilter(view: Partial<QueueView>): SQL {
  const parts: SQL[] = [];
  if (view.procedureId) parts.push(eq(dossiers.procedureId, view.procedureId));
  if (view.status) parts.push(eq(dossiers.status, view.status));
  if (view.channel) parts.push(eq(dossiers.channel, queueChannels[view.channel]));
  if (view.from) parts.push(gte(dossiers.submittedAt, localDayStart(view.from)));
  if (view.to) parts.push(lt(dossiers.submittedAt, localDayStart(nextDate(view.to))));
  if (view.assigneeId) parts.push(eq(dossiers.assigneeId, view.assigneeId));
  const search = view.search;
  if (search?.kind === "code") parts.push(eq(dossiers.code, search.code));
  if (search?.kind === "idNumber")
    parts.push(
      inArray(
        dossiers.applicantId,
        sql`(select ${users.id} from ${users} where ${users.idNumber} = ${search.idNumber})`,
      ),
    );
  if (search?.kind === "name")
    // applicant_search and the words are both accent-free and lower-case: LIKE, not ILIKE.
    for (const word of search.words) parts.push(like(dossiers.applicantSearch, `%${escapeLike(word)}%`));
  return parts.length === 0 ? sql`true` : (and(...parts) as SQL);
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Each casework agency's "due soon" horizon, with its own working hours. */
async function dueSoonHorizons(db: Db, agencyIds: string[], now: Date, calendar: WorkingCalendar) {
  const hours = await Promise.all(agencyIds.map((id) => loadWorkingHours(id, db)));
  return {
    byAgency: new Map(agencyIds.map((id, i) => [id, dueSoonHorizon(now, calendar, hours[i])])),
    fallback: dueSoonHorizon(now, calendar),
  };
}

/**
 * Staff: the queue of the actor's agencies, a page at a time from a cursor (`after` / `before`),
 * in the order of the appointment date (none last), then submission; or by submission. The tabs'
 * counts follow the view's filters, so "Overdue (3)" is three of what the filters show.
 */
export async function listQueue(
  actor: Actor,
  options: {
    bucket: QueueBucket;
    pageSize?: number;
    allCountLimit?: number;
    view?: Partial<QueueView>;
    now?: Date;
  } & PageStart,
): Promise<QueuePage> {
  const zero = Object.fromEntries(queueBuckets.map((b) => [b, 0])) as Record<QueueBucket, number>;
  const empty: QueuePage = {
    rows: [],
    counts: zero,
    total: 0,
    allCapped: false,
    capped: [],
    next: null,
    previous: null,
  };
  const agencyIds = caseworkAgencyIds(actor);
  if (agencyIds.length === 0 || actor.kind !== "staff") return empty;
  const bucket = isQueueBucket(options.bucket) ? options.bucket : "all";
  const pageSize = pageSizeOf(options.pageSize, 25);
  const start = startOf(options, decodeQueueCursor);
  const limit = Math.max(Math.trunc(options.allCountLimit ?? allCountLimit) || allCountLimit, 1);
  const view = options.view ?? {};

  const db = await getDb();
  const now = options.now ?? new Date();
  const calendar = await loadCalendar(db);
  const context: BucketContext = {
    actorId: actor.userId,
    agencyIds,
    now,
    horizons: await dueSoonHorizons(db, agencyIds, now, calendar),
  };
  const filter = viewFilter(view);
  const where = (id: QueueBucket) => and(bucketDefinition(id).where(context), filter) as SQL;
  const scope = visibleTo(actor);
  const receivedHere = inArray(dossiers.receivingAgencyId, agencyIds);
  const decidedHere = inArray(dossiers.competentAgencyId, agencyIds);
  const sides = [receivedHere, and(decidedHere, not(receivedHere)) as SQL];
  const openBuckets = queueBucketDefinitions.filter((b) => b.count === "open").map((b) => b.id);
  const cappedBuckets = queueBucketDefinitions.filter((b) => b.count === "capped").map((b) => b.id);

  const [countRow, read] = await Promise.all([
    /*
     * Counted from indexes where it can be, each side of the queue once (received here, then decided
     * here but received elsewhere), so no dossier counts twice and no OR forces a read of the table:
     * the "open" buckets over open dossiers only (dossiers_queue_open_*); the "capped" ones, which
     * reach into the archive, only up to the limit (one more row says it was reached).
     */
    db.execute<Record<string, string>>(sql`
      select
        ${sql.join(
          cappedBuckets.map(
            (id) => sql`(select count(*) from (
              ${sql.join(
                sides.map(
                  (side) =>
                    sql`(select 1 from ${dossiers} where ${side} and status <> 'draft' and ${where(id)} limit ${limit + 1})`,
                ),
                sql` union all `,
              )}
            ) as counted) as ${sql.identifier(id)}`,
          ),
          sql`, `,
        )},
        ${sql.join(
          openBuckets.map((id) => sql`sum(${sql.identifier(id)}) as ${sql.identifier(id)}`),
          sql`, `,
        )}
      from (
        ${sql.join(
          sides.map(
            (side) => sql`
              select ${sql.join(
                openBuckets.map((id) => sql`count(*) filter (where ${where(id)}) as ${sql.identifier(id)}`),
                sql`, `,
              )}
              from ${dossiers}
              where ${side} and ${inArray(dossiers.status, openStatuses)}`,
          ),
          sql` union all `,
        )}
      ) as open`),
    queuePageKeys(db, { agencyIds, filter: where(bucket), cursor: start, pageSize, sort: view.sort }),
  ]);
  const raw = countRow.rows[0];
  const counts = raw
    ? (Object.fromEntries(queueBuckets.map((b) => [b, Number(raw[b] ?? 0)])) as Record<QueueBucket, number>)
    : zero;
  const capped = cappedBuckets.filter((id) => counts[id] > limit);
  for (const id of capped) counts[id] = limit;
  const page = pageOf(read, pageSize, start?.direction ?? null, encodeQueueCursor);
  const rows = await viewsInOrder(
    db,
    page.keys.map((key) => key.id),
    scope,
  );
  return {
    rows,
    counts,
    total: counts[bucket],
    allCapped: capped.includes("all"),
    capped,
    next: page.next,
    previous: page.previous,
  };
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

/** A dossier in an officer's morning digest (lib/notify): due within two working days, or overdue. */
export type DueDossier = {
  code: string;
  procedureNameVi: string;
  procedureNameEn: string;
  dueAt: Date;
  overdue: boolean;
};

/**
 * Every assigned, open dossier whose clock runs and whose appointment is past or within the "due
 * soon" horizon of its competent agency (the queue's due_soon and overdue tabs), by assignee, the
 * earliest first.
 */
export async function dueDossiersByAssignee(now: Date = new Date()): Promise<Map<string, DueDossier[]>> {
  const db = await getDb();
  const calendar = await loadCalendar(db);
  // A week ahead covers two working days over any run of days off; the exact horizon is applied below.
  const roughHorizon = new Date(now.getTime() + 14 * 86_400_000);
  const rows = await db
    .select({
      code: dossiers.code,
      assigneeId: dossiers.assigneeId,
      status: dossiers.status,
      receivingAgencyId: dossiers.receivingAgencyId,
      competentAgencyId: dossiers.competentAgencyId,
      dueAt: dossiers.dueAt,
      clockStoppedAt: dossiers.clockStoppedAt,
      nameVi: procedures.nameVi,
      nameEn: procedures.nameEn,
    })
    .from(dossiers)
    .innerJoin(procedures, eq(procedures.id, dossiers.procedureId))
    .where(
      and(
        sql`${dossiers.assigneeId} is not null`,
        inArray(dossiers.status, [...clockRunningStatuses]),
        sql`${dossiers.clockStoppedAt} is null`,
        lt(dossiers.dueAt, roughHorizon),
      ),
    )
    .orderBy(asc(dossiers.dueAt), asc(dossiers.id));
  const agencyIds = [...new Set(rows.map((row) => row.competentAgencyId))];
  const horizons: BucketContext["horizons"] = await dueSoonHorizons(db, agencyIds, now, calendar);
  const byAssignee = new Map<string, DueDossier[]>();
  for (const row of rows) {
    if (!row.code || !row.dueAt || !row.assigneeId) continue;
    const facts = { ...row, status: row.status as DossierStatus };
    const context: BucketContext = {
      actorId: row.assigneeId,
      agencyIds: [row.competentAgencyId],
      now,
      horizons,
    };
    const overdue = bucketDefinition("overdue").matches(facts, context);
    if (!overdue && !bucketDefinition("due_soon").matches(facts, context)) continue;
    const list = byAssignee.get(row.assigneeId) ?? [];
    list.push({
      code: row.code,
      procedureNameVi: row.nameVi,
      procedureNameEn: row.nameEn,
      dueAt: row.dueAt,
      overdue,
    });
    byAssignee.set(row.assigneeId, list);
  }
  return byAssignee;
}

/**
 * A dossier's id and code by its code (a written opinion form names the dossier it decides:
 * lib/meetings/opinions.ts), or null. Says nothing else about it: who may see the dossier is the
 * dossier pages' own question.
 */
export async function dossierRefByCode(
  code: string,
  db?: Pick<Db, "select">,
): Promise<{ id: string; code: string } | null> {
  const wanted = code.trim().toUpperCase();
  if (!/^[A-Z0-9.-]{4,60}$/.test(wanted)) return null;
  const source = db ?? (await getDb());
  const [row] = await source
    .select({ id: dossiers.id, code: dossiers.code })
    .from(dossiers)
    .where(eq(dossiers.code, wanted))
    .limit(1);
  return row?.code ? { id: row.id, code: row.code } : null;
}

/** Dossier codes by id (a written opinion form shows the code of the dossier it decides). */
export async function dossierCodesOf(
  ids: readonly string[],
  db?: Pick<Db, "select">,
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const source = db ?? (await getDb());
  const rows = await source
    .select({ id: dossiers.id, code: dossiers.code })
    .from(dossiers)
    .where(inArray(dossiers.id, [...ids]));
  return new Map(rows.flatMap((row) => (row.code ? [[row.id, row.code] as const] : [])));
}
