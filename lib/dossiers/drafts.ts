import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { attachments } from "@/db/schema/attachments";
import { dossiers } from "@/db/schema/dossiers";
import { findFilingTarget } from "@/lib/catalog/service";
import { deleteStoredFile } from "@/lib/files/storage";
import { cleanText } from "@/lib/forms/formText";
import { answerMaxLength, fieldSchema, todayInVietnam } from "@/lib/forms/schema";
import { formFields } from "@/lib/forms/definition";
import type { FormDefinition } from "@/lib/forms/types";
import { contactsOf } from "@/lib/identity/accounts";
import { prefillAnswers } from "@/lib/organisations/prefill";
import { forBusinesses } from "@/lib/organisations/rules";
import { filingOrganisation, type FilingOrganisation } from "@/lib/organisations/service";
import type { Actor } from "@/lib/identity/types";
import { err, issuesOf, ok } from "@/lib/result";
import {
  discardStored,
  insertAttachments,
  refusalIssues,
  removeAttachmentIn,
  storeChosenFiles,
  type ChosenFile,
} from "./attachments";
import { findDossier, ownedBy } from "./queries";
import { missingDocuments } from "./rules";
import { startDraftSchema, type StartDraftCommand } from "./schema";
import { inTransaction, invalid, loadProcedureVersion } from "./transaction";
import type { DossierError, Result } from "./types";

/* Drafts: the applicant's own, unsubmitted dossiers (no code, no history yet). */

const saveDraftSchema = z.object({ dossierId: z.uuid(), remove: z.uuid().optional() });

/** Applicant: a new draft of the procedure's current version. */
export async function startDraft(
  actor: Actor,
  command: StartDraftCommand,
): Promise<Result<{ dossierId: string }>> {
  if (actor.kind !== "applicant") return err("forbidden");
  const parsed = startDraftSchema.safeParse(command);
  if (!parsed.success) return invalid(parsed.error);
  const { procedureCode, competentAgencyId, organisationId } = parsed.data;
  const db = await getDb();

  const found = await findFilingTarget(procedureCode, db);
  if (!found) return err("not_found");
  const { places } = found;
  if (places.length === 0) return err("not_found");
  const place =
    competentAgencyId !== undefined
      ? places.find((p) => p.competentAgencyId === competentAgencyId)
      : places.length === 1
        ? places[0]
        : undefined;
  if (!place) return err("invalid_input", { competentAgencyId: ["errors.agencyRequired"] });

  const contact = (await contactsOf([actor.userId], db)).get(actor.userId);
  if (!contact) return err("not_found");
  // In an organisation's name: only its owners and filers (read now), a procedure for businesses.
  let organisation: FilingOrganisation | null = null;
  if (organisationId !== undefined) {
    if (!forBusinesses(procedureCode, found.audiences)) return err("forbidden");
    organisation = await filingOrganisation(actor, organisationId, db);
    if (!organisation) return err("forbidden");
  }
  const applicantName = organisation?.name ?? contact.fullName;
  const version = await loadProcedureVersion(db, found.versionId);
  const formData = prefillAnswers(version.form, { organisation, applicant: contact });

  const now = new Date();
  const [created] = await db
    .insert(dossiers)
    .values({
      procedureId: found.procedureId,
      procedureVersionId: found.versionId,
      applicantId: actor.userId,
      organisationId: organisation?.id ?? null,
      receivingAgencyId: place.receivingAgencyId,
      competentAgencyId: place.competentAgencyId,
      status: "draft",
      channel: 2,
      applicantName,
      formData,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: dossiers.id });
  // The history starts at submission: a draft is not yet the administration's business.
  return ok({ dossierId: created!.id });
}

export type SaveDraftInput = {
  dossierId: string;
  /** What was typed, per field name (text from the form; other keys are ignored). */
  answers: Record<string, unknown>;
  /** Files chosen for the procedure's documents in this save. */
  files?: readonly ChosenFile[];
  /** An attachment to remove ("Remove" next to a file). */
  remove?: string | null;
};

export type SavedDraft = {
  /** Everything still wrong with the draft, in the page's order: the form's fields, then the documents. */
  issues: Record<string, string[]>;
  /** What this save refused (over-long answers, files), same order: shown even after "Remove". */
  refused: Record<string, string[]>;
  /** The attachment to remove could not be removed (a message key of the dossiers namespace). */
  removeError?: DossierError;
};

/** An answer as the draft keeps it: text (what the form shows again), or nothing. */
function asText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  return cleanText(typeof value === "string" ? value : String(value));
}

