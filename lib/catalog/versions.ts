import "server-only";
import { and, asc, desc, eq, ilike, or, sql } from "drizzle-orm";
import { getDb, type Queryable } from "@/db/client";
import { procedures, procedureVersions } from "@/db/schema/catalog";
import { recordAudit } from "@/lib/audit/service";
import { isSystemAdmin } from "@/lib/identity/adminRules";
import type { Actor } from "@/lib/identity/types";
import { err, ok, type Result } from "@/lib/result";
import { searchable } from "@/lib/text/normalize";
import type { FormDefinition } from "@/lib/forms/types";
import { formProblems, type FormProblem } from "./formRules";
import {
  detailsSchema,
  documentSchema,
  feeSchema,
  formSchema,
  timeLimitsSchema,
  type DraftContent,
} from "./versionSchema";

/*
 * Versions of a procedure, for system administrators. A change is made in the procedure's one
 * draft version (a copy of the current published one) and published as the next version number;
 * a published version never changes (here, and a trigger in the database refuses it too). A dossier
 * holds the id of the version it was started on, so publishing never moves anyone's form or deadline.
 * Every change is written to the audit log.
 */

export type VersionRow = typeof procedureVersions.$inferSelect;
export type VersionError = "forbidden" | "not_found" | "no_draft" | "invalid_input" | "published";

export type ProcedureHead = { id: string; code: string; nameVi: string; nameEn: string };

async function findProcedure(
  source: Queryable,
  code: string,
): Promise<
  | (ProcedureHead & {
      /** Decided by a deciding body (the people's committee): its dossiers may go to an agenda. */
      needsCommitteeDecision: boolean;
    })
  | null
> {
  const [row] = await source
    .select({
      id: procedures.id,
      code: procedures.code,
      nameVi: procedures.nameVi,
      nameEn: procedures.nameEn,
      needsCommitteeDecision: procedures.needsCommitteeDecision,
    })
    .from(procedures)
    .where(eq(procedures.code, code))
    .limit(1);
  return row ?? null;
}

async function draftOf(source: Queryable, procedureId: string, lock = false): Promise<VersionRow | null> {
  const query = source
    .select()
    .from(procedureVersions)
    .where(and(eq(procedureVersions.procedureId, procedureId), eq(procedureVersions.status, "draft")))
    .limit(1);
  const [row] = lock ? await query.for("update") : await query;
  return row ?? null;
}

async function currentOf(source: Queryable, procedureId: string): Promise<VersionRow | null> {
  const [row] = await source
    .select()
    .from(procedureVersions)
    .where(and(eq(procedureVersions.procedureId, procedureId), eq(procedureVersions.isCurrent, true)))
    .limit(1);
  return row ?? null;
}

export type AdminProcedureItem = ProcedureHead & {
  currentVersion: number | null;
  draftVersion: number | null;
};

/** The catalogue for administrators: every procedure, its current version and whether it has a draft. */
export async function listProceduresForAdmin(
  actor: Actor,
  options: { q?: string } = {},
): Promise<Result<AdminProcedureItem[], "forbidden">> {
  if (!isSystemAdmin(actor)) return err("forbidden");
  const db = await getDb();
  const words = searchable(options.q ?? "")
    .split(" ")
    .filter(Boolean);
  const rows = await db
    .select({
      id: procedures.id,
      code: procedures.code,
      nameVi: procedures.nameVi,
      nameEn: procedures.nameEn,
      currentVersion: sql<
        number | null
      >`max(${procedureVersions.version}) filter (where ${procedureVersions.isCurrent})`,
      draftVersion: sql<
        number | null
      >`max(${procedureVersions.version}) filter (where ${procedureVersions.status} = 'draft')`,
    })
    .from(procedures)
    .leftJoin(procedureVersions, eq(procedureVersions.procedureId, procedures.id))
    .where(
      words.length > 0
        ? or(
            and(
              ...words.map(
                (word) => sql`${procedures.searchText} like ${`%${word.replace(/[\\%_]/g, "\\$&")}%`}`,
              ),
            ),
            ilike(procedures.code, `${(options.q ?? "").trim().replace(/[\\%_]/g, "\\$&")}%`),
          )
        : undefined,
    )
    .groupBy(procedures.id)
    .orderBy(asc(procedures.code));
  return ok(
    rows.map((row) => ({
      ...row,
      currentVersion: row.currentVersion === null ? null : Number(row.currentVersion),
      draftVersion: row.draftVersion === null ? null : Number(row.draftVersion),
    })),
  );
}

