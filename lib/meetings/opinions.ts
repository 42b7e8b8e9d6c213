import "server-only";
import { and, desc, eq, inArray, like, lte, sql } from "drizzle-orm";
import { getDb, type Queryable, type Tx } from "@/db/client";
import { opinionAnswers, opinionForms, workspaceEvents } from "@/db/schema/workspace";
import { loadCalendar } from "@/lib/calendar/service";
import type { WorkingCalendar } from "@/lib/calendar/rules";
import { dossierCodesOf, dossierRefByCode } from "@/lib/dossiers/reads";
import type { Actor } from "@/lib/identity/types";
import { enqueue, type OutboxNotice } from "@/lib/notify/outbox";
import { err, ok, type Result } from "@/lib/result";
import { membersOfBodies, roleIn, seatsOf } from "./access";
import { loadBody } from "./bodies";
import { confirmIdentity, type IdentityProof } from "./confirm";
import { recordWorkspaceEvent, workspaceHistory } from "./events";
import {
  openWorkspaceFile,
  filesOf,
  recordWorkspaceFiles,
  storeWorkspaceUpload,
  type WorkspaceFileError,
  type WorkspaceFileView,
} from "./files";
import {
  answerProblem,
  memberStatus,
  opinionDeadline,
  opinionFormCode,
  reminderDue,
  shouldClose,
  type MemberStatus,
  type OpinionStatus,
  type ReminderStage,
  withdrawableStatuses,
} from "./opinionRules";
import { isVotingRole, mayDo, type BodyRole } from "./roles";
import { countOpinions, defaultBodyRule, type OpinionAnswer } from "./rules";

/*
 * Written opinion forms (phiếu lấy ý kiến). The secretary or the support staff prepare a form
 * (draft), send it to the chair (awaiting_approval), who approves it (open: the deadline is set on
 * the working calendar and every voting member is told) or returns it with a reason (draft again).
 * Members answer, confirming with their password, and may change their answer until the deadline.
 * The form closes at the deadline (the worker: closeDueOpinionForms) or when every voting member
 * has answered; the result is counted by the body's rule. The secretary drafts the conclusion and
 * the chair confirms it (concluded). Every change is a workspace event of the form, written in the
 * transaction that holds the form's row lock; a post made on an older version is refused (stale).
 */

export type OpinionError =
  | "not_found"
  | "forbidden"
  | "invalid_input"
  | "stale"
  | "wrong_status"
  | "past_deadline"
  | "not_confirmed"
  | "body_incomplete"
  | WorkspaceFileError;

type FormRow = typeof opinionForms.$inferSelect;

const fieldError = (key: string) => `workspace:opinions.fieldErrors.${key}`;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const staffId = (actor: Actor) => (actor.kind === "staff" ? actor.userId : null);

// ---------------------------------------------------------------------------------------------
// Reading

export type OpinionAnswerView = {
  userId: string;
  fullName: string;
  role: BodyRole;
  title: string | null;
  status: MemberStatus;
  /** Shown once the form is closed (to everyone in the body), and always to the member themself. */
  answer: OpinionAnswer | null;
  comment: string | null;
  answeredAt: Date | null;
};

export type OpinionFormView = {
  id: string;
  code: string;
  title: string;
  question: string;
  status: OpinionStatus;
  workingDays: number;
  deadline: Date | null;
  openedAt: Date | null;
  closedAt: Date | null;
  conclusion: string | null;
  result: Record<string, unknown> | null;
  version: number;
  dossierCode: string | null;
  body: { id: string; code: string; nameVi: string; nameEn: string };
  /** The reader's role in the body, and what they may do now. */
  role: BodyRole;
  may: {
    edit: boolean;
    submit: boolean;
    approve: boolean;
    answer: boolean;
    remind: boolean;
    withdraw: boolean;
    draftConclusion: boolean;
    confirmConclusion: boolean;
  };
  /** Every voting member with their status (and answer when shown). */
  members: OpinionAnswerView[];
  mine: { answer: OpinionAnswer; comment: string | null; answeredAt: Date } | null;
  myStatus: MemberStatus | null;
  files: WorkspaceFileView[];
  /** The latest reason the chair gave for returning it, while it is a draft again. */
  returnedReason: string | null;
  /** Why it was withdrawn, for a withdrawn form. */
  withdrawnReason: string | null;
  events: { at: Date; action: string; actorName: string | null; details: Record<string, unknown> | null }[];
  chainHolds: boolean;
};

