import "server-only";
import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  sql,
  type SQL,
} from "drizzle-orm";
import { z } from "zod";
import { getDb, type Queryable, type Tx } from "@/db/client";
import {
  agencies,
  attachments,
  dossierClockStops,
  dossierCodeCounters,
  dossierEvents,
  dossiers,
  procedureAgencies,
  procedures,
  procedureVersions,
  staffRoles,
  users,
} from "@/db/schema";
import { loadCalendar } from "@/lib/calendar/service";
import { addWorkingDaysToDate, localDate, workingDaysFor } from "@/lib/calendar/rules";
import type { TimeLimits } from "@/lib/catalog/types";
import { cleanFileName, deleteStoredFile, readStoredFile, storeFile } from "@/lib/files/storage";
import { validateAnswers } from "@/lib/forms/schema";
import { caseworkAgencyIds, type Actor } from "@/lib/identity/types";
import { enqueue, type OutboxNotice } from "@/lib/notify/outbox";
import { findDossier, ownedBy, selectDossiers, toState, toView, visibleTo, type DossierRow } from "./queries";
import {
  allowedActions,
  decide,
  formatDossierCode,
  nationalStatusCode,
  type Command,
  type DecideContext,
  type Step,
} from "./rules";
import {
  lookupSchema,
  staffActionSchema,
  startDraftSchema,
  supplementSchema,
  withdrawSchema,
  type StaffActionCommand,
  type StartDraftCommand,
  type SupplementCommand,
  type WithdrawCommand,
} from "./schema";
import {
  err,
  ok,
  type AttachmentView,
  type DossierAction,
  type DossierEventView,
  type DossierStatus,
  type DossierView,
  type PublicDossierStatus,
  type Result,
} from "./types";

/*
 * The one way to change and read dossiers. Every function scopes by the actor (ARCHITECTURE
 * invariant 2) and every state change goes through rules.ts with the version check (invariant 1).
 */

export type DossierDetail = {
  dossier: DossierView;
  events: DossierEventView[];
  attachments: AttachmentView[];
  /** What this actor may do now (rules.ts); the UI shows these, the service checks again. */
  allowedActions: DossierAction[];
};

export type QueueBucket = "new" | "in_progress" | "due_soon" | "overdue" | "all";

export type QueuePage = {
  rows: DossierView[];
  counts: Record<QueueBucket, number>;
  total: number;
};

export const queueBuckets: readonly QueueBucket[] = ["new", "in_progress", "due_soon", "overdue", "all"];

const uuid = z.uuid();
const saveAnswersSchema = z.object({ dossierId: z.uuid(), formData: z.record(z.string(), z.unknown()) });
const attachmentInputSchema = z.object({
  dossierId: z.uuid(),
  documentKey: z.string().trim().min(1),
  fileName: z
    .string()
    .transform(cleanFileName)
    .pipe(z.string().min(1, "errors.fileNameRequired").max(255, "errors.tooLong")),
  bytes: z.instanceof(Uint8Array),
});
const removeAttachmentSchema = z.object({ dossierId: z.uuid(), attachmentId: z.uuid() });
const submitSchema = z.object({ dossierId: z.uuid() });

/** Statuses in which the applicant may add or remove documents. */
const attachmentStatuses: readonly DossierStatus[] = ["draft", "supplement_requested"];

/** A result that must also undo what the transaction wrote so far (e.g. a counter taken). */
class Rollback<T> extends Error {
  constructor(readonly result: T) {
    super("rollback");
  }
}

async function inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  const db = await getDb();
  try {
    return await db.transaction(work);
  } catch (error) {
    if (error instanceof Rollback) return error.result as T;
    throw error;
  }
}

function issuesOf(error: z.ZodError): Record<string, string[]> {
  const issues: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    (issues[key] ??= []).push(issue.message);
  }
  return issues;
}

const invalid = (error: z.ZodError) => err("invalid_input" as const, issuesOf(error));

function actorId(actor: Actor): string | null {
  return actor.kind === "anonymous" ? null : actor.userId;
}

const channelNames = { 1: "desk", 2: "online", 3: "post" } as const;

function timeLimitDaysFor(limits: TimeLimits, channel: number): number {
  const own = limits[channelNames[channel as 1 | 2 | 3] ?? "online"];
  return workingDaysFor(own ?? limits.online ?? limits.desk ?? 0);
}

async function loadProcedureVersion(q: Queryable, id: string) {
  const [version] = await q.select().from(procedureVersions).where(eq(procedureVersions.id, id)).limit(1);
  if (!version) throw new Error(`procedure version ${id} is missing`);
  return version;
}