export type VersionState = {
  procedure: ProcedureHead & { needsCommitteeDecision: boolean };
  current: VersionRow | null;
  draft: VersionRow | null;
};

/** A procedure with its current version and its draft (null when none is being edited). */
export async function getVersionState(
  actor: Actor,
  code: string,
): Promise<Result<VersionState, VersionError>> {
  if (!isSystemAdmin(actor)) return err("forbidden");
  const db = await getDb();
  const procedure = await findProcedure(db, code);
  if (!procedure) return err("not_found");
  const [current, draft] = await Promise.all([currentOf(db, procedure.id), draftOf(db, procedure.id)]);
  return ok({ procedure, current, draft });
}

/** The procedure's draft: the one being edited, or a new copy of the current published version. */
export async function startDraftVersion(
  actor: Actor,
  code: string,
): Promise<Result<VersionRow, VersionError>> {
  if (!isSystemAdmin(actor) || actor.kind !== "staff") return err("forbidden");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const procedure = await findProcedure(tx, code);
    if (!procedure) return err("not_found");
    // Serialises two administrators starting a draft of the same procedure at once.
    await tx
      .select({ id: procedures.id })
      .from(procedures)
      .where(eq(procedures.id, procedure.id))
      .for("update");
    const existing = await draftOf(tx, procedure.id);
    if (existing) return ok(existing);
    const current = await currentOf(tx, procedure.id);
    const [top] = await tx
      .select({ version: sql<number>`coalesce(max(${procedureVersions.version}), 0)`.mapWith(Number) })
      .from(procedureVersions)
      .where(eq(procedureVersions.procedureId, procedure.id));
    const [draft] = await tx
      .insert(procedureVersions)
      .values({
        procedureId: procedure.id,
        version: (top?.version ?? 0) + 1,
        isCurrent: false,
        status: "draft",
        decisionNo: current?.decisionNo ?? null,
        timeLimitHours: current?.timeLimitHours ?? { online: null, desk: null, post: null },
        fees: current?.fees ?? [],
        documents: current?.documents ?? [],
        form: current?.form ?? { pages: [] },
        details: current?.details ?? {
          targetGroups: [],
          channels: [],
          result: { vi: "", en: "" },
          legalBasis: [],
        },
        handlingChain: current?.handlingChain ?? null,
        createdBy: actor.userId,
        publishedAt: null,
      })
      .returning();
    await recordAudit(
      {
        action: "procedure.draft_started",
        actorId: actor.userId,
        details: { code, version: draft!.version, from: current?.version ?? null },
      },
      tx,
    );
    return ok(draft!);
  });
}

/** Runs `change` on the procedure's draft (locked), refusing when there is none. */
async function withDraft<T>(
  actor: Actor,
  code: string,
  change: (tx: Queryable, draft: VersionRow, actorId: string) => Promise<Result<T, VersionError>>,
): Promise<Result<T, VersionError>> {
  if (!isSystemAdmin(actor) || actor.kind !== "staff") return err("forbidden");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const procedure = await findProcedure(tx, code);
    if (!procedure) return err("not_found");
    const draft = await draftOf(tx, procedure.id, true);
    if (!draft) return err("no_draft");
    return change(tx, draft, actor.userId);
  });
}

/** Issue keys per part of the content ("documents", "form.pages.0.id"…) from zod. */
function zodIssues(
  error: { issues: readonly { path: PropertyKey[] }[] },
  prefix: string,
): Record<string, string[]> {
  const issues: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = [prefix, ...issue.path.map(String)].join(".");
    const list = (issues[key] ??= []);
    if (!list.includes("invalid")) list.push("invalid");
  }
  return issues;
}

function problemIssues(problems: readonly FormProblem[]): Record<string, string[]> {
  const issues: Record<string, string[]> = {};
  for (const problem of problems) {
    const key = ["form", problem.page, problem.field, problem.prop].filter(Boolean).join(".");
    (issues[key] ??= []).push(problem.key);
  }
  return issues;
}

/**
 * Changes the draft's texts, documents, fees and time limits (the handling chain stays). A document
 * the form's upload field answers cannot be removed while the field is there.
 */