async function loadForm(db: Queryable, formId: string, forUpdate = false): Promise<FormRow | null> {
  if (!uuidPattern.test(formId)) return null;
  const query = db.select().from(opinionForms).where(eq(opinionForms.id, formId)).limit(1);
  const [row] = forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

/** Who of the body sees a form in this status: drafts are the preparers' and the chair's. */
function seesForm(role: BodyRole | null, status: string, opened = false): boolean {
  if (!mayDo(role, "see")) return false;
  // A form withdrawn after it was sent to members stays in their list, shown as withdrawn.
  if (status === "withdrawn") return opened || mayDo(role, "prepare") || mayDo(role, "approve");
  if (status === "draft") return mayDo(role, "prepare");
  if (status === "awaiting_approval") return mayDo(role, "prepare") || mayDo(role, "approve");
  return true;
}

export async function getOpinionForm(
  actor: Actor,
  formId: string,
  now: Date = new Date(),
): Promise<Result<OpinionFormView, "not_found">> {
  const db = await getDb();
  const form = await loadForm(db, formId);
  if (!form) return err("not_found");
  const role = await roleIn(actor, form.bodyId, db);
  if (!role || !seesForm(role, form.status, form.openedAt !== null)) return err("not_found");
  const [body, answers, files, calendar, history] = await Promise.all([
    loadBody(db, form.bodyId),
    db.select().from(opinionAnswers).where(eq(opinionAnswers.formId, form.id)),
    filesOf(db, "opinion_form", [form.id]),
    loadCalendar(db),
    workspaceHistory(db as Tx, { kind: "opinion_form", id: form.id }),
  ]);
  if (!body) return err("not_found");
  const me = staffId(actor)!;
  const shown = form.status === "closed" || form.status === "concluded";
  const byUser = new Map(answers.map((a) => [a.userId, a]));
  const members = body.members
    .filter((m) => isVotingRole(m.role))
    .map((m) => {
      const given = byUser.get(m.userId);
      const visible = given && (shown || m.userId === me);
      return {
        userId: m.userId,
        fullName: m.fullName,
        role: m.role,
        title: m.title,
        status: memberStatus({ answered: Boolean(given), deadline: form.deadline, now }, calendar),
        answer: visible ? (given.answer as OpinionAnswer) : null,
        comment: visible ? given.comment : null,
        answeredAt: given?.answeredAt ?? null,
      };
    });
  const mineRow = byUser.get(me);
  const names = new Map(body.members.map((m) => [m.userId, m.fullName]));
  const lastReturn = [...history.events].reverse().find((e) => e.action === "opinion.returned");
  const lastWithdrawal = [...history.events].reverse().find((e) => e.action === "opinion.withdrawn");
  const preparer = mayDo(role, "prepare");
  const chair = mayDo(role, "approve");
  const beforeDeadline = form.deadline === null || now.getTime() <= form.deadline.getTime();
  const dossierCodes = form.dossierId
    ? await dossierCodesOf([form.dossierId], db)
    : new Map<string, string>();
  return ok({
    id: form.id,
    code: form.code,
    title: form.title,
    question: form.question,
    status: form.status as OpinionStatus,
    workingDays: form.workingDays,
    deadline: form.deadline,
    openedAt: form.openedAt,
    closedAt: form.closedAt,
    conclusion: form.conclusion,
    result: form.result ?? null,
    version: form.version,
    dossierCode: form.dossierId ? (dossierCodes.get(form.dossierId) ?? null) : null,
    body: { id: body.id, code: body.code, nameVi: body.nameVi, nameEn: body.nameEn },
    role,
    may: {
      edit: preparer && form.status === "draft",
      submit: preparer && form.status === "draft",
      approve: chair && form.status === "awaiting_approval",
      answer: mayDo(role, "answer") && form.status === "open" && beforeDeadline,
      remind: preparer && form.status === "open",
      withdraw: (preparer || chair) && withdrawableStatuses.includes(form.status),
      draftConclusion: preparer && form.status === "closed",
      confirmConclusion: chair && form.status === "closed" && Boolean(form.conclusion),
    },
    members,
    mine: mineRow
      ? { answer: mineRow.answer as OpinionAnswer, comment: mineRow.comment, answeredAt: mineRow.answeredAt }
      : null,
    // A withdrawn form asks nothing of anyone: no "not answered" or "overdue" on it.
    myStatus:
      mayDo(role, "answer") && form.status !== "withdrawn"
        ? memberStatus({ answered: Boolean(mineRow), deadline: form.deadline, now }, calendar)
        : null,
    files,
    returnedReason:
      form.status === "draft" && lastReturn ? String(lastReturn.details?.reason ?? "") || null : null,
    withdrawnReason:
      form.status === "withdrawn" && lastWithdrawal
        ? String(lastWithdrawal.details?.reason ?? "") || null
        : null,
    events: history.events.map((e) => ({
      at: e.at,
      action: e.action,
      actorName: e.actorId ? (names.get(e.actorId) ?? null) : null,
      details: e.details ?? null,
    })),
    chainHolds: history.chainHolds,
  });
}

export type OpinionListRow = {
  id: string;
  code: string;
  title: string;
  status: OpinionStatus;
  deadline: Date | null;
  bodyId: string;
  bodyNameVi: string;
  bodyNameEn: string;
  role: BodyRole;
  /** The reader's own status when they answer this form (open forms). */
  myStatus: MemberStatus | null;
  answered: number;
  votingMembers: number;
  hasConclusion: boolean;
};

/** The forms of the actor's bodies that they may see, newest first. */
export async function listOpinionForms(actor: Actor, now: Date = new Date()): Promise<OpinionListRow[]> {
  const seats = await seatsOf(actor);
  if (seats.length === 0) return [];
  const db = await getDb();
  const forms = await db
    .select()
    .from(opinionForms)
    .where(
      inArray(
        opinionForms.bodyId,
        seats.map((s) => s.bodyId),
      ),
    )
    .orderBy(desc(opinionForms.createdAt), desc(opinionForms.code))
    .limit(500);
  const visible = forms.filter((f) =>
    seesForm(seats.find((s) => s.bodyId === f.bodyId)!.role, f.status, f.openedAt !== null),
  );
  if (visible.length === 0) return [];
  const [answers, members, calendar] = await Promise.all([
    db
      .select({ formId: opinionAnswers.formId, userId: opinionAnswers.userId })
      .from(opinionAnswers)
      .where(
        inArray(
          opinionAnswers.formId,
          visible.map((f) => f.id),
        ),
      ),
    membersOfBodies(
      seats.map((s) => s.bodyId),
      db,
    ),
    loadCalendar(db),
  ]);
  const me = staffId(actor)!;
  return visible.map((form) => {
    const seat = seats.find((s) => s.bodyId === form.bodyId)!;
    const voters = new Set(
      members.filter((m) => m.bodyId === form.bodyId && isVotingRole(m.role)).map((m) => m.userId),
    );
    const given = answers.filter((a) => a.formId === form.id && voters.has(a.userId));
    const answeredByMe = given.some((a) => a.userId === me);
    return {
      id: form.id,
      code: form.code,
      title: form.title,
      status: form.status as OpinionStatus,
      deadline: form.deadline,
      bodyId: form.bodyId,
      bodyNameVi: seat.nameVi,
      bodyNameEn: seat.nameEn,
      role: seat.role,
      myStatus:
        mayDo(seat.role, "answer") && !["draft", "awaiting_approval", "withdrawn"].includes(form.status)
          ? memberStatus({ answered: answeredByMe, deadline: form.deadline, now }, calendar)
          : null,
      answered: given.length,
      votingMembers: voters.size,
      hasConclusion: Boolean(form.conclusion),
    };
  });
}

/** What needs the signed-in official on the workspace home. */
export type OpinionWork = {
  toApprove: OpinionListRow[];
  toAnswer: OpinionListRow[];
  toPrepare: OpinionListRow[];
  toConfirm: OpinionListRow[];
};

export async function opinionWorkFor(actor: Actor, now: Date = new Date()): Promise<OpinionWork> {
  const rows = await listOpinionForms(actor, now);
  return {
    toApprove: rows.filter((r) => mayDo(r.role, "approve") && r.status === "awaiting_approval"),
    toAnswer: rows.filter((r) => r.status === "open" && r.myStatus !== null),
    toPrepare: rows.filter(
      (r) =>
        mayDo(r.role, "prepare") && (r.status === "draft" || (r.status === "closed" && !r.hasConclusion)),
    ),
    toConfirm: rows.filter((r) => mayDo(r.role, "approve") && r.status === "closed" && r.hasConclusion),
  };
}

/** The bodies where the actor may prepare a form. */
export async function preparableBodies(actor: Actor) {
  return (await seatsOf(actor)).filter((seat) => mayDo(seat.role, "prepare"));
}

// ---------------------------------------------------------------------------------------------
// Preparing

export const opinionFields = ["bodyId", "title", "question", "workingDays", "dossierCode"] as const;
export type OpinionInput = Partial<Record<(typeof opinionFields)[number], string>>;
export type OpinionUploads = { drafts: File[]; requestLetter: File | null; description?: string };

type Parsed = { title: string; question: string; workingDays: number; dossierCode: string };

function parseOpinionInput(input: OpinionInput): Result<Parsed, "invalid_input"> {
  const issues: Record<string, string[]> = {};
  const title = (input.title ?? "").trim();
  const question = (input.question ?? "").trim();
  const daysText = (input.workingDays ?? "").trim();
  if (!title) issues.title = [fieldError("titleRequired")];
  else if (title.length > 300) issues.title = [fieldError("tooLong")];
  if (!question) issues.question = [fieldError("questionRequired")];
  else if (question.length > 8000) issues.question = [fieldError("tooLong")];
  const workingDays = /^\d{1,2}$/.test(daysText) ? Number(daysText) : NaN;
  if (!(workingDays >= 1 && workingDays <= 30)) issues.workingDays = [fieldError("workingDays")];
  if (Object.keys(issues).length > 0) return err("invalid_input", issues);
  return ok({ title, question, workingDays, dossierCode: (input.dossierCode ?? "").trim() });
}

type StoredUpload =
  Awaited<ReturnType<typeof storeWorkspaceUpload>> extends Result<infer T, unknown> ? T : never;

/** Checks and stores the uploads; the first refused names its field. */
async function storeUploads(
  uploads: OpinionUploads,
): Promise<Result<(StoredUpload & { role: string })[], OpinionError>> {
  const stored: (StoredUpload & { role: string })[] = [];
  const all = [
    ...uploads.drafts.map((file) => ({ file, role: "draft", field: "drafts" })),
    ...(uploads.requestLetter
      ? [{ file: uploads.requestLetter, role: "request_letter", field: "requestLetter" }]
      : []),
  ].filter(({ file }) => file.size > 0 || file.name);
  for (const { file, role, field } of all) {
    if (file.size === 0 && !file.name) continue;
    const result = await storeWorkspaceUpload({ file, description: uploads.description });
    if (!result.ok) return err(result.error, { [field]: [`workspace:files.errors.${result.error}`] });
    stored.push({ ...result.value, role });
  }
  return ok(stored);
}

async function nextFormCode(tx: Tx, now: Date): Promise<string> {
  const year = Number(new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 4));
  // One form at a time per year gets its number (a transaction-scoped lock per year).
  await tx.execute(sql`select pg_advisory_xact_lock(726010, ${year})`);
  const [last] = await tx
    .select({ code: opinionForms.code })
    .from(opinionForms)
    .where(like(opinionForms.code, `PYK-${year}-%`))
    .orderBy(desc(opinionForms.code))
    .limit(1);
  const sequence = last ? Number(last.code.slice(-4)) + 1 : 1;
  return opinionFormCode(year, sequence);
}

