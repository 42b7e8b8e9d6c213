import { singlePage } from "@/lib/forms/definition";
import "server-only";
import { getDb } from "@/db/client";
import { dossiers } from "@/db/schema/dossiers";
import { findFilingTarget, listProceduresReceivedAt } from "@/lib/catalog/service";
import { validateAnswers } from "@/lib/forms/schema";
import { findOrCreateDeskApplicant } from "@/lib/identity/desk";
import { hasRole, type Actor } from "@/lib/identity/types";
import { err, ok } from "@/lib/result";
import {
  discardStored,
  insertAttachments,
  refusalIssues,
  storeChosenFiles,
  type ChosenFile,
} from "./attachments";
import { deskApplicantFields, deskApplicantNames, type DeskApplicantKey } from "./deskForm";
import { missingDocuments } from "./rules";
import { inTransaction, loadProcedureVersion, Rollback, viewById } from "./transaction";
import { submitAndAcceptAtDesk } from "./transitions";
import type { DossierView, Result } from "./types";

/*
 * Desk intake (channel 1): an applicant comes in person; the receiving officer finds or creates
 * them, fills in the procedure's form, attaches the scans, and receives the dossier in one step:
 * the draft, the applicant, the files, the submission and the acceptance commit together or not at
 * all, through the one transition path (transitions.ts submitAndAcceptAtDesk).
 */

export type DeskIntakeInput = {
  procedureCode: string;
  /** Required when the procedure is done by several agencies the officer receives for. */
  competentAgencyId?: string;
  /** The applicant's details and the procedure's answers, by the form's field names. */
  answers: Record<string, unknown>;
  files: readonly ChosenFile[];
  comment?: string;
};

const unlabelled = deskApplicantFields(() => ({ label: { vi: "", en: "" } }));

/**
 * Files and accepts a walk-in applicant's dossier. Errors: "forbidden" (not a receiving officer
 * where this procedure is received), "not_found" (no such procedure), "invalid_input" with issues
 * per form field (the applicant's, the place, the procedure's answers and documents: all at once).
 */
export async function fileAtDesk(actor: Actor, input: DeskIntakeInput): Promise<Result<DossierView>> {
  if (actor.kind !== "staff" || !actor.roles.some((r) => r.role === "receiver")) return err("forbidden");
  const db = await getDb();
  const found = await findFilingTarget(input.procedureCode, db);
  if (!found) return err("not_found");
  const mine = found.places.filter((place) => hasRole(actor, place.receivingAgencyId, "receiver"));
  if (mine.length === 0) return err("forbidden");
  const version = await loadProcedureVersion(db, found.versionId);

  // Everything wrong at once, in the page's order: the applicant, the place, the answers, the documents.
  const issues: Record<string, string[]> = {};
  const applicantPart = validateAnswers(singlePage(unlabelled), input.answers);
  if (!applicantPart.ok) Object.assign(issues, applicantPart.issues);
  const given = (key: DeskApplicantKey) => {
    const value = applicantPart.ok ? applicantPart.value[deskApplicantNames[key]] : undefined;
    return typeof value === "string" && value !== "" ? value : undefined;
  };
  const details = {
    idNumber: given("idNumber"),
    fullName: given("fullName"),
    email: given("email"),
    phone: given("phone"),
  };
  if (applicantPart.ok && !details.idNumber && !details.email && !details.phone) {
    issues[deskApplicantNames.idNumber] = ["staff:intake.errors.findBy"];
  }
  const place = input.competentAgencyId
    ? mine.find((p) => p.competentAgencyId === input.competentAgencyId)
    : mine.length === 1
      ? mine[0]
      : undefined;
  if (!place) issues.competentAgencyId = ["errors.agencyRequired"];
  const answers = validateAnswers(version.form, input.answers);
  if (!answers.ok) Object.assign(issues, answers.issues);
  Object.assign(
    issues,
    missingDocuments(
      version.documents,
      input.files.map((file) => file.documentKey),
    ),
  );
  if (Object.keys(issues).length > 0 || !place || !answers.ok) return err("invalid_input", issues);

  const { stored, refused } = await storeChosenFiles(version.documents, input.files);
  let committed = false;
  try {
    if (refused.length > 0) return err("invalid_input", refusalIssues(refused));
    const result = await inTransaction(async (tx): Promise<Result<DossierView>> => {
      const applicant = await findOrCreateDeskApplicant(tx, actor.userId, details);
      if (!applicant.ok) {
        return err("invalid_input", {
          [deskApplicantNames[applicant.error.field]]: [`staff:${applicant.error.message}`],
        });
      }
      const now = new Date();
      const [created] = await tx
        .insert(dossiers)
        .values({
          procedureId: found.procedureId,
          procedureVersionId: found.versionId,
          applicantId: applicant.value.id,
          receivingAgencyId: place.receivingAgencyId,
          competentAgencyId: place.competentAgencyId,
          status: "draft",
          channel: 1,
          applicantName: applicant.value.fullName,
          formData: answers.value,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: dossiers.id });
      await insertAttachments(tx, created!.id, actor.userId, stored);
      const received = await submitAndAcceptAtDesk(tx, actor, created!.id, now, input.comment || undefined);
      // The applicant created and the draft written go with it.
      if (!received.ok) throw new Rollback(received);
      return ok(await viewById(tx, created!.id));
    });
    committed = result.ok;
    return result;
  } finally {
    if (!committed) await discardStored(stored);
  }
}

/** The agencies where this officer receives dossiers. */
export const receivingAgencyIds = (actor: Actor): string[] =>
  actor.kind === "staff" ? actor.roles.filter((r) => r.role === "receiver").map((r) => r.agencyId) : [];

/** What the intake page offers: the procedures received at the officer's desks. */
export async function listDeskProcedures(actor: Actor) {
  return listProceduresReceivedAt(receivingAgencyIds(actor));
}