export async function updateDraftVersion(
  actor: Actor,
  code: string,
  content: DraftContent,
): Promise<Result<VersionRow, VersionError>> {
  const checks = {
    timeLimitHours: timeLimitsSchema.safeParse(content.timeLimitHours),
    fees: feeSchema.array().max(50).safeParse(content.fees),
    documents: documentSchema.array().max(100).safeParse(content.documents),
    details: detailsSchema.safeParse(content.details),
  };
  for (const [part, check] of Object.entries(checks))
    if (!check.success) return err("invalid_input", zodIssues(check.error, part));
  if (
    content.decisionNo !== null &&
    (typeof content.decisionNo !== "string" || content.decisionNo.length > 200)
  )
    return err("invalid_input", { decisionNo: ["invalid"] });
  return withDraft(actor, code, async (tx, draft, actorId) => {
    const used = formProblems(draft.form, content.documents).filter((p) => p.key === "documentUnknown");
    const wasFine = formProblems(draft.form, draft.documents).some((p) => p.key === "documentUnknown");
    if (used.length > 0 && !wasFine) return err("invalid_input", { documents: ["documentInForm"] });
    const [updated] = await tx
      .update(procedureVersions)
      .set({
        decisionNo: content.decisionNo,
        timeLimitHours: content.timeLimitHours,
        fees: content.fees,
        documents: content.documents,
        details: content.details,
        updatedAt: new Date(),
      })
      .where(and(eq(procedureVersions.id, draft.id), eq(procedureVersions.status, "draft")))
      .returning();
    await recordAudit(
      {
        action: "procedure.draft_updated",
        actorId,
        details: {
          code,
          version: draft.version,
          before: {
            decisionNo: draft.decisionNo,
            timeLimitHours: draft.timeLimitHours,
            fees: draft.fees,
            documents: draft.documents.map((d) => d.key),
          },
          after: {
            decisionNo: content.decisionNo,
            timeLimitHours: content.timeLimitHours,
            fees: content.fees,
            documents: content.documents.map((d) => d.key),
          },
        },
      },
      tx,
    );
    return ok(updated!);
  });
}

/** Replaces the draft's form, refused with the problems when an applicant could not fill it in. */
export async function updateDraftForm(
  actor: Actor,
  code: string,
  form: FormDefinition,
  /** What the builder did, for the audit log ("field.added" …). */
  edit = "form.replaced",
): Promise<Result<VersionRow, VersionError>> {
  const shape = formSchema.safeParse(form);
  if (!shape.success) return err("invalid_input", zodIssues(shape.error, "form"));
  return withDraft(actor, code, async (tx, draft, actorId) => {
    const problems = formProblems(form, draft.documents);
    if (problems.length > 0) return err("invalid_input", problemIssues(problems));
    const [updated] = await tx
      .update(procedureVersions)
      .set({ form, updatedAt: new Date() })
      .where(and(eq(procedureVersions.id, draft.id), eq(procedureVersions.status, "draft")))
      .returning();
    await recordAudit(
      {
        action: "procedure.form_updated",
        actorId,
        details: {
          code,
          version: draft.version,
          edit,
          pagesBefore: draft.form.pages.length,
          pagesAfter: form.pages.length,
        },
      },
      tx,
    );
    return ok(updated!);
  });
}

/**
 * Publishes the draft: it becomes the current version (the previous current one stays, frozen, for
 * the dossiers started on it), with the date and the administrator's note of what changed.
 */
export async function publishDraft(
  actor: Actor,
  code: string,
  changeNote: string,
  now: Date = new Date(),
): Promise<Result<VersionRow, VersionError>> {
  const note = changeNote.trim();
  if (!note) return err("invalid_input", { changeNote: ["changeNoteMissing"] });
  if (note.length > 1000) return err("invalid_input", { changeNote: ["tooLong"] });
  return withDraft(actor, code, async (tx, draft, actorId) => {
    const problems = formProblems(draft.form, draft.documents, { forPublish: true });
    if (problems.length > 0) return err("invalid_input", { form: ["formHasProblems"] });
    const previous = await currentOf(tx, draft.procedureId);
    if (previous) {
      await tx
        .update(procedureVersions)
        .set({ isCurrent: false })
        .where(eq(procedureVersions.id, previous.id));
    }
    const [published] = await tx
      .update(procedureVersions)
      .set({ status: "published", isCurrent: true, publishedAt: now, changeNote: note, updatedAt: now })
      .where(eq(procedureVersions.id, draft.id))
      .returning();
    await recordAudit(
      {
        action: "procedure.published",
        actorId,
        details: { code, version: draft.version, previous: previous?.version ?? null, changeNote: note },
      },
      tx,
    );
    return ok(published!);
  });
}

