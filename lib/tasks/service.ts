import "server-only";
import { and, asc, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Queryable, type Tx } from "@/db/client";
import {
  agendaItems,
  bodies,
  meetings,
  opinionForms,
  taskReports,
  tasks,
  workspaceFiles,
} from "@/db/schema/workspace";
import { agencyChoices, agencyNames } from "@/lib/agencies/service";
import { loadCalendar, loadWorkingHours } from "@/lib/calendar/service";
import type { WorkingCalendar, WorkingHours } from "@/lib/calendar/rules";
import { deleteStoredFile, storeFile, type StoreError } from "@/lib/files/storage";
import type { FileKind } from "@/lib/files/types";
import { contactsOf, holdsRole, listRoleHolders, listRoleHoldersByAgency } from "@/lib/identity/accounts";
import { caseworkRoles, hasRole, type Actor } from "@/lib/identity/types";
import { roleIn, seatsOf } from "@/lib/meetings/access";
import { looksClassified } from "@/lib/meetings/classified";
import { recordWorkspaceEvent, workspaceHistory } from "@/lib/meetings/events";
import { enqueue } from "@/lib/notify/outbox";
import { err, issuesOf, ok, type Result } from "@/lib/result";
import {
  deadlineFor,
  maySeeDashboard,
  mayManageTasks,
  statusRank,
  taskAccess,
  taskStatus,
  taskStatuses,
  workingDaysLate,
  type TaskStatus,
} from "./rules";
import {
  createTasksSchema,
  reassignSchema,
  reportSchema,
  type CreateTasksInput,
  type ReassignInput,
  type ReportInput,
  type TaskSourceKind,
} from "./schema";

/*
 * Tasks from conclusions: created by the body's chair, secretary or support staff from an agenda
 * item's or an opinion form's conclusion; reported on by the owner officer (or the head of the
 * owner agency) with documents, the last report marking it done; reassigned by those who created
 * it. Every change is a workspace event in the same transaction, under the version guard; a stale
 * post is refused. Anyone who is not of the body, not the owner and not of the owner agency gets
 * not_found (never forbidden: a stranger learns nothing).
 */

export type TaskError = "not_found" | "forbidden" | "invalid_input" | "stale" | "no_conclusion";
export type FileRefusal = StoreError | "classified";

const staffId = (actor: Actor) => (actor.kind === "staff" ? actor.userId : null);

/* ---- The conclusion a task comes from ---- */

export type ConclusionSource = {
  sourceKind: TaskSourceKind;
  sourceId: string;
  bodyId: string;
  body: { code: string; nameVi: string; nameEn: string };
  title: string;
  conclusion: string | null;
};

async function loadSource(
  db: Queryable,
  sourceKind: TaskSourceKind,
  sourceId: string,
): Promise<ConclusionSource | null> {
  const row =
    sourceKind === "agenda_item"
      ? (
          await db
            .select({ bodyId: meetings.bodyId, title: agendaItems.title, conclusion: agendaItems.conclusion })
            .from(agendaItems)
            .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
            .where(eq(agendaItems.id, sourceId))
            .limit(1)
        )[0]
      : (
          await db
            .select({
              bodyId: opinionForms.bodyId,
              title: opinionForms.title,
              conclusion: opinionForms.conclusion,
            })
            .from(opinionForms)
            .where(eq(opinionForms.id, sourceId))
            .limit(1)
        )[0];
  if (!row) return null;
  const [body] = await db
    .select({ code: bodies.code, nameVi: bodies.nameVi, nameEn: bodies.nameEn })
    .from(bodies)
    .where(eq(bodies.id, row.bodyId))
    .limit(1);
  if (!body) return null;
  return { sourceKind, sourceId, ...row, body };
}

