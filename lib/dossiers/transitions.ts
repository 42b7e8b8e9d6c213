import { placesForForms } from "@/lib/places/service";
import "server-only";
import crypto from "node:crypto";
import { and, count, eq, isNull, SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Tx } from "@/db/client";
import { agencies } from "@/db/schema/agencies";
import { attachments } from "@/db/schema/attachments";
import {
  dossierClockStops,
  dossierCodeCounters,
  dossierConsultations,
  dossiers,
  dossierTransferLegs,
} from "@/db/schema/dossiers";
import { loadCalendar, loadWorkingHours } from "@/lib/calendar/service";
import { localDate } from "@/lib/calendar/rules";
import { holdsRole } from "@/lib/identity/accounts";
import type { Actor } from "@/lib/identity/types";
import { enqueue, type OutboxNotice } from "@/lib/notify/outbox";
import { cancelOpenPayments } from "@/lib/payments/ledger";
import { cancelsPayment } from "@/lib/payments/rules";
import { recordDossierChange } from "@/lib/reports/rollups";
import { discardStored, refusalIssues, scanColumns, storeChosenFiles, type ChosenFile } from "./attachments";
import {
  maxRequestedDocuments,
  maxRequestedNameLength,
  namesFromText,
  type RequestedDocument,
} from "./requestedDocuments";
import { err, ok } from "@/lib/result";
import { validateAnswers } from "@/lib/forms/schema";
import { appendEvent } from "./events";
import { eventForApplicant } from "./visibility";
import { organisationMemberIds } from "@/lib/organisations/service";
import { findDossier, ownedBy, toState, toView, visibleTo, type DossierRow } from "./queries";
import {
  decide,
  formatDossierCode,
  missingDocuments,
  type Command,
  type DecideContext,
  type DossierState,
  type Step,
} from "./rules";
import {
  staffActionSchema,
  supplementSchema,
  withdrawSchema,
  type StaffActionCommand,
  type SupplementCommand,
  type WithdrawCommand,
} from "./schema";
import {
  actorId,
  inTransaction,
  invalid,
  loadProcedureVersion,
  Rollback,
  timeLimitDaysFor,
  timeLimitHoursFor,
  viewById,
} from "./transaction";
import type { DossierError, DossierView, Result } from "./types";

/*
 * The one way to change a dossier (ARCHITECTURE invariant 1): load it scoped by the actor, check
 * the version read, ask rules.ts, write the step guarded by the version, append the event and
 * the notices, all in one transaction.
 */

const submitSchema = z.object({ dossierId: z.uuid() });

/**
 * Writes a decided step: the event (chained to the one before it, under the dossier's row lock taken
 * at the version the caller read: events.ts), the clock stop, the row guarded by that version, and
 * the notices. A moved version rolls the whole transaction back as a conflict.
 *
 * `takeCode` (submission) takes the dossier's code from its agency's counter of the day, as late as
 * it can be: the counter's row stays locked until the transaction commits, and every other
 * submission to that agency that day waits for it. Only the row's update and the notices (which
 * carry the code) follow it.
 */