/**
 * The answers a draft keeps, each field checked once against the form definition: a valid answer as the
 * schema cleans it ("033 190 012 345" -> "033190012345"), an invalid one as typed so nothing is
 * lost, but never one over the definition's limits (answerMaxLength): that one is refused with its
 * field's message and the draft keeps what it had before. Only the definition's fields are kept.
 */
function checkAnswers(
  form: FormDefinition,
  previous: Record<string, unknown>,
  typed: Record<string, unknown>,
) {
  const stored: Record<string, string> = {};
  const issues: Record<string, string[]> = {};
  const refused: Record<string, string[]> = {};
  const today = todayInVietnam();
  for (const field of formFields(form)) {
    const value = asText(typed[field.name]);
    const checked = fieldSchema(field, { today }).safeParse(value);
    let keep: unknown;
    if (checked.success) keep = checked.data;
    else {
      const messages = Object.values(issuesOf(checked.error, { fallback: "errors.invalid" })).flat();
      if (value !== undefined && value.length > answerMaxLength(field)) {
        // Refused: the field's own message when the schema says "too long", else "too long" itself
        // (a 100 KB phone number is too long before it is a wrong number). The draft keeps what it had.
        const tooLong = messages.filter((key) => key === "errors.maxLength" || key === "errors.tooLong");
        refused[field.name] = tooLong.length > 0 ? tooLong : ["errors.tooLong"];
        issues[field.name] = refused[field.name]!;
        keep = previous[field.name];
      } else {
        issues[field.name] = messages;
        keep = value;
      }
    }
    const text = asText(keep);
    if (text !== undefined && text !== "") stored[field.name] = text;
  }
  return { stored, issues, refused };
}

/**
 * Applicant: saves a draft in one go: the answers, the files chosen and a file removed, in one
 * transaction (the files' bytes are written first and deleted again if it does not commit). Answers
 * are checked once, here; what is still wrong comes back in the page's order, the documents still
 * missing by the same rule submitDossier uses (rules.ts missingDocuments).
 */
export async function saveDraft(actor: Actor, input: SaveDraftInput): Promise<Result<SavedDraft>> {
  const parsed = saveDraftSchema.safeParse({ dossierId: input.dossierId, remove: input.remove || undefined });
  if (!parsed.success) return invalid(parsed.error);
  const { dossierId, remove } = parsed.data;
  const target = and(eq(dossiers.id, dossierId), ownedBy(actor)) as SQL;
  const db = await getDb();
  const row = await findDossier(db, target);
  if (!row) return err("not_found");
  if (row.status !== "draft") return err("invalid_transition");
  const version = await loadProcedureVersion(db, row.procedureVersionId);

  const { stored, refused: refusedFiles } = await storeChosenFiles(version.documents, input.files ?? []);
  let committed = false;
  let removedKey: string | null = null;
  try {
    const result = await inTransaction(async (tx): Promise<Result<SavedDraft>> => {
      const locked = await findDossier(tx, target, { forUpdate: true });
      if (!locked) return err("not_found");
      // Answers never land on a dossier submitted in the meantime.
      if (locked.status !== "draft") return err("invalid_transition");
      const answers = checkAnswers(version.form, locked.formData, input.answers);
      await tx
        .update(dossiers)
        .set({ formData: answers.stored, version: sql`${dossiers.version} + 1`, updatedAt: new Date() })
        .where(eq(dossiers.id, dossierId));
      await insertAttachments(tx, dossierId, locked.applicantId, stored);

      let removeError: DossierError | undefined;
      if (remove) {
        const removed = await removeAttachmentIn(tx, locked, remove);
        if (removed.ok) removedKey = removed.value.storageKey;
        else removeError = removed.error;
      }

      const attached = await tx
        .selectDistinct({ documentKey: attachments.documentKey })
        .from(attachments)
        .where(eq(attachments.dossierId, dossierId));
      const fileIssues = refusalIssues(refusedFiles);
      const missing = missingDocuments(
        version.documents,
        attached.map((a) => a.documentKey),
      );
      // In the page's order; a document whose file was refused says why, not "upload this document".
      const issues: Record<string, string[]> = { ...answers.issues };
      const refused: Record<string, string[]> = { ...answers.refused };
      for (const document of version.documents) {
        const field = `doc_${document.key}`;
        if (fileIssues[field]) refused[field] = fileIssues[field];
        const list = fileIssues[field] ?? missing[field];
        if (list) issues[field] = list;
      }
      return ok(removeError ? { issues, refused, removeError } : { issues, refused });
    });
    committed = result.ok;
    return result;
  } finally {
    if (!committed) await discardStored(stored);
    // Each upload has its own storage key, so its bytes belong to nobody else.
    else if (removedKey) await deleteStoredFile(removedKey);
  }
}