/** The conclusion tasks are created from, for a member of its body who may create them. */
export async function getConclusionSource(
  actor: Actor,
  source: { sourceKind: TaskSourceKind; sourceId: string },
): Promise<Result<ConclusionSource & { existing: TaskRow[] }, "not_found" | "forbidden">> {
  const db = await getDb();
  const found = await loadSource(db, source.sourceKind, source.sourceId);
  if (!found) return err("not_found");
  const role = await roleIn(actor, found.bodyId, db);
  if (role === null) return err("not_found");
  if (!mayManageTasks(role)) return err("forbidden");
  const existing = await db
    .select()
    .from(tasks)
    .where(and(eq(tasks.sourceKind, source.sourceKind), eq(tasks.sourceId, source.sourceId)))
    .orderBy(asc(tasks.code));
  return ok({ ...found, existing });
}

/** Officers who may own a task of an agency: whoever holds a casework role there. */
export async function agencyOfficers(agencyId: string): Promise<{ id: string; name: string }[]> {
  const lists = await Promise.all(caseworkRoles.map((role) => listRoleHolders(agencyId, role)));
  const byId = new Map<string, { id: string; name: string }>();
  for (const person of lists.flat()) byId.set(person.id, person);
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, "vi"));
}

async function isOfficerOf(db: Queryable, userId: string, agencyId: string): Promise<boolean> {
  for (const role of caseworkRoles) if (await holdsRole(userId, agencyId, role, db)) return true;
  return false;
}

/** "NV-2026-0001": per year, numbered under a lock so two creations never take one number. */
async function nextCodes(tx: Tx, count: number, now: Date): Promise<string[]> {
  await tx.execute(sql`select pg_advisory_xact_lock(726010)`);
  const year = now.getUTCFullYear();
  const prefix = `NV-${year}-`;
  const [row] = await tx
    .select({ last: sql<string | null>`max(${tasks.code})` })
    .from(tasks)
    .where(sql`${tasks.code} like ${`${prefix}%`}`);
  const last = row?.last ? Number(row.last.slice(prefix.length)) : 0;
  return Array.from({ length: count }, (_, i) => `${prefix}${String(last + i + 1).padStart(4, "0")}`);
}

async function calendarAndHours(
  db: Queryable,
  agencyIds: readonly string[],
): Promise<{ calendar: WorkingCalendar; hoursOf: (agencyId: string) => WorkingHours }> {
  const unique = [...new Set(agencyIds)];
  const [calendar, ...hours] = await Promise.all([
    loadCalendar(db),
    ...unique.map((id) => loadWorkingHours(id, db)),
  ]);
  const byAgency = new Map(unique.map((id, i) => [id, hours[i]!]));
  return { calendar, hoursOf: (agencyId) => byAgency.get(agencyId) ?? hours[0]! };
}

/**
 * Creates tasks from a conclusion item (an agenda item's or an opinion form's): each with its title,
 * details, owner agency and officer (who must work there) and a deadline (a date, or N working
 * days from today). Only the body's chair, secretary or support staff; a stranger gets not_found.
 */