async function applyStep(
  tx: Tx,
  actor: Actor,
  row: DossierRow,
  step: Step,
  now: Date,
  extra: { takeCode?: () => Promise<string> } = {},
): Promise<void> {
  await appendEvent(tx, row, {
    at: now,
    actorId: actorId(actor),
    action: step.event.action,
    fromStatus: step.event.fromStatus,
    toStatus: step.event.toStatus,
    comment: step.event.comment,
    details: step.event.details,
  });
  // The transparency figures' rollups move with the event, in this transaction (lib/reports).
  await recordDossierChange(tx, {
    dossierId: row.id,
    competentAgencyId: row.competentAgency.id,
    procedureId: row.procedure.id,
    channel: row.channel,
    at: now,
    action: step.event.action,
    fromStatus: step.event.fromStatus,
    toStatus: step.event.toStatus,
    before: {
      acceptedAt: row.acceptedAt,
      dueAt: row.dueAt,
      originalDueAt: row.originalDueAt,
      supplementCount: row.supplementCount,
    },
    after: {
      dueAt: step.changes.dueAt ?? row.dueAt,
      originalDueAt: step.changes.originalDueAt ?? row.originalDueAt,
      supplementCount: step.changes.supplementCount ?? row.supplementCount,
    },
    ...(step.changes.competentAgencyId ? { movedTo: step.changes.competentAgencyId } : {}),
  });

  if (step.legs?.close) {
    await tx
      .update(dossierTransferLegs)
      .set({ endedAt: now })
      .where(and(eq(dossierTransferLegs.dossierId, row.id), isNull(dossierTransferLegs.endedAt)));
  }
  if (step.legs?.open) {
    await tx.insert(dossierTransferLegs).values({ dossierId: row.id, ...step.legs.open, startedAt: now });
  }
  if (step.consultation && "ask" in step.consultation) {
    const { id, toAgencyId, question } = step.consultation.ask;
    await tx.insert(dossierConsultations).values({
      id,
      dossierId: row.id,
      fromAgencyId: row.competentAgency.id,
      toAgencyId,
      question,
      askedBy: actorId(actor)!,
      askedAt: now,
    });
  } else if (step.consultation && "answer" in step.consultation) {
    const { id, answer } = step.consultation.answer;
    const answered = await tx
      .update(dossierConsultations)
      .set({ answer, answeredBy: actorId(actor), answeredAt: now })
      .where(
        and(
          eq(dossierConsultations.id, id),
          eq(dossierConsultations.dossierId, row.id),
          isNull(dossierConsultations.answeredAt),
        ),
      )
      .returning({ id: dossierConsultations.id });
    // Answered by someone else meanwhile: the same as a moved version.
    if (answered.length === 0) throw new Rollback(err("conflict" as const));
  }

  if (step.clock && "stop" in step.clock) {
    await tx.insert(dossierClockStops).values({ dossierId: row.id, reason: step.clock.stop, startedAt: now });
  } else if (step.clock && "resume" in step.clock) {
    await tx
      .update(dossierClockStops)
      .set({ endedAt: now })
      .where(and(eq(dossierClockStops.dossierId, row.id), isNull(dossierClockStops.endedAt)));
  }

  // A dossier that ends unpaid (withdrawn, stopped) leaves no fee open: its request is cancelled with it.
  if (cancelsPayment(step.status)) await cancelOpenPayments(tx, row.id);

  const code = extra.takeCode ? await extra.takeCode() : undefined;
  const updated = await tx
    .update(dossiers)
    .set({
      ...step.changes,
      ...(code !== undefined ? { code } : {}),
      status: step.status,
      version: sql`${dossiers.version} + 1`,
      updatedAt: now,
    })
    .where(and(eq(dossiers.id, row.id), eq(dossiers.version, row.version)))
    .returning({ id: dossiers.id });
  if (updated.length === 0) throw new Rollback(err("conflict" as const));

  const assigneeId = step.changes.assigneeId !== undefined ? step.changes.assigneeId : row.assigneeId;
  const payload = {
    dossierId: row.id,
    code: code ?? row.code,
    status: step.status,
    action: step.event.action,
    procedure: { code: row.procedure.code, nameVi: row.procedure.nameVi, nameEn: row.procedure.nameEn },
  };
  // The applicant's notice says what the event says to them (its message, dates, amounts), and no more.
  const seen = eventForApplicant({ id: 0, at: now, actorName: null, ...step.event });
  const applicantPayload = {
    ...payload,
    ...(seen?.comment ? { comment: seen.comment } : {}),
    ...(seen?.details ? { details: seen.details } : {}),
  };
  const notices: OutboxNotice[] = [];
  // A dossier filed in an organisation's name is told to its members as they are now (a removed
  // member hears no more of it); any other to its applicant.
  const applicantIds = row.organisationId
    ? (await organisationMemberIds(row.organisationId, tx)).map((m) => m.userId)
    : [row.applicantId];
  for (const notice of step.notices) {
    if (notice.to === "applicant") {
      for (const recipientId of applicantIds)
        notices.push({ recipientId, kind: notice.kind, payload: applicantPayload });
    } else if (notice.to === "assignee") {
      if (assigneeId) notices.push({ recipientId: assigneeId, kind: notice.kind, payload });
    } else {
      const agencyId =
        notice.to === "agency"
          ? notice.agencyId
          : notice.to === "receiving_agency"
            ? row.receivingAgency.id
            : // After a transfer, the agency that has it now.
              (step.changes.competentAgencyId ?? row.competentAgency.id);
      notices.push({ recipientId: null, kind: notice.kind, payload: { ...payload, agencyId } });
    }
  }
  // Whoever made the change is not told of it in their own inbox.
  await enqueue(tx, notices, { actorId: actorId(actor) });
}