async function dossierIdFor(tx: Tx, code: string): Promise<Result<string | null, "invalid_input">> {
  if (!code) return ok(null);
  const found = await dossierRefByCode(code, tx);
  return found ? ok(found.id) : err("invalid_input", { dossierCode: [fieldError("noSuchDossier")] });
}

export async function createOpinionForm(
  actor: Actor,
  input: OpinionInput,
  uploads: OpinionUploads = { drafts: [], requestLetter: null },
  now: Date = new Date(),
): Promise<Result<{ id: string; code: string }, OpinionError>> {
  const bodyId = input.bodyId ?? "";
  const role = uuidPattern.test(bodyId) ? await roleIn(actor, bodyId) : null;
  if (!role) return err("invalid_input", { bodyId: [fieldError("body")] });
  if (!mayDo(role, "prepare")) return err("forbidden");
  const parsed = parseOpinionInput(input);
  if (!parsed.ok) return parsed;
  const stored = await storeUploads(uploads);
  if (!stored.ok) return stored;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const dossierId = await dossierIdFor(tx, parsed.value.dossierCode);
    if (!dossierId.ok) return dossierId;
    const code = await nextFormCode(tx, now);
    const [row] = await tx
      .insert(opinionForms)
      .values({
        bodyId,
        code,
        title: parsed.value.title,
        question: parsed.value.question,
        workingDays: parsed.value.workingDays,
        dossierId: dossierId.value,
        preparedBy: staffId(actor)!,
        createdAt: now,
      })
      .returning({ id: opinionForms.id });
    await recordWorkspaceFiles(tx, { kind: "opinion_form", id: row!.id }, staffId(actor)!, stored.value);
    await recordWorkspaceEvent(tx, {
      subjectKind: "opinion_form",
      subjectId: row!.id,
      actorId: staffId(actor),
      action: "opinion.created",
      at: now,
      details: {
        code,
        title: parsed.value.title,
        workingDays: parsed.value.workingDays,
        files: stored.value.map((f) => ({ role: f.role, fileName: f.fileName, sha256: f.sha256 })),
      },
    });
    return ok({ id: row!.id, code });
  });
}