export async function createTasksFromConclusion(
  actor: Actor,
  input: CreateTasksInput,
  now: Date = new Date(),
): Promise<Result<{ codes: string[] }, TaskError>> {
  const parsed = createTasksSchema.safeParse(input);
  if (!parsed.success) return err("invalid_input", issuesOf(parsed.error));
  const { sourceKind, sourceId } = parsed.data;
  const userId = staffId(actor);
  if (!userId) return err("not_found");
  const db = await getDb();
  const source = await loadSource(db, sourceKind, sourceId);
  if (!source) return err("not_found");
  const role = await roleIn(actor, source.bodyId, db);
  if (role === null) return err("not_found");
  if (!mayManageTasks(role)) return err("forbidden");
  if (!source.conclusion?.trim()) return err("no_conclusion");

  const issues: Record<string, string[]> = {};
  const names = await agencyNames();
  for (const [index, task] of parsed.data.tasks.entries()) {
    if (!names.has(task.ownerAgencyId))
      issues[`tasks.${index}.ownerAgencyId`] = ["workspace:tasks.errors.agency"];
    else if (task.ownerUserId && !(await isOfficerOf(db, task.ownerUserId, task.ownerAgencyId)))
      issues[`tasks.${index}.ownerUserId`] = ["workspace:tasks.errors.officer"];
  }
  const { calendar, hoursOf } = await calendarAndHours(
    db,
    parsed.data.tasks.map((task) => task.ownerAgencyId),
  );
  const dues = parsed.data.tasks.map((task) =>
    deadlineFor(task.deadline, now, calendar, hoursOf(task.ownerAgencyId)),
  );
  dues.forEach((due, index) => {
    if (due.getTime() <= now.getTime()) issues[`tasks.${index}.deadline`] = ["workspace:tasks.errors.past"];
  });
  if (Object.keys(issues).length > 0) return err("invalid_input", issues);

  const codes = await db.transaction(async (tx) => {
    const codes = await nextCodes(tx, parsed.data.tasks.length, now);
    for (const [index, task] of parsed.data.tasks.entries()) {
      const [row] = await tx
        .insert(tasks)
        .values({
          code: codes[index]!,
          title: task.title,
          details: task.details,
          sourceKind,
          sourceId,
          bodyId: source.bodyId,
          ownerAgencyId: task.ownerAgencyId,
          ownerUserId: task.ownerUserId ?? null,
          dueAt: dues[index]!,
          createdBy: userId,
          createdAt: now,
        })
        .returning({ id: tasks.id });
      await recordWorkspaceEvent(tx, {
        subjectKind: "task",
        subjectId: row!.id,
        actorId: userId,
        action: "created",
        at: now,
        details: {
          code: codes[index],
          source: `${sourceKind}:${sourceId}`,
          ownerAgencyId: task.ownerAgencyId,
          ownerUserId: task.ownerUserId ?? null,
          dueAt: dues[index]!.toISOString(),
        },
      });
      const recipients = task.ownerUserId
        ? [task.ownerUserId]
        : (await listRoleHolders(task.ownerAgencyId, "head", tx)).map((p) => p.id);
      await enqueue(
        tx,
        recipients.map((recipientId) => ({
          recipientId,
          kind: "task.assigned",
          payload: taskPayload({ code: codes[index]!, title: task.title, dueAt: dues[index]! }),
        })),
        { actorId: userId },
      );
    }
    return codes;
  });
  return ok({ codes });
}

/** What a task notice carries (lib/notify/templates renders it; the link goes to the task). */
export function taskPayload(task: { code: string; title: string; dueAt: Date }): Record<string, unknown> {
  return {
    subject: "task",
    code: task.code,
    title: task.title,
    details: { deadline: task.dueAt.toISOString() },
  };
}

/* ---- Reading tasks ---- */

export type TaskRow = typeof tasks.$inferSelect;

export type TaskView = TaskRow & {
  status: TaskStatus;
  lateDays: number;
  agency: { code: string; nameVi: string; nameEn: string } | null;
  ownerName: string | null;
};

async function views(db: Queryable, rows: TaskRow[], now: Date): Promise<TaskView[]> {
  if (rows.length === 0) return [];
  const [{ calendar, hoursOf }, names, people] = await Promise.all([
    calendarAndHours(
      db,
      rows.map((row) => row.ownerAgencyId),
    ),
    agencyNames(),
    contactsOf(
      rows.map((row) => row.ownerUserId).filter((id): id is string => id !== null),
      db,
    ),
  ]);
  return rows.map((row) => ({
    ...row,
    status: taskStatus(row, now, calendar, hoursOf(row.ownerAgencyId)),
    lateDays: workingDaysLate(row, now, calendar),
    agency: names.get(row.ownerAgencyId) ?? null,
    ownerName: row.ownerUserId ? (people.get(row.ownerUserId)?.fullName ?? null) : null,
  }));
}