/**
 * Work another module does inside a dossier's transition (a decision published, later a payment
 * recorded, a transfer): it runs in the same transaction, after the rules allowed the step and
 * before the step is written. An error it returns rolls everything back, its own writes included.
 */
export type TransitionWork<T, E> = (
  tx: Tx,
  dossier: DossierRow,
  step: Step,
  now: Date,
) => Promise<Result<T, E>>;

export type TransitionOptions<T, E> = {
  work?: TransitionWork<T, E>;
  /** The clock of the change (tests; the service's own clock otherwise). */
  now?: Date;
  /** A refusal by the rules in the calling module's own words (e.g. "already_published"). */
  explain?: (dossier: DossierState, refusal: DossierError) => E | DossierError;
  /**
   * What the calling module has established outside the rules' reach: lib/payments passes
   * `providerConfirmed` only after it verified a payment provider's signed callback.
   */
  context?: Pick<DecideContext, "providerConfirmed">;
};

export type Transitioned<T> = { dossier: DossierView; value: T };

/** A dossier as another module names it. */
export type DossierRef = { id: string } | { code: string };

const uuid = z.uuid();

/** The dossier named, or null for a name that cannot be one (PostgreSQL refuses a malformed uuid). */
const targetOf = (ref: SQL | DossierRef): SQL | null => {
  if (ref instanceof SQL) return ref;
  if ("id" in ref) return uuid.safeParse(ref.id).success ? eq(dossiers.id, ref.id) : null;
  return typeof ref.code === "string" && ref.code.length > 0 ? eq(dossiers.code, ref.code) : null;
};

/**
 * The one way to change a dossier: load it scoped by the actor, check the version read, ask the
 * rules, run the caller's work, write the step guarded by the version, with its event and
 * notices. Every change through here leaves an event, whichever module asked for it.
 */
export async function transition<T = undefined, E = never>(
  actor: Actor,
  target: SQL | DossierRef,
  /** the version the actor saw; null: the one read here (the write is still guarded by it) */
  expectedVersion: number | null,
  command: Command,
  options: TransitionOptions<T, E> = {},
): Promise<Result<Transitioned<T>, DossierError | E>> {
  return inTransaction(async (tx): Promise<Result<Transitioned<T>, DossierError | E>> => {
    const where = targetOf(target);
    const row = where ? await findDossier(tx, and(where, visibleTo(actor)) as SQL) : null;
    if (!row) return err("not_found" as const);
    if (expectedVersion !== null && row.version !== expectedVersion) return err("conflict" as const);
    const version = await loadProcedureVersion(tx, row.procedureVersionId);
    const now = options.now ?? new Date();
    const context: DecideContext = {
      now,
      calendar: await loadCalendar(tx),
      timeLimitDays: timeLimitDaysFor(version.timeLimitHours, row.channel),
      timeLimitHours: timeLimitHoursFor(version.timeLimitHours, row.channel),
      workingHours: await loadWorkingHours(row.competentAgency.id, tx),
      ...(options.context?.providerConfirmed === true ? { providerConfirmed: true } : {}),
    };
    if (command.action === "assign" && command.assigneeId) {
      context.assigneeIsSpecialist = await holdsRole(
        command.assigneeId,
        row.competentAgency.id,
        "specialist",
        tx,
      );
    }
    if (command.action === "consult" && command.toAgencyId && uuid.safeParse(command.toAgencyId).success) {
      const [agency] = await tx
        .select({ id: agencies.id })
        .from(agencies)
        .where(eq(agencies.id, command.toAgencyId))
        .limit(1);
      context.agencyIsValid = agency !== undefined;
    }
    if (command.action === "request_supplement" && command.requestedDocuments) {
      // Documents of the list are named as the version names them; a key it lacks is a bad post.
      const named = nameRequestedDocuments(version.documents, command.requestedDocuments);
      if (!named) return err("invalid_input", { documentKeys: ["errors.documentUnknown"] });
      command = { ...command, requestedDocuments: named };
    }
    const state = toState(row);
    const decision = decide(state, actor, command, context);
    if (!decision.ok) return err(options.explain ? options.explain(state, decision.error) : decision.error);
    let value = undefined as T;
    if (options.work) {
      const done = await options.work(tx, row, decision.step, now);
      // Undo whatever the work wrote before it failed.
      if (!done.ok) throw new Rollback(done);
      value = done.value;
    }
    await applyStep(tx, actor, row, decision.step, now);
    return ok({ dossier: await viewById(tx, row.id), value });
  });
}