/** Throws the draft away; the current version is untouched. */
export async function discardDraft(
  actor: Actor,
  code: string,
): Promise<Result<{ version: number }, VersionError>> {
  return withDraft(actor, code, async (tx, draft, actorId) => {
    await tx
      .delete(procedureVersions)
      .where(and(eq(procedureVersions.id, draft.id), eq(procedureVersions.status, "draft")));
    await recordAudit(
      { action: "procedure.draft_discarded", actorId, details: { code, version: draft.version } },
      tx,
    );
    return ok({ version: draft.version });
  });
}

/**
 * Whether the procedure's decision is a deciding body's (the people's committee's): a property of
 * the procedure, not of a version, so it applies at once (to dossiers already filed too: they may
 * then go to, or no longer go to, a meeting's agenda). Audited with the value before and after.
 */
export async function setCommitteeDecision(
  actor: Actor,
  code: string,
  needsCommitteeDecision: boolean,
): Promise<Result<{ changed: boolean }, "forbidden" | "not_found">> {
  if (!isSystemAdmin(actor) || actor.kind !== "staff") return err("forbidden");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: procedures.id, before: procedures.needsCommitteeDecision })
      .from(procedures)
      .where(eq(procedures.code, code))
      .for("update");
    if (!row) return err("not_found");
    if (row.before === needsCommitteeDecision) return ok({ changed: false });
    await tx.update(procedures).set({ needsCommitteeDecision }).where(eq(procedures.id, row.id));
    await recordAudit(
      {
        action: "procedure.committee_decision_set",
        actorId: actor.userId,
        details: { code, before: row.before, after: needsCommitteeDecision },
      },
      tx,
    );
    return ok({ changed: true });
  });
}

/**
 * Refuses any change to a published version (the database's trigger refuses it too). Exported for
 * the tests and for code that would update a version by id.
 */
export async function updateVersionById(
  actor: Actor,
  versionId: string,
  change: Partial<
    Pick<VersionRow, "form" | "fees" | "documents" | "details" | "timeLimitHours" | "decisionNo">
  >,
): Promise<Result<VersionRow, VersionError>> {
  if (!isSystemAdmin(actor)) return err("forbidden");
  const db = await getDb();
  const [row] = await db.select().from(procedureVersions).where(eq(procedureVersions.id, versionId)).limit(1);
  if (!row) return err("not_found");
  if (row.status !== "draft") return err("published");
  const [procedure] = await db
    .select({ code: procedures.code })
    .from(procedures)
    .where(eq(procedures.id, row.procedureId));
  if (change.form) return updateDraftForm(actor, procedure!.code, change.form);
  return updateDraftVersion(actor, procedure!.code, {
    decisionNo: change.decisionNo === undefined ? row.decisionNo : change.decisionNo,
    timeLimitHours: change.timeLimitHours ?? row.timeLimitHours,
    fees: change.fees ?? row.fees,
    documents: change.documents ?? row.documents,
    details: change.details ?? row.details,
  });
}

export type HistoryEntry = {
  version: number;
  publishedAt: Date | null;
  decisionNo: string | null;
  changeNote: string | null;
  current: boolean;
};

/** The published versions of a procedure, newest first (public: the procedure page shows them). */
export async function versionHistory(code: string, db?: Queryable): Promise<HistoryEntry[]> {
  const source = db ?? (await getDb());
  return source
    .select({
      version: procedureVersions.version,
      publishedAt: procedureVersions.publishedAt,
      decisionNo: procedureVersions.decisionNo,
      changeNote: procedureVersions.changeNote,
      current: procedureVersions.isCurrent,
    })
    .from(procedureVersions)
    .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
    .where(and(eq(procedures.code, code), eq(procedureVersions.status, "published")))
    .orderBy(desc(procedureVersions.version));
}