/** Overdue first, then due soon, in progress, done late, done on time; soonest deadline first. */
export function sortTasks<T extends { status: TaskStatus; dueAt: Date; code: string }>(rows: T[]): T[] {
  return [...rows].sort(
    (a, b) =>
      statusRank(a.status) - statusRank(b.status) ||
      a.dueAt.getTime() - b.dueAt.getTime() ||
      a.code.localeCompare(b.code),
  );
}

export type TaskScope = "mine" | "agency" | "body";

/** The actor's agencies where they work (any casework role). */
const agenciesOf = (actor: Actor) =>
  actor.kind === "staff" ? [...new Set(actor.roles.map((role) => role.agencyId))] : [];

/**
 * Tasks the actor follows: "mine" (they own it), "agency" (their agencies own it), "body" (the
 * bodies they sit in). Overdue first.
 */
export async function listTasks(actor: Actor, scope: TaskScope, now: Date = new Date()): Promise<TaskView[]> {
  const userId = staffId(actor);
  if (!userId) return [];
  const db = await getDb();
  let where: SQL | undefined;
  if (scope === "mine") where = eq(tasks.ownerUserId, userId);
  else if (scope === "agency") {
    const ids = agenciesOf(actor);
    if (ids.length === 0) return [];
    where = inArray(tasks.ownerAgencyId, ids);
  } else {
    const ids = (await seatsOf(actor, db)).map((b) => b.bodyId);
    if (ids.length === 0) return [];
    where = inArray(tasks.bodyId, ids);
  }
  const rows = await db.select().from(tasks).where(where).orderBy(asc(tasks.dueAt)).limit(1000);
  return sortTasks(await views(db, rows, now));
}

export type TaskFileView = { id: string; fileName: string; size: number; mediaType: string };
export type TaskReportView = typeof taskReports.$inferSelect & { authorName: string; files: TaskFileView[] };

export type TaskDetail = {
  task: TaskView;
  body: { code: string; nameVi: string; nameEn: string };
  source: ConclusionSource | null;
  reports: TaskReportView[];
  /** The task's workspace events, oldest first, and whether their hash chain holds. */
  history: { events: TaskHistoryEvent[]; chainHolds: boolean };
  /** reassign: "full" (agency, officer, deadline), "officer" (the owner agency's head), or null. */
  may: { report: boolean; manage: boolean; reassign: "full" | "officer" | null };
};

/** One event of a task's history: created, reported, completed, reassigned, reminded_*. */
export type TaskHistoryEvent = {
  action: string;
  at: Date;
  actorName: string | null;
  /** The reason given when the task was reassigned. */
  reason: string | null;
};

async function accessFor(db: Queryable, actor: Actor, task: TaskRow) {
  const userId = staffId(actor);
  const role = await roleIn(actor, task.bodyId, db);
  return taskAccess({
    bodyRole: role,
    isOwner: userId !== null && task.ownerUserId === userId,
    isOwnerAgencyHead: hasRole(actor, task.ownerAgencyId, "head"),
    inOwnerAgency: agenciesOf(actor).includes(task.ownerAgencyId),
  });
}