/**
 * Runs a change on a form: locks its row, checks the reader's role and the version posted (a stale
 * post is refused), runs `change` (which returns the new columns and the event), bumps the version
 * and records the event, all in one transaction.
 */
async function changeForm<T>(
  actor: Actor,
  formId: string,
  version: number | null,
  change: (
    tx: Tx,
    form: FormRow,
    role: BodyRole,
  ) => Promise<
    Result<
      {
        set?: Partial<typeof opinionForms.$inferInsert>;
        event: { action: string; details?: Record<string, unknown> };
        notices?: OutboxNotice[];
        value: T;
      },
      OpinionError
    >
  >,
  at: Date = new Date(),
): Promise<Result<T, OpinionError>> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const form = await loadForm(tx, formId, true);
    if (!form) return err("not_found");
    const role = await roleIn(actor, form.bodyId, tx);
    if (!role || !seesForm(role, form.status, form.openedAt !== null)) return err("not_found");
    if (version !== null && version !== form.version) return err("stale");
    const outcome = await change(tx, form, role);
    if (!outcome.ok) return outcome;
    await tx
      .update(opinionForms)
      .set({ ...outcome.value.set, version: form.version + 1 })
      .where(eq(opinionForms.id, form.id));
    await recordWorkspaceEvent(tx, {
      subjectKind: "opinion_form",
      subjectId: form.id,
      actorId: staffId(actor),
      action: outcome.value.event.action,
      at,
      details: outcome.value.event.details ?? null,
    });
    if (outcome.value.notices?.length) await enqueue(tx, outcome.value.notices, { actorId: staffId(actor) });
    return ok(outcome.value.value);
  });
}