const dossierOnly = (result: Result<Transitioned<unknown>>): Result<DossierView> =>
  result.ok ? ok(result.value.dossier) : result;

/** Takes the dossier's code from its receiving agency's counter of the day (see applyStep). */
const codeTaker = (tx: Tx, row: DossierRow, now: Date) => async () => {
  const [counter] = await tx
    .insert(dossierCodeCounters)
    .values({ agencyId: row.receivingAgency.id, day: localDate(now), last: 1 })
    .onConflictDoUpdate({
      target: [dossierCodeCounters.agencyId, dossierCodeCounters.day],
      set: { last: sql`${dossierCodeCounters.last} + 1` },
    })
    .returning({ last: dossierCodeCounters.last });
  return formatDossierCode(row.receivingAgency.code, now, counter!.last);
};

/**
 * The desk (channel 1): the receiving officer submits the dossier they filled in for a walk-in
 * applicant and accepts it in the same step, inside the caller's transaction (desk.ts, which wrote
 * the draft and its scans). Both steps are the rules' own submit and accept, applied like any other:
 * two events, the code taken, the appointment set, the notices written.
 */
export async function submitAndAcceptAtDesk(
  tx: Tx,
  actor: Actor,
  dossierId: string,
  now: Date,
  comment?: string,
): Promise<Result<null>> {
  for (const command of [{ action: "submit" }, { action: "accept", comment }] satisfies Command[]) {
    const row = await findDossier(tx, eq(dossiers.id, dossierId));
    if (!row) return err("not_found");
    const version = await loadProcedureVersion(tx, row.procedureVersionId);
    const decision = decide(toState(row), actor, command, {
      now,
      calendar: await loadCalendar(tx),
      timeLimitDays: timeLimitDaysFor(version.timeLimitHours, row.channel),
    });
    if (!decision.ok) return err(decision.error);
    await applyStep(
      tx,
      actor,
      row,
      decision.step,
      now,
      command.action === "submit" ? { takeCode: codeTaker(tx, row, now) } : {},
    );
  }
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
  // Read before the transaction: on the embedded database (one connection) a read through another
  // handle inside it would wait for the transaction's end forever.
  const places = await placesForForms();

  // The view of a dossier submitted here is read after the commit (null), outside the counter's lock.
  const result = await inTransaction(async (tx): Promise<Result<DossierView | null>> => {
    // The row lock makes a second submit (double click, two tabs, a replay) wait for the first,
    // then see its code: one dossier, one code, the counter advanced once.
    const row = await findDossier(tx, target, { forUpdate: true });
    if (!row) return err("not_found");
    if (row.code !== null) return ok(toView(row));
    if (row.status !== "draft") return err("invalid_transition");

    const version = await loadProcedureVersion(tx, row.procedureVersionId);
    // Every shown page checked with its conditions; only the shown answers are submitted.
    const answers = validateAnswers(version.form, row.formData, { places });
    if (!answers.ok) return err("invalid_input", answers.issues);

    const attached = await tx
      .select({ documentKey: attachments.documentKey, n: count() })
      .from(attachments)
      .where(eq(attachments.dossierId, row.id))
      .groupBy(attachments.documentKey);
    const missing = missingDocuments(
      version.documents,
      attached.filter((a) => a.n > 0).map((a) => a.documentKey),
    );
    if (Object.keys(missing).length > 0) return err("missing_documents", missing);

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

    // The answers of pages and fields no longer shown (a condition changed) are not submitted.
    await tx.update(dossiers).set({ formData: answers.value }).where(eq(dossiers.id, row.id));
    await applyStep(tx, actor, row, decision.step, now, { takeCode: codeTaker(tx, row, now) });
    return ok(null);
  });

  if (result.ok) return ok(result.value ?? (await viewById(await getDb(), dossierId)));
  if (result.error !== "conflict") return result;
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
  return dossierOnly(
    await transition(actor, eq(dossiers.id, dossierId), version, { action: "supplement", comment }),
  );
}

export async function withdrawDossier(actor: Actor, command: WithdrawCommand): Promise<Result<DossierView>> {
  const parsed = withdrawSchema.safeParse(command);
  if (!parsed.success) return invalid(parsed.error);
  const { dossierId, version, comment } = parsed.data;
  return dossierOnly(
    await transition(actor, eq(dossiers.id, dossierId), version, {
      action: "withdraw",
      comment: comment || undefined,
    }),
  );
}