/** One task with its reports and documents, for whoever may see it; anyone else not_found. */
export async function getTask(
  actor: Actor,
  code: string,
  now: Date = new Date(),
): Promise<Result<TaskDetail, "not_found">> {
  const db = await getDb();
  const [row] = await db.select().from(tasks).where(eq(tasks.code, code)).limit(1);
  if (!row) return err("not_found");
  const access = await accessFor(db, actor, row);
  if (!access.see) return err("not_found");
  const [[view], source, [body], reports, history] = await Promise.all([
    views(db, [row], now),
    loadSource(db, row.sourceKind as TaskSourceKind, row.sourceId),
    db
      .select({ code: bodies.code, nameVi: bodies.nameVi, nameEn: bodies.nameEn })
      .from(bodies)
      .where(eq(bodies.id, row.bodyId)),
    db
      .select()
      .from(taskReports)
      .where(eq(taskReports.taskId, row.id))
      .orderBy(asc(taskReports.createdAt), asc(taskReports.id)),
    workspaceHistory(db as Tx, { kind: "task", id: row.id }),
  ]);
  const files =
    reports.length === 0
      ? []
      : await db
          .select({
            id: workspaceFiles.id,
            ownerId: workspaceFiles.ownerId,
            fileName: workspaceFiles.fileName,
            size: workspaceFiles.size,
            mediaType: workspaceFiles.mediaType,
          })
          .from(workspaceFiles)
          .where(
            and(
              eq(workspaceFiles.ownerKind, "task_report"),
              inArray(
                workspaceFiles.ownerId,
                reports.map((r) => r.id),
              ),
            ),
          )
          .orderBy(asc(workspaceFiles.createdAt));
  const authors = await contactsOf(
    [...reports.map((r) => r.authorId), ...history.events.flatMap((e) => (e.actorId ? [e.actorId] : []))],
    db,
  );
  return ok({
    task: view!,
    body: body!,
    source,
    reports: reports.map((report) => ({
      ...report,
      authorName: authors.get(report.authorId)?.fullName ?? "",
      files: files
        .filter((f) => f.ownerId === report.id)
        .map((f) => ({ id: f.id, fileName: f.fileName, size: f.size, mediaType: f.mediaType })),
    })),
    history: {
      chainHolds: history.chainHolds,
      events: history.events.map((event) => ({
        action: event.action,
        at: event.at,
        actorName: event.actorId ? (authors.get(event.actorId)?.fullName ?? null) : null,
        reason:
          event.action === "reassigned" && typeof event.details?.reason === "string"
            ? event.details.reason
            : null,
      })),
    },
    may: {
      report: access.report && row.state === "open",
      manage: access.manage && row.state === "open",
      reassign:
        row.state !== "open"
          ? null
          : access.manage
            ? "full"
            : hasRole(actor, row.ownerAgencyId, "head")
              ? "officer"
              : null,
    },
  });
}

/** A report's document, for whoever may see its task (the bytes come from lib/files storage). */
export async function getTaskFile(
  actor: Actor,
  code: string,
  fileId: string,
): Promise<Result<{ fileName: string; mediaType: string; storageKey: string }, "not_found">> {
  const detail = await getTask(actor, code);
  if (!detail.ok) return detail;
  const reportIds = detail.value.reports.filter((r) => r.files.some((f) => f.id === fileId)).map((r) => r.id);
  if (reportIds.length === 0) return err("not_found");
  const db = await getDb();
  const [file] = await db
    .select({
      fileName: workspaceFiles.fileName,
      mediaType: workspaceFiles.mediaType,
      storageKey: workspaceFiles.storageKey,
    })
    .from(workspaceFiles)
    .where(and(eq(workspaceFiles.id, fileId), eq(workspaceFiles.ownerKind, "task_report")))
    .limit(1);
  return file ? ok(file) : err("not_found");
}

/* ---- Changing a task ---- */

export type UploadedDocument = { fileName: string; bytes: Uint8Array };

/** Report files take Word documents too (a report is often one). */
const reportKinds: readonly FileKind[] = ["pdf", "jpeg", "png", "heic", "docx"];

/**
 * A progress report by the owner officer (or the head of the owner agency), with documents; one
 * that `completes` marks the task done (on time or late, by the deadline). Classified documents
 * (their names or the note about them say so) are refused before anything is stored.
 */
