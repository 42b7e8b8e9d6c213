import { placesForForms } from "@/lib/places/service";
import type { Places } from "@/lib/forms/schema";
import "server-only";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { attachments } from "@/db/schema/attachments";
import { dossiers } from "@/db/schema/dossiers";
import { findFilingTarget } from "@/lib/catalog/service";
import { deleteStoredFile } from "@/lib/files/storage";
import { cleanText } from "@/lib/forms/formText";
import { formFields } from "@/lib/forms/definition";
import { checkTypedForm, checkTypedPage, todayInVietnam } from "@/lib/forms/schema";
import { visibleFields } from "@/lib/forms/flow";
import type { FormDefinition } from "@/lib/forms/types";
import { contactsOf } from "@/lib/identity/accounts";
import { prefillAnswers } from "@/lib/forms/prefill";
import { forBusinesses } from "@/lib/organisations/rules";
import { filingOrganisation, type FilingOrganisation } from "@/lib/organisations/service";
import type { Actor } from "@/lib/identity/types";
import { err, ok } from "@/lib/result";
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
  /**
   * The page saved (its answers only, checked with checkTypedPage); without it, every page of the
   * form is saved from `answers` (one-page forms, tests).
   */
  pageId?: string;
  /** What was typed on the page, per field name as lib/forms/posted reads it; absent: no answers change. */
  answers?: Record<string, unknown>;
  /** Files chosen for the procedure's documents (or "other") in this save. */
  files?: readonly ChosenFile[];
  /** What the files chosen for "other" are (the applicant's words). */
  otherDescription?: string;
  /** An attachment to remove ("Remove" next to a file). */
  remove?: string | null;
};

export type SavedDraft = {
  /** What is wrong with the page saved (or the whole form), in the page's order, then its documents. */
  issues: Record<string, string[]>;
  /** What this save refused (over-long answers, files), same order: shown even after "Remove". */
  refused: Record<string, string[]>;
  /** The attachment to remove could not be removed (a message key of the dossiers namespace). */
  removeError?: DossierError;
};

/** Additional documents the form does not list: attachments with this key and a description. */
export const otherDocumentKey = "other";

/**
 * The answers a draft keeps after a save of one page (or of every page): the page's fields checked
 * by checkTypedPage (valid answers cleaned, invalid ones kept as typed, over-long ones refused, the
 * earlier answer kept; a field hidden by a condition kept as typed); the other pages' answers untouched.
 */
function savePageAnswers(
  form: FormDefinition,
  previous: Record<string, unknown>,
  typed: Record<string, unknown>,
  pageId: string | undefined,
  places: Places,
) {
  const options = { today: todayInVietnam(), places };
  if (pageId !== undefined) {
    const { stored, issues, refused } = checkTypedPage(form, pageId, previous, typed, options);
    return { formData: stored, issues, refused };
  }
  // The whole form: every page in turn; only the form's fields are kept.
  const { stored, issues, refused } = checkTypedForm(form, previous, typed, options);
  const formData: Record<string, unknown> = {};
  for (const field of formFields(form))
    if (stored[field.name] !== undefined) formData[field.name] = stored[field.name];
  return { formData, issues, refused };
}

/** The document fields (documentKey) of the pages saved: their files are checked with the page. */
function pageDocumentKeys(
  form: FormDefinition,
  pageId: string | undefined,
  answers: Record<string, unknown>,
) {
  const pages = pageId === undefined ? form.pages : form.pages.filter((page) => page.id === pageId);
  return pages.flatMap((page) =>
    visibleFields(page, answers, form)
      .filter((field) => field.type === "document" && field.documentKey)
      .map((field) => ({ key: field.documentKey!, required: field.required })),
  );
}

/**
 * Applicant: saves one page of a draft in one go: its answers (valid or not: nothing typed is lost),
 * the files chosen and a file removed, in one transaction (the files' bytes are written first and
 * deleted again if it does not commit). What is wrong with the page comes back in its order; the
 * documents still missing are those of the page's document fields (or, for a save of the whole form,
 * the procedure's documents, by the rule submitDossier uses).
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
  const pageId = input.pageId;
  if (pageId !== undefined && !version.form.pages.some((page) => page.id === pageId))
    return err("invalid_input", { pageId: ["errors.invalid"] });

  const description = cleanText(input.otherDescription ?? "")
    .trim()
    .slice(0, 500);
  const chosen = input.files ?? [];
  const otherWithoutDescription =
    description === "" && chosen.some((file) => file.documentKey === otherDocumentKey);
  const { stored, refused: refusedFiles } = otherWithoutDescription
    ? { stored: [], refused: [] }
    : await storeChosenFiles([...version.documents, { key: otherDocumentKey }], chosen);
  let committed = false;
  let removedKey: string | null = null;
  const places = await placesForForms();
  try {
    const result = await inTransaction(async (tx): Promise<Result<SavedDraft>> => {
      const locked = await findDossier(tx, target, { forUpdate: true });
      if (!locked) return err("not_found");
      // Answers never land on a dossier submitted in the meantime.
      if (locked.status !== "draft") return err("invalid_transition");
      const answers =
        input.answers === undefined
          ? { formData: locked.formData, issues: {}, refused: {} }
          : savePageAnswers(
              version.form,
              locked.formData,
              // checkTypedPage drops NUL and the other control characters (PostgreSQL refuses NUL).
              input.answers,
              pageId,
              places,
            );
      await tx
        .update(dossiers)
        .set({ formData: answers.formData, version: sql`${dossiers.version} + 1`, updatedAt: new Date() })
        .where(eq(dossiers.id, dossierId));
      const inserted = await insertAttachments(tx, dossierId, locked.applicantId, stored);
      const others = inserted.filter((file) => file.documentKey === otherDocumentKey).map((file) => file.id);
      if (others.length > 0)
        await tx.update(attachments).set({ description }).where(inArray(attachments.id, others));

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
      // A page's document fields, or every document of the procedure for a save of the whole form.
      const documents =
        pageId === undefined ? version.documents : pageDocumentKeys(version.form, pageId, answers.formData);
      const missing = missingDocuments(
        documents,
        attached.map((a) => a.documentKey),
      );
      // In the page's order; a document whose file was refused says why, not "upload this document".
      const issues: Record<string, string[]> = { ...answers.issues };
      const refused: Record<string, string[]> = { ...answers.refused };
      for (const document of [...documents, { key: otherDocumentKey }]) {
        const field = `doc_${document.key}`;
        if (fileIssues[field]) refused[field] = fileIssues[field];
        const list = fileIssues[field] ?? missing[field];
        if (list) issues[field] = list;
      }
      if (otherWithoutDescription) {
        issues.otherDescription = ["errors.descriptionRequired"];
        refused.otherDescription = ["errors.descriptionRequired"];
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