/** The request's list with each listed document's name from the version; null if a key is not the version's. */
function nameRequestedDocuments(
  documents: readonly { key: string; name: { vi: string; en: string } }[],
  requested: readonly RequestedDocument[],
): RequestedDocument[] | null {
  const named: RequestedDocument[] = [];
  for (const document of requested) {
    if (document.key === undefined) named.push({ name: document.name });
    else {
      const known = documents.find((d) => d.key === document.key);
      if (!known) return null;
      if (!named.some((d) => d.key === known.key)) named.push({ key: known.key, name: known.name.vi });
    }
  }
  return named;
}

/** The kind of file each staff action may carry (attachments.document_key). */
const fileKinds: Partial<Record<StaffActionCommand["action"], string>> = {
  consult: "consultation_question",
  answer_consultation: "consultation_answer",
  return_result: "e_result",
};

/**
 * Staff: one of the one-stop actions, checked by rules.ts and guarded by the version. A question to
 * another agency, its answer and an e-result carry files: they are stored first, their rows written
 * in the transition's transaction, and discarded when it does not commit.
 */
export async function performStaffAction(
  actor: Actor,
  command: StaffActionCommand,
  files: readonly Omit<ChosenFile, "documentKey">[] = [],
): Promise<Result<DossierView>> {
  const parsed = staffActionSchema.safeParse(command);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;
  const kind = fileKinds[input.action];
  if (!kind && files.length > 0) return err("invalid_input", { files: ["errors.documentUnknown"] });
  const chosen = files.map((file) => ({ ...file, documentKey: kind ?? "" }));
  const { stored, refused } = kind
    ? await storeChosenFiles([{ key: kind }], chosen)
    : { stored: [], refused: [] };
  if (refused.length > 0) {
    await discardStored(stored);
    return err("invalid_input", { files: Object.values(refusalIssues(refused)).flat() });
  }
  const documents = stored.map((file) => ({ id: crypto.randomUUID(), fileName: file.fileName, file }));
  const consultationId =
    input.action === "consult"
      ? crypto.randomUUID()
      : input.action === "answer_consultation"
        ? input.consultationId
        : undefined;
  const rulesCommand: Command = {
    action: input.action,
    comment: input.comment || undefined,
    assigneeId: input.action === "assign" ? input.assigneeId : undefined,
    proposal: input.action === "propose" ? input.proposal : undefined,
    toAgencyId: input.action === "consult" ? input.toAgencyId : undefined,
    consultationId,
    newDueDate: input.action === "propose_delay" ? input.newDueDate : undefined,
    returnMethod: input.action === "return_result" ? input.method : undefined,
    trackingNumber: input.action === "return_result" ? input.trackingNumber : undefined,
    documents: documents.map(({ id, fileName }) => ({ id, fileName })),
    ...(input.action === "request_supplement"
      ? {
          requestedDocuments: [
            ...(input.documentKeys ?? []).map((key) => ({ key, name: "" })),
            ...namesFromText(input.otherDocuments ?? "").map((name) => ({ name })),
          ],
        }
      : {}),
  };
  if (input.action === "request_supplement") {
    const listed = rulesCommand.requestedDocuments ?? [];
    if (listed.length > maxRequestedDocuments)
      return err("invalid_input", { otherDocuments: ["errors.tooManyDocuments"] });
    if (listed.some((document) => document.name.length > maxRequestedNameLength))
      return err("invalid_input", { otherDocuments: ["errors.tooLong"] });
  }
  const work: TransitionWork<undefined, never> = async (tx, dossier) => {
    if (documents.length > 0) {
      await tx.insert(attachments).values(
        documents.map(({ id, file }) => ({
          id,
          dossierId: dossier.id,
          consultationId: kind === "e_result" ? null : (consultationId ?? null),
          documentKey: file.documentKey,
          fileName: file.fileName,
          mediaType: file.stored.mediaType,
          size: file.stored.size,
          sha256: file.stored.sha256,
          storageKey: file.stored.storageKey,
          ...scanColumns(file.scan),
          uploadedBy: actorId(actor)!,
        })),
      );
    }
    return ok(undefined);
  };
  let committed = false;
  try {
    const result = await transition(actor, eq(dossiers.code, input.code), input.version, rulesCommand, {
      work,
    });
    committed = result.ok;
    return dossierOnly(result);
  } finally {
    if (!committed) await discardStored(stored);
  }
}