export async function postTaskReport(
  actor: Actor,
  code: string,
  input: ReportInput,
  documents: UploadedDocument[] = [],
  now: Date = new Date(),
): Promise<Result<{ reportId: string; done: boolean }, TaskError | FileRefusal>> {
  const userId = staffId(actor);
  if (!userId) return err("not_found");
  const db = await getDb();
  const [row] = await db.select().from(tasks).where(eq(tasks.code, code)).limit(1);
  if (!row) return err("not_found");
  const access = await accessFor(db, actor, row);
  if (!access.see) return err("not_found");
  if (!access.report) return err("forbidden");
  const parsed = reportSchema.safeParse(input);
  if (!parsed.success) return err("invalid_input", issuesOf(parsed.error));
  if (row.state !== "open" || row.version !== parsed.data.version) return err("stale");
  if (
    looksClassified(parsed.data.documentsNote) ||
    documents.some((document) => looksClassified(document.fileName))
  )
    return err("classified", { documents: ["workspace:tasks.errors.classified"] });

  const stored: { fileName: string; storageKey: string; mediaType: string; size: number; sha256: string }[] =
    [];
  for (const document of documents) {
    const result = await storeFile({
      fileName: document.fileName,
      bytes: document.bytes,
      kinds: reportKinds,
    });
    if (!result.ok) {
      await Promise.all(stored.map((file) => deleteStoredFile(file.storageKey).catch(() => undefined)));
      return err(result.error, { documents: [`dossiers:errors.${result.error}`] });
    }
    stored.push({ fileName: document.fileName, ...result.value });
  }

  try {
    const outcome = await db.transaction(async (tx) => {
      const done = parsed.data.completes;
      const [updated] = await tx
        .update(tasks)
        .set({
          version: sql`${tasks.version} + 1`,
          ...(done ? { state: "done", completedAt: now } : {}),
        })
        .where(and(eq(tasks.id, row.id), eq(tasks.version, parsed.data.version), eq(tasks.state, "open")))
        .returning({ id: tasks.id });
      if (!updated) return null;
      const [report] = await tx
        .insert(taskReports)
        .values({ taskId: row.id, authorId: userId, text: parsed.data.text, completes: done, createdAt: now })
        .returning({ id: taskReports.id });
      if (stored.length > 0)
        await tx.insert(workspaceFiles).values(
          stored.map((file) => ({
            ownerKind: "task_report",
            ownerId: report!.id,
            role: "report",
            fileName: file.fileName,
            mediaType: file.mediaType,
            size: file.size,
            sha256: file.sha256,
            storageKey: file.storageKey,
            uploadedBy: userId,
            createdAt: now,
          })),
        );
      await recordWorkspaceEvent(tx, {
        subjectKind: "task",
        subjectId: row.id,
        actorId: userId,
        action: done ? "completed" : "reported",
        at: now,
        details: {
          reportId: report!.id,
          files: stored.map((file) => ({ name: file.fileName, sha256: file.sha256 })),
          ...(done ? { onTime: now.getTime() <= row.dueAt.getTime() } : {}),
        },
      });
      return { reportId: report!.id, done };
    });
    if (!outcome) {
      await Promise.all(stored.map((file) => deleteStoredFile(file.storageKey).catch(() => undefined)));
      return err("stale");
    }
    return ok(outcome);
  } catch (error) {
    await Promise.all(stored.map((file) => deleteStoredFile(file.storageKey).catch(() => undefined)));
    throw error;
  }
}

/**
 * Gives the task to another agency or officer (and, optionally, a new deadline): the body's chair,
 * secretary or support staff; the head of the owner agency may only change the officer within it.
 * A new deadline resets the reminders.
 */