async function viewById(q: Queryable, id: string): Promise<DossierView> {
  const row = await findDossier(q, eq(dossiers.id, id));
  if (!row) throw new Error(`dossier ${id} vanished`);
  return toView(row);
}

async function isSpecialistOf(q: Queryable, userId: string, agencyId: string): Promise<boolean> {
  const rows = await q
    .select({ userId: staffRoles.userId })
    .from(staffRoles)
    .where(
      and(
        eq(staffRoles.userId, userId),
        eq(staffRoles.agencyId, agencyId),
        eq(staffRoles.role, "specialist"),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/**
 * Writes a decided step: the row guarded by the version the caller read, the event, the clock
 * stop and the notices. A moved version rolls the whole transaction back as a conflict.
 */
async function applyStep(
  tx: Tx,
  actor: Actor,
  row: DossierRow,
  step: Step,
  now: Date,
  extra: { code?: string } = {},
): Promise<void> {
  const updated = await tx
    .update(dossiers)
    .set({
      ...step.changes,
      ...extra,
      status: step.status,
      version: sql`${dossiers.version} + 1`,
      updatedAt: now,
    })
    .where(and(eq(dossiers.id, row.id), eq(dossiers.version, row.version)))
    .returning({ id: dossiers.id });
  if (updated.length === 0) throw new Rollback(err("conflict" as const));

  await tx.insert(dossierEvents).values({
    dossierId: row.id,
    at: now,
    actorId: actorId(actor),
    action: step.event.action,
    fromStatus: step.event.fromStatus,
    toStatus: step.event.toStatus,
    comment: step.event.comment,
    details: step.event.details,
  });

  if (step.clock && "stop" in step.clock) {
    await tx.insert(dossierClockStops).values({ dossierId: row.id, reason: step.clock.stop, startedAt: now });
  } else if (step.clock && "resume" in step.clock) {
    await tx
      .update(dossierClockStops)
      .set({ endedAt: now })
      .where(and(eq(dossierClockStops.dossierId, row.id), isNull(dossierClockStops.endedAt)));
  }

  const assigneeId = step.changes.assigneeId !== undefined ? step.changes.assigneeId : row.assigneeId;
  const payload = {
    dossierId: row.id,
    code: extra.code ?? row.code,
    status: step.status,
    action: step.event.action,
  };
  const notices: OutboxNotice[] = [];
  for (const notice of step.notices) {
    if (notice.to === "applicant") notices.push({ recipientId: row.applicantId, kind: notice.kind, payload });
    else if (notice.to === "assignee") {
      if (assigneeId) notices.push({ recipientId: assigneeId, kind: notice.kind, payload });
    } else {
      const agencyId = notice.to === "receiving_agency" ? row.receivingAgency.id : row.competentAgency.id;
      notices.push({ recipientId: null, kind: notice.kind, payload: { ...payload, agencyId } });
    }
  }
  await enqueue(tx, notices);
}

/** Load scoped, check the version read, ask the rules, write the step: the shape of every change. */
async function transition(
  actor: Actor,
  target: SQL,
  expectedVersion: number,
  command: Command,
): Promise<Result<DossierView>> {
  return inTransaction(async (tx) => {
    const row = await findDossier(tx, and(target, visibleTo(actor)) as SQL);
    if (!row) return err("not_found" as const);
    if (row.version !== expectedVersion) return err("conflict" as const);
    const version = await loadProcedureVersion(tx, row.procedureVersionId);
    const now = new Date();
    const context: DecideContext = {
      now,
      calendar: await loadCalendar(tx),
      timeLimitDays: timeLimitDaysFor(version.timeLimitHours, row.channel),
    };
    if (command.action === "assign" && command.assigneeId) {
      context.assigneeIsSpecialist = await isSpecialistOf(tx, command.assigneeId, row.competentAgency.id);
    }
    const decision = decide(toState(row), actor, command, context);
    if (!decision.ok) return err(decision.error);
    await applyStep(tx, actor, row, decision.step, now);
    return ok(await viewById(tx, row.id));
  });
}

/** Applicant: a new draft of the procedure's current version. */
export async function startDraft(
  actor: Actor,
  command: StartDraftCommand,
): Promise<Result<{ dossierId: string }>> {
  if (actor.kind !== "applicant") return err("forbidden");
  const parsed = startDraftSchema.safeParse(command);
  if (!parsed.success) return invalid(parsed.error);
  const { procedureCode, competentAgencyId } = parsed.data;
  const db = await getDb();

  const [found] = await db
    .select({ procedureId: procedures.id, versionId: procedureVersions.id })
    .from(procedures)
    .innerJoin(
      procedureVersions,
      and(eq(procedureVersions.procedureId, procedures.id), eq(procedureVersions.isCurrent, true)),
    )
    .where(eq(procedures.code, procedureCode))
    .limit(1);
  if (!found) return err("not_found");

  const places = await db
    .select({
      competentAgencyId: procedureAgencies.competentAgencyId,
      receivingAgencyId: procedureAgencies.receivingAgencyId,
    })
    .from(procedureAgencies)
    .where(eq(procedureAgencies.procedureId, found.procedureId));
  if (places.length === 0) return err("not_found");
  const place =
    competentAgencyId !== undefined
      ? places.find((p) => p.competentAgencyId === competentAgencyId)
      : places.length === 1
        ? places[0]
        : undefined;
  if (!place) return err("invalid_input", { competentAgencyId: ["errors.agencyRequired"] });

  const [applicant] = await db
    .select({ fullName: users.fullName })
    .from(users)
    .where(eq(users.id, actor.userId))
    .limit(1);
  if (!applicant) return err("not_found");

  const now = new Date();
  const [created] = await db
    .insert(dossiers)
    .values({
      procedureId: found.procedureId,
      procedureVersionId: found.versionId,
      applicantId: actor.userId,
      receivingAgencyId: place.receivingAgencyId,
      competentAgencyId: place.competentAgencyId,
      status: "draft",
      channel: 2,
      applicantName: applicant.fullName,
      formData: {},
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: dossiers.id });
  // The history starts at submission: a draft is not yet the administration's business.
  return ok({ dossierId: created!.id });
}

/** Applicant: stores the answers as given (nothing lost); returns field issues when invalid. */
export async function saveDraftAnswers(
  actor: Actor,
  input: { dossierId: string; formData: Record<string, unknown> },
): Promise<Result<{ valid: boolean }>> {
  const parsed = saveAnswersSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { dossierId, formData } = parsed.data;
  const db = await getDb();
  const row = await findDossier(db, and(eq(dossiers.id, dossierId), ownedBy(actor)) as SQL);
  if (!row) return err("not_found");
  if (row.status !== "draft") return err("invalid_transition");

  // Guarded by the status, so answers never land on a dossier submitted in the meantime.
  const saved = await db
    .update(dossiers)
    .set({ formData, version: sql`${dossiers.version} + 1`, updatedAt: new Date() })
    .where(and(eq(dossiers.id, dossierId), eq(dossiers.status, "draft")))
    .returning({ id: dossiers.id });
  if (saved.length === 0) return err("invalid_transition");

  const version = await loadProcedureVersion(db, row.procedureVersionId);
  const checked = validateAnswers(version.form, formData);
  return checked.ok ? ok({ valid: true }) : err("invalid_input", checked.issues);
}

function toAttachmentView(row: typeof attachments.$inferSelect): AttachmentView {
  return {
    id: row.id,
    documentKey: row.documentKey,
    fileName: row.fileName,
    mediaType: row.mediaType,
    size: row.size,
    sha256: row.sha256,
    createdAt: row.createdAt,
  };
}

/** Applicant: attaches a file to a required document of a draft (or a dossier asked for more). */
export async function addAttachment(
  actor: Actor,
  input: { dossierId: string; documentKey: string; fileName: string; bytes: Uint8Array },
): Promise<
  Result<
    AttachmentView,
    "not_found" | "invalid_transition" | "invalid_input" | "file_type" | "file_too_large"
  >
> {
  const parsed = attachmentInputSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { dossierId, documentKey, fileName, bytes } = parsed.data;
  const db = await getDb();
  const row = await findDossier(db, and(eq(dossiers.id, dossierId), ownedBy(actor)) as SQL);
  if (!row) return err("not_found");
  if (!attachmentStatuses.includes(row.status as DossierStatus)) return err("invalid_transition");
  const version = await loadProcedureVersion(db, row.procedureVersionId);
  if (!version.documents.some((d) => d.key === documentKey)) {
    return err("invalid_input", { documentKey: ["errors.documentUnknown"] });
  }

  const stored = await storeFile({ fileName, bytes });
  if (!stored.ok) {
    if (stored.error === "empty")
      return err("invalid_input", { [`doc_${documentKey}`]: ["errors.fileEmpty"] });
    return err(stored.error);
  }
  const [created] = await db
    .insert(attachments)
    .values({
      dossierId,
      documentKey,
      fileName,
      mediaType: stored.value.mediaType,
      size: stored.value.size,
      sha256: stored.value.sha256,
      storageKey: stored.value.storageKey,
      uploadedBy: actor.kind === "applicant" ? actor.userId : row.applicantId,
      createdAt: new Date(),
    })
    .returning();
  return ok(toAttachmentView(created!));
}

export async function removeAttachment(
  actor: Actor,
  input: { dossierId: string; attachmentId: string },
): Promise<Result<null>> {
  const parsed = removeAttachmentSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { dossierId, attachmentId } = parsed.data;
  const db = await getDb();
  const row = await findDossier(db, and(eq(dossiers.id, dossierId), ownedBy(actor)) as SQL);
  if (!row) return err("not_found");
  if (!attachmentStatuses.includes(row.status as DossierStatus)) return err("invalid_transition");

  const conditions = [eq(attachments.id, attachmentId), eq(attachments.dossierId, dossierId)];
  if (row.status === "supplement_requested") {
    // Once submitted, what the administration already received stays: only this round's files go.
    const [request] = await db
      .select({ at: dossierEvents.at })
      .from(dossierEvents)
      .where(and(eq(dossierEvents.dossierId, dossierId), eq(dossierEvents.action, "request_supplement")))
      .orderBy(desc(dossierEvents.at), desc(dossierEvents.id))
      .limit(1);
    if (request) conditions.push(gte(attachments.createdAt, request.at));
  }
  const [existing] = await db
    .select({ id: attachments.id })
    .from(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.dossierId, dossierId)))
    .limit(1);
  if (!existing) return err("not_found");
  const removed = await db
    .delete(attachments)
    .where(and(...conditions))
    .returning({ storageKey: attachments.storageKey });
  if (removed.length === 0) return err("forbidden");
  // Each upload has its own storage key, so its bytes belong to nobody else.
  await deleteStoredFile(removed[0]!.storageKey);
  return ok(null);
}

/** Applicant: submits a draft. Idempotent: a second call returns the same dossier. */
export async function submitDossier(
  actor: Actor,
  input: { dossierId: string },
): Promise<Result<DossierView>> {
  const parsed = submitSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { dossierId } = parsed.data;
  const target = and(eq(dossiers.id, dossierId), ownedBy(actor)) as SQL;

  const result = await inTransaction(async (tx): Promise<Result<DossierView>> => {
    // The row lock makes a second submit (double click, two tabs, a replay) wait for the first,
    // then see its code: one dossier, one code, the counter advanced once.
    const row = await findDossier(tx, target, { forUpdate: true });
    if (!row) return err("not_found");
    if (row.code !== null) return ok(toView(row));
    if (row.status !== "draft") return err("invalid_transition");

    const version = await loadProcedureVersion(tx, row.procedureVersionId);
    const answers = validateAnswers(version.form, row.formData);
    if (!answers.ok) return err("invalid_input", answers.issues);

    const attached = await tx
      .select({ documentKey: attachments.documentKey, n: count() })
      .from(attachments)
      .where(eq(attachments.dossierId, row.id))
      .groupBy(attachments.documentKey);
    const present = new Set(attached.filter((a) => a.n > 0).map((a) => a.documentKey));
    const missing = version.documents.filter((d) => d.required && !present.has(d.key));
    if (missing.length > 0) {
      return err(
        "missing_documents",
        Object.fromEntries(missing.map((d) => [`doc_${d.key}`, ["errors.documentRequired"]])),
      );
    }

    const now = new Date();
    const decision = decide(
      toState(row),
      actor,
      { action: "submit" },
      {
        now,
        calendar: await loadCalendar(tx),
        timeLimitDays: timeLimitDaysFor(version.timeLimitHours, row.channel),
      },
    );
    if (!decision.ok) return err(decision.error);

    const [counter] = await tx
      .insert(dossierCodeCounters)
      .values({ agencyId: row.receivingAgency.id, day: localDate(now), last: 1 })
      .onConflictDoUpdate({
        target: [dossierCodeCounters.agencyId, dossierCodeCounters.day],
        set: { last: sql`${dossierCodeCounters.last} + 1` },
      })
      .returning({ last: dossierCodeCounters.last });
    const code = formatDossierCode(row.receivingAgency.code, now, counter!.last);
    await applyStep(tx, actor, row, decision.step, now, { code });
    return ok(await viewById(tx, row.id));
  });

  if (result.ok || result.error !== "conflict") return result;
  // Lost a race without the lock's help: the winner's dossier is the answer, still one dossier.
  const winner = await findDossier(await getDb(), target);
  return winner?.code ? ok(toView(winner)) : result;
}

export async function supplementDossier(
  actor: Actor,
  command: SupplementCommand,
): Promise<Result<DossierView>> {
  const parsed = supplementSchema.safeParse(command);
  if (!parsed.success) return invalid(parsed.error);
  const { dossierId, version, comment } = parsed.data;
  return transition(actor, eq(dossiers.id, dossierId), version, { action: "supplement", comment });
}

export async function withdrawDossier(actor: Actor, command: WithdrawCommand): Promise<Result<DossierView>> {
  const parsed = withdrawSchema.safeParse(command);
  if (!parsed.success) return invalid(parsed.error);
  const { dossierId, version, comment } = parsed.data;
  return transition(actor, eq(dossiers.id, dossierId), version, {
    action: "withdraw",
    comment: comment || undefined,
  });
}

/** Staff: one of the one-stop actions, checked by rules.ts and guarded by the version. */
export async function performStaffAction(
  actor: Actor,
  command: StaffActionCommand,
): Promise<Result<DossierView>> {
  const parsed = staffActionSchema.safeParse(command);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;
  const rulesCommand: Command = {
    action: input.action,
    comment: input.comment || undefined,
    assigneeId: input.action === "assign" ? input.assigneeId : undefined,
    proposal: input.action === "propose" ? input.proposal : undefined,
  };
  return transition(actor, eq(dossiers.code, input.code), input.version, rulesCommand);
}

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
  // Applicants see what was done and why; the names of the officers are for staff.
  const showNames = actor.kind === "staff";
  return ok({
    dossier: toView(row),
    events: eventRows.map(({ event, actorName }) => ({
      id: event.id,
      at: event.at,
      action: event.action as DossierEventView["action"],
      fromStatus: event.fromStatus as DossierStatus | null,
      toStatus: event.toStatus as DossierStatus,
      actorName: showNames ? actorName : null,
      comment: event.comment,
      details: event.details,
    })),
    attachments: attachmentRows.map(toAttachmentView),
    allowedActions: allowedActions(toState(row), actor),
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

/** The end of the local working day `days` working days after today: the "due soon" horizon. */
function dueSoonBound(now: Date, days: number, calendar: Awaited<ReturnType<typeof loadCalendar>>): Date {
  const day = addWorkingDaysToDate(localDate(now), days, calendar);
  return new Date(Date.parse(`${day}T00:00:00+07:00`) + 24 * 60 * 60 * 1000 - 1);
}

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
  // Deadlines matter only while the clock runs: not once the result exists, nor while the
  // applicant is asked for documents (the due date moves when they answer).
  const clockRunning = and(
    inArray(dossiers.status, ["received", "in_progress", "proposed"]),
    isNull(dossiers.clockStoppedAt),
  ) as SQL;
  const buckets: Record<QueueBucket, SQL> = {
    new: and(eq(dossiers.status, "submitted"), inArray(dossiers.receivingAgencyId, agencyIds)) as SQL,
    in_progress: inArray(dossiers.status, inProgressStatuses),
    due_soon: and(
      clockRunning,
      isNotNull(dossiers.dueAt),
      gte(dossiers.dueAt, now),
      lte(dossiers.dueAt, dueSoonBound(now, 2, calendar)),
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
  return db
    .select({ id: users.id, name: users.fullName })
    .from(staffRoles)
    .innerJoin(users, eq(users.id, staffRoles.userId))
    .where(and(eq(staffRoles.agencyId, row.competentAgency.id), eq(staffRoles.role, "specialist")))
    .orderBy(asc(users.fullName), asc(users.id));
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

export type AttachmentDownload = { fileName: string; mediaType: string; bytes: Uint8Array };

/** An attachment's bytes, if the actor may see its dossier (otherwise "not_found"). */
export async function readAttachment(
  actor: Actor,
  id: string,
): Promise<Result<AttachmentDownload, "not_found">> {
  if (!uuid.safeParse(id).success) return err("not_found");
  const db = await getDb();
  const [row] = await db
    .select({
      fileName: attachments.fileName,
      mediaType: attachments.mediaType,
      storageKey: attachments.storageKey,
    })
    .from(attachments)
    .innerJoin(dossiers, eq(dossiers.id, attachments.dossierId))
    .where(and(eq(attachments.id, id), visibleTo(actor)))
    .limit(1);
  if (!row) return err("not_found");
  let bytes: Uint8Array;
  try {
    bytes = await readStoredFile(row.storageKey);
  } catch (error) {
    // The row outlived its bytes (a restored database, a lost disk): nothing to give, not a crash.
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return err("not_found");
    throw error;
  }
  return ok({ fileName: row.fileName, mediaType: row.mediaType, bytes });
}