const parseVersion = (value: unknown): number | null => {
  const n = typeof value === "string" ? Number(value) : typeof value === "number" ? value : NaN;
  return Number.isInteger(n) && n > 0 ? n : -1;
};

export async function updateOpinionForm(
  actor: Actor,
  formId: string,
  version: string | number,
  input: OpinionInput,
  uploads: OpinionUploads = { drafts: [], requestLetter: null },
): Promise<Result<true, OpinionError>> {
  const parsed = parseOpinionInput(input);
  if (!parsed.ok) return parsed;
  const stored = await storeUploads(uploads);
  if (!stored.ok) return stored;
  return changeForm(actor, formId, parseVersion(version), async (tx, form, role) => {
    if (!mayDo(role, "prepare")) return err("forbidden");
    if (form.status !== "draft") return err("wrong_status");
    const dossierId = await dossierIdFor(tx, parsed.value.dossierCode);
    if (!dossierId.ok) return dossierId;
    await recordWorkspaceFiles(tx, { kind: "opinion_form", id: form.id }, staffId(actor)!, stored.value);
    return ok({
      set: {
        title: parsed.value.title,
        question: parsed.value.question,
        workingDays: parsed.value.workingDays,
        dossierId: dossierId.value,
      },
      event: {
        action: "opinion.updated",
        details: {
          title: parsed.value.title,
          workingDays: parsed.value.workingDays,
          files: stored.value.map((f) => ({ role: f.role, fileName: f.fileName, sha256: f.sha256 })),
        },
      },
      value: true as const,
    });
  });
}

function formNotice(
  form: FormRow,
  recipientId: string,
  kind: string,
  extra: Record<string, unknown> = {},
): OutboxNotice {
  return {
    recipientId,
    kind,
    payload: {
      area: "workspace",
      formId: form.id,
      code: form.code,
      title: form.title,
      ...extra,
    },
  };
}

async function bodyPeople(tx: Tx, bodyId: string) {
  const members = await membersOfBodies([bodyId], tx);
  return {
    members,
    voters: members.filter((m) => isVotingRole(m.role)),
    chair: members.find((m) => m.role === "chair") ?? null,
    preparers: members.filter((m) => m.role === "secretary" || m.role === "support"),
    support: members.filter((m) => m.role === "support"),
  };
}

export async function submitOpinionForm(actor: Actor, formId: string, version: string | number) {
  return changeForm(actor, formId, parseVersion(version), async (tx, form, role) => {
    if (!mayDo(role, "prepare")) return err("forbidden");
    if (form.status !== "draft") return err("wrong_status");
    const people = await bodyPeople(tx, form.bodyId);
    if (!people.chair || people.voters.length === 0) return err("body_incomplete");
    return ok({
      set: { status: "awaiting_approval" },
      event: { action: "opinion.submitted" },
      notices: [formNotice(form, people.chair.userId, "opinion.approval_requested")],
      value: true as const,
    });
  });
}

export async function approveOpinionForm(
  actor: Actor,
  formId: string,
  version: string | number,
  now: Date = new Date(),
) {
  const calendar = await loadCalendar();
  return changeForm(
    actor,
    formId,
    parseVersion(version),
    async (tx, form, role) => {
      if (!mayDo(role, "approve")) return err("forbidden");
      if (form.status !== "awaiting_approval") return err("wrong_status");
      const deadline = opinionDeadline(now, form.workingDays, calendar);
      const people = await bodyPeople(tx, form.bodyId);
      return ok({
        set: { status: "open", approvedBy: staffId(actor), openedAt: now, deadline },
        event: {
          action: "opinion.opened",
          details: { deadline: deadline.toISOString(), workingDays: form.workingDays },
        },
        notices: [
          ...people.voters.map((m) =>
            formNotice(form, m.userId, "opinion.opened", { details: { dueAt: deadline.toISOString() } }),
          ),
          ...people.preparers.map((m) =>
            formNotice(form, m.userId, "opinion.approved", { details: { dueAt: deadline.toISOString() } }),
          ),
        ],
        value: { deadline },
      });
    },
    now,
  );
}