export async function reassignTask(
  actor: Actor,
  code: string,
  input: ReassignInput,
  now: Date = new Date(),
): Promise<Result<{ version: number }, TaskError>> {
  const userId = staffId(actor);
  if (!userId) return err("not_found");
  const db = await getDb();
  const [row] = await db.select().from(tasks).where(eq(tasks.code, code)).limit(1);
  if (!row) return err("not_found");
  const access = await accessFor(db, actor, row);
  if (!access.see) return err("not_found");
  const parsed = reassignSchema.safeParse(input);
  if (!parsed.success) return err("invalid_input", issuesOf(parsed.error));
  const data = parsed.data;
  const headOnly = !access.manage && hasRole(actor, row.ownerAgencyId, "head");
  if (!access.manage && !headOnly) return err("forbidden");
  if (headOnly && (data.ownerAgencyId !== row.ownerAgencyId || data.deadline)) return err("forbidden");
  if (row.state !== "open" || row.version !== data.version) return err("stale");
  const names = await agencyNames();
  if (!names.has(data.ownerAgencyId))
    return err("invalid_input", { ownerAgencyId: ["workspace:tasks.errors.agency"] });
  if (data.ownerUserId && !(await isOfficerOf(db, data.ownerUserId, data.ownerAgencyId)))
    return err("invalid_input", { ownerUserId: ["workspace:tasks.errors.officer"] });
  let dueAt = row.dueAt;
  if (data.deadline) {
    const { calendar, hoursOf } = await calendarAndHours(db, [data.ownerAgencyId]);
    dueAt = deadlineFor(data.deadline, now, calendar, hoursOf(data.ownerAgencyId));
    if (dueAt.getTime() <= now.getTime())
      return err("invalid_input", { deadline: ["workspace:tasks.errors.past"] });
  }
  const version = await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(tasks)
      .set({
        ownerAgencyId: data.ownerAgencyId,
        ownerUserId: data.ownerUserId ?? null,
        dueAt,
        ...(data.deadline ? { remindedAt: null } : {}),
        version: sql`${tasks.version} + 1`,
      })
      .where(and(eq(tasks.id, row.id), eq(tasks.version, data.version), eq(tasks.state, "open")))
      .returning({ version: tasks.version });
    if (!updated) return null;
    await recordWorkspaceEvent(tx, {
      subjectKind: "task",
      subjectId: row.id,
      actorId: userId,
      action: "reassigned",
      at: now,
      details: {
        from: {
          ownerAgencyId: row.ownerAgencyId,
          ownerUserId: row.ownerUserId,
          dueAt: row.dueAt.toISOString(),
        },
        to: {
          ownerAgencyId: data.ownerAgencyId,
          ownerUserId: data.ownerUserId ?? null,
          dueAt: dueAt.toISOString(),
        },
        reason: data.reason,
      },
    });
    if (data.ownerUserId && data.ownerUserId !== row.ownerUserId)
      await enqueue(
        tx,
        [{ recipientId: data.ownerUserId, kind: "task.assigned", payload: taskPayload({ ...row, dueAt }) }],
        { actorId: userId },
      );
    return updated.version;
  });
  return version === null ? err("stale") : ok({ version });
}

/* ---- The chair's dashboard ---- */

export type DashboardRow = {
  agency: { id: string; code: string; nameVi: string; nameEn: string };
  counts: Record<TaskStatus, number>;
  total: number;
};

export type Dashboard = {
  body: { id: string; code: string; nameVi: string; nameEn: string };
  /** Bodies whose dashboard the actor may see, to switch between them. */
  bodies: { code: string; nameVi: string; nameEn: string }[];
  rows: DashboardRow[];
  totals: Record<TaskStatus, number> & { total: number };
  tasks: TaskView[];
};

const zeroCounts = (): Record<TaskStatus, number> =>
  Object.fromEntries(taskStatuses.map((status) => [status, 0])) as Record<TaskStatus, number>;

/**
 * A body's tasks counted by owner agency and status, agencies with overdue tasks first (most
 * overdue first), and the tasks themselves overdue first: for the chair, vice-chair, secretary and
 * support staff. The body by code, or the first they may see; nothing for anyone else.
 */