export async function returnOpinionForm(
  actor: Actor,
  formId: string,
  version: string | number,
  reason: string,
) {
  const text = reason.trim();
  if (!text) return err("invalid_input", { reason: [fieldError("reasonRequired")] });
  if (text.length > 4000) return err("invalid_input", { reason: [fieldError("tooLong")] });
  return changeForm(actor, formId, parseVersion(version), async (_tx, form, role) => {
    if (!mayDo(role, "approve")) return err("forbidden");
    if (form.status !== "awaiting_approval") return err("wrong_status");
    return ok({
      set: { status: "draft" },
      event: { action: "opinion.returned", details: { reason: text } },
      notices: [formNotice(form, form.preparedBy, "opinion.returned", { comment: text })],
      value: true as const,
    });
  });
}

/**
 * The secretary (or support staff) or the chair withdraws a form not yet closed (a draft, awaiting
 * approval, or open), with a reason. No more answers are taken (answerOpinionForm wants it open);
 * if it had been sent, every member and the preparers are told, with the reason.
 */
export async function withdrawOpinionForm(
  actor: Actor,
  formId: string,
  version: string | number,
  reason: string,
) {
  const text = reason.trim();
  if (!text) return err("invalid_input", { reason: [fieldError("reasonRequired")] });
  if (text.length > 4000) return err("invalid_input", { reason: [fieldError("tooLong")] });
  return changeForm(actor, formId, parseVersion(version), async (tx, form, role) => {
    if (!mayDo(role, "prepare") && !mayDo(role, "approve")) return err("forbidden");
    if (!withdrawableStatuses.includes(form.status)) return err("wrong_status");
    const people = await bodyPeople(tx, form.bodyId);
    const me = staffId(actor);
    const told =
      form.status === "open"
        ? [...people.voters, ...people.preparers]
        : // Not yet sent: only whoever prepared or was to approve it, apart from the one withdrawing.
          [...people.preparers, ...(people.chair ? [people.chair] : [])];
    const recipients = [...new Set(told.map((m) => m.userId))].filter((id) => id !== me);
    return ok({
      set: { status: "withdrawn" },
      event: { action: "opinion.withdrawn", details: { reason: text, from: form.status } },
      notices: recipients.map((id) =>
        formNotice(form, id, "opinion.withdrawn", { details: { reason: text } }),
      ),
      value: true as const,
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Answering, closing, counting

export const answerFields = ["answer", "comment"] as const;

/** Counts a form's answers by its body's rule, with every member's answer, for the result column. */
async function countForm(tx: Tx, form: FormRow) {
  const body = await loadBody(tx, form.bodyId);
  const rule = body?.rule ?? defaultBodyRule;
  const voters = (body?.members ?? []).filter((m) => isVotingRole(m.role));
  const answers = await tx.select().from(opinionAnswers).where(eq(opinionAnswers.formId, form.id));
  const count = countOpinions(rule, {
    votingMembers: voters.map((m) => m.userId),
    answers: answers.map((a) => ({ userId: a.userId, answer: a.answer as OpinionAnswer })),
    chairId: voters.find((m) => m.role === "chair")?.userId ?? null,
  });
  return {
    ...count,
    rule,
    answers: voters.map((m) => {
      const given = answers.find((a) => a.userId === m.userId);
      return { userId: m.userId, answer: given?.answer ?? null, comment: given?.comment ?? null };
    }),
  };
}

/** Closes a locked open form (deadline passed or everyone answered): the result counted, everyone told. */
async function closeLocked(
  tx: Tx,
  form: FormRow,
  now: Date,
  reason: "deadline" | "all_answered",
  actorId: string | null,
) {
  const result = await countForm(tx, form);
  await tx
    .update(opinionForms)
    .set({ status: "closed", closedAt: now, result, version: sql`${opinionForms.version} + 1` })
    .where(eq(opinionForms.id, form.id));
  await recordWorkspaceEvent(tx, {
    subjectKind: "opinion_form",
    subjectId: form.id,
    actorId,
    action: "opinion.closed",
    at: now,
    details: {
      reason,
      outcome: result.outcome,
      yes: result.yes,
      no: result.no,
      decidedByChair: result.decidedByChair,
    },
  });
  const people = await bodyPeople(tx, form.bodyId);
  await enqueue(
    tx,
    [...people.voters, ...people.preparers].map((m) => formNotice(form, m.userId, "opinion.closed")),
    { actorId },
  );
}

export async function answerOpinionForm(
  actor: Actor,
  formId: string,
  input: { answer?: string; comment?: string; password?: string },
  now: Date = new Date(),
): Promise<Result<{ closed: boolean }, OpinionError>> {
  const answer = input.answer ?? "";
  const comment = (input.comment ?? "").trim();
  const problem = answerProblem(answer, comment);
  if (problem === "choose") return err("invalid_input", { answer: [fieldError("answer")] });
  if (problem === "comment_required")
    return err("invalid_input", {
      comment: [fieldError(answer === "disagree" ? "reasonsRequired" : "commentRequired")],
    });
  if (problem === "too_long") return err("invalid_input", { comment: [fieldError("tooLong")] });
  const proof: IdentityProof = { method: "password", password: input.password ?? "" };
  // The password first, outside the transaction (argon2 is slow on purpose).
  const db = await getDb();
  const form0 = await loadForm(db, formId);
  if (!form0) return err("not_found");
  const role0 = await roleIn(actor, form0.bodyId, db);
  if (!role0 || !seesForm(role0, form0.status, form0.openedAt !== null)) return err("not_found");
  if (!mayDo(role0, "answer")) return err("forbidden");
  const confirmed = await confirmIdentity(actor, proof, { now });
  if (!confirmed.ok) return err("not_confirmed", { password: [fieldError("password")] });
  const me = staffId(actor)!;
  return db.transaction(async (tx) => {
    const form = await loadForm(tx, formId, true);
    if (!form) return err("not_found");
    const role = await roleIn(actor, form.bodyId, tx);
    if (!role || !mayDo(role, "answer")) return err("forbidden");
    if (form.status !== "open") return err("wrong_status");
    if (form.deadline && now.getTime() > form.deadline.getTime()) return err("past_deadline");
    const [before] = await tx
      .select()
      .from(opinionAnswers)
      .where(and(eq(opinionAnswers.formId, form.id), eq(opinionAnswers.userId, me)))
      .limit(1);
    const values = {
      answer,
      comment: comment || null,
      confirmation: confirmed.value,
      answeredAt: now,
    };
    if (before)
      await tx
        .update(opinionAnswers)
        .set(values)
        .where(and(eq(opinionAnswers.formId, form.id), eq(opinionAnswers.userId, me)));
    else await tx.insert(opinionAnswers).values({ formId: form.id, userId: me, ...values });
    await tx
      .update(opinionForms)
      .set({ version: form.version + 1 })
      .where(eq(opinionForms.id, form.id));
    await recordWorkspaceEvent(tx, {
      subjectKind: "opinion_form",
      subjectId: form.id,
      actorId: me,
      action: before ? "opinion.answer_changed" : "opinion.answered",
      at: now,
      details: { answer, comment: comment || null, confirmation: confirmed.value },
    });
    const people = await bodyPeople(tx, form.bodyId);
    const answered = await tx
      .select({ userId: opinionAnswers.userId })
      .from(opinionAnswers)
      .where(eq(opinionAnswers.formId, form.id));
    const voterIds = new Set(people.voters.map((m) => m.userId));
    const count = answered.filter((a) => voterIds.has(a.userId)).length;
    if (shouldClose({ deadline: form.deadline, now, votingMembers: voterIds.size, answered: count })) {
      await closeLocked(tx, { ...form, version: form.version + 1 }, now, "all_answered", me);
      return ok({ closed: true });
    }
    return ok({ closed: false });
  });
}

/** The worker's job: closes open forms whose deadline has passed. Returns how many it closed. */
export async function closeDueOpinionForms(now: Date = new Date()): Promise<number> {
  const db = await getDb();
  const due = await db
    .select({ id: opinionForms.id })
    .from(opinionForms)
    .where(and(eq(opinionForms.status, "open"), lte(opinionForms.deadline, now)));
  let closed = 0;
  for (const { id } of due) {
    const done = await db.transaction(async (tx) => {
      const form = await loadForm(tx, id, true);
      if (!form || form.status !== "open" || !form.deadline || form.deadline.getTime() >= now.getTime())
        return false;
      await closeLocked(tx, form, now, "deadline", null);
      return true;
    });
    if (done) closed++;
  }
  return closed;
}

/**
 * Reminds the voting members who have not answered an open form, and tells the support staff who
 * they are: once on its last working day (due soon), once after it is overdue. Each reminder is an
 * event of the form (opinion.reminded, with its stage), so it is sent once. `stage` forces one now
 * (the preparers' "remind now"). Returns the members reminded.
 */
async function remindLocked(
  tx: Tx,
  form: FormRow,
  stage: ReminderStage | "manual",
  now: Date,
  actorId: string | null,
): Promise<string[]> {
  const people = await bodyPeople(tx, form.bodyId);
  const answered = new Set(
    (
      await tx
        .select({ userId: opinionAnswers.userId })
        .from(opinionAnswers)
        .where(eq(opinionAnswers.formId, form.id))
    ).map((a) => a.userId),
  );
  const waiting = people.voters.filter((m) => !answered.has(m.userId)).map((m) => m.userId);
  const deadline = form.deadline?.toISOString() ?? null;
  await recordWorkspaceEvent(tx, {
    subjectKind: "opinion_form",
    subjectId: form.id,
    actorId,
    action: "opinion.reminded",
    at: now,
    details: { stage, members: waiting },
  });
  if (waiting.length > 0) {
    await enqueue(
      tx,
      [
        ...waiting.map((userId) =>
          formNotice(form, userId, "opinion.reminder", { details: { dueAt: deadline, stage } }),
        ),
        ...people.support.map((m) =>
          formNotice(form, m.userId, "opinion.reminder_support", {
            details: { dueAt: deadline, stage, waiting: waiting.length },
          }),
        ),
      ],
      { actorId },
    );
  }
  return waiting;
}

export async function sendOpinionReminders(
  now: Date = new Date(),
  calendar?: WorkingCalendar,
): Promise<number> {
  const db = await getDb();
  const cal = calendar ?? (await loadCalendar(db));
  const open = await db
    .select({ id: opinionForms.id, deadline: opinionForms.deadline })
    .from(opinionForms)
    .where(eq(opinionForms.status, "open"));
  if (open.length === 0) return 0;
  const sent = await db
    .select({ subjectId: workspaceEvents.subjectId, details: workspaceEvents.details })
    .from(workspaceEvents)
    .where(
      and(
        eq(workspaceEvents.subjectKind, "opinion_form"),
        eq(workspaceEvents.action, "opinion.reminded"),
        inArray(
          workspaceEvents.subjectId,
          open.map((f) => f.id),
        ),
      ),
    );
  let reminded = 0;
  for (const candidate of open) {
    const stages = sent
      .filter((e) => e.subjectId === candidate.id)
      .map((e) => e.details?.stage)
      .filter((s): s is ReminderStage => s === "due_soon" || s === "overdue");
    const stage = reminderDue({ deadline: candidate.deadline, now, sent: stages }, cal);
    if (!stage) continue;
    reminded += await db.transaction(async (tx) => {
      const form = await loadForm(tx, candidate.id, true);
      if (!form || form.status !== "open") return 0;
      return (await remindLocked(tx, form, stage, now, null)).length;
    });
  }
  return reminded;
}

/** A preparer reminds the members who have not answered, now. */
export async function remindOpinionMembers(
  actor: Actor,
  formId: string,
  version: string | number,
  now: Date = new Date(),
): Promise<Result<{ reminded: number }, OpinionError>> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const form = await loadForm(tx, formId, true);
    if (!form) return err("not_found");
    const role = await roleIn(actor, form.bodyId, tx);
    if (!role || !seesForm(role, form.status, form.openedAt !== null)) return err("not_found");
    if (parseVersion(version) !== form.version) return err("stale");
    if (!mayDo(role, "prepare")) return err("forbidden");
    if (form.status !== "open") return err("wrong_status");
    await tx
      .update(opinionForms)
      .set({ version: form.version + 1 })
      .where(eq(opinionForms.id, form.id));
    const waiting = await remindLocked(tx, form, "manual", now, staffId(actor));
    return ok({ reminded: waiting.length });
  });
}

// ---------------------------------------------------------------------------------------------
// Concluding

export async function draftOpinionConclusion(
  actor: Actor,
  formId: string,
  version: string | number,
  text: string,
) {
  const conclusion = text.trim();
  if (!conclusion) return err("invalid_input", { conclusion: [fieldError("conclusionRequired")] });
  if (conclusion.length > 8000) return err("invalid_input", { conclusion: [fieldError("tooLong")] });
  return changeForm(actor, formId, parseVersion(version), async (tx, form, role) => {
    if (!mayDo(role, "prepare")) return err("forbidden");
    if (form.status !== "closed") return err("wrong_status");
    const people = await bodyPeople(tx, form.bodyId);
    return ok({
      set: { conclusion },
      event: { action: "opinion.conclusion_drafted", details: { conclusion } },
      notices: people.chair ? [formNotice(form, people.chair.userId, "opinion.conclusion_drafted")] : [],
      value: true as const,
    });
  });
}

export async function confirmOpinionConclusion(actor: Actor, formId: string, version: string | number) {
  return changeForm(actor, formId, parseVersion(version), async (tx, form, role) => {
    if (!mayDo(role, "approve")) return err("forbidden");
    if (form.status !== "closed" || !form.conclusion) return err("wrong_status");
    const people = await bodyPeople(tx, form.bodyId);
    return ok({
      set: { status: "concluded" },
      event: { action: "opinion.concluded", details: { conclusion: form.conclusion } },
      notices: [...people.voters, ...people.preparers]
        .filter((m) => m.userId !== staffId(actor))
        .map((m) => formNotice(form, m.userId, "opinion.concluded")),
      value: true as const,
    });
  });
}

/** A file of a form, with a stream of its bytes, if the reader may see the form (else null). */
export async function openOpinionFile(actor: Actor, formId: string, fileId: string) {
  const found = await getOpinionForm(actor, formId);
  if (!found.ok || !found.value.files.some((f) => f.id === fileId)) return null;
  return openWorkspaceFile(await getDb(), fileId);
}