export async function taskDashboard(
  actor: Actor,
  bodyCode?: string | null,
  now: Date = new Date(),
): Promise<Result<Dashboard, "not_found">> {
  const userId = staffId(actor);
  if (!userId) return err("not_found");
  const db = await getDb();
  const mine = (await seatsOf(actor, db)).filter((b) => maySeeDashboard(b.role));
  if (mine.length === 0) return err("not_found");
  const list = await db
    .select({ id: bodies.id, code: bodies.code, nameVi: bodies.nameVi, nameEn: bodies.nameEn })
    .from(bodies)
    .where(
      inArray(
        bodies.id,
        mine.map((b) => b.bodyId),
      ),
    )
    .orderBy(asc(bodies.code));
  const body = bodyCode ? list.find((b) => b.code === bodyCode) : list[0];
  if (!body) return err("not_found");
  const rows = await db.select().from(tasks).where(eq(tasks.bodyId, body.id)).orderBy(desc(tasks.dueAt));
  const shown = sortTasks(await views(db, rows, now));
  const byAgency = new Map<string, DashboardRow>();
  const totals = { ...zeroCounts(), total: 0 };
  for (const task of shown) {
    let entry = byAgency.get(task.ownerAgencyId);
    if (!entry) {
      entry = {
        agency: { id: task.ownerAgencyId, ...(task.agency ?? { code: "", nameVi: "", nameEn: "" }) },
        counts: zeroCounts(),
        total: 0,
      };
      byAgency.set(task.ownerAgencyId, entry);
    }
    entry.counts[task.status]++;
    entry.total++;
    totals[task.status]++;
    totals.total++;
  }
  const dashboardRows = [...byAgency.values()].sort(
    (a, b) =>
      b.counts.overdue - a.counts.overdue ||
      b.counts.due_soon - a.counts.due_soon ||
      a.agency.code.localeCompare(b.agency.code),
  );
  return ok({
    body,
    bodies: list.map((b) => ({ code: b.code, nameVi: b.nameVi, nameEn: b.nameEn })),
    rows: dashboardRows,
    totals,
    tasks: shown,
  });
}

/** Whether the actor sees any dashboard (for the link on the list page). */
export async function mayOpenDashboard(actor: Actor): Promise<boolean> {
  const userId = staffId(actor);
  if (!userId) return false;
  return (await seatsOf(actor)).some((b) => maySeeDashboard(b.role));
}

/** Whether the actor sits in any body or owns any task: who the tasks pages are for. */
export async function followsTasks(actor: Actor): Promise<boolean> {
  const userId = staffId(actor);
  if (!userId) return false;
  const db = await getDb();
  if ((await seatsOf(actor, db)).length > 0) return true;
  const agencyIds = agenciesOf(actor);
  const [row] = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(
      agencyIds.length > 0
        ? or(eq(tasks.ownerUserId, userId), inArray(tasks.ownerAgencyId, agencyIds))
        : eq(tasks.ownerUserId, userId),
    )
    .limit(1);
  return Boolean(row);
}

/* ---- Choices for the forms ---- */

export type AgencyChoice = { id: string; code: string; nameVi: string; nameEn: string };
export type OfficerChoice = { agencyId: string; id: string; name: string };

/**
 * The agencies a task may be given to (those in force) and their officers, for the forms: one
 * query each, the officers grouped by agency on the page.
 */
export async function taskOwnerChoices(): Promise<{ agencies: AgencyChoice[]; officers: OfficerChoice[] }> {
  const [all, officers] = await Promise.all([agencyChoices(), listRoleHoldersByAgency(caseworkRoles)]);
  const agencies = all
    .filter((agency) => agency.validTo === null || agency.validTo >= new Date().toISOString().slice(0, 10))
    .map(({ id, code, nameVi, nameEn }) => ({ id, code, nameVi, nameEn }));
  const known = new Set(agencies.map((agency) => agency.id));
  return { agencies, officers: officers.filter((officer) => known.has(officer.agencyId)) };
}
