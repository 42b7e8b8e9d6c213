import "server-only";
import type { Actor } from "@/lib/identity/types";
import type { StaffActionCommand, StartDraftCommand, SupplementCommand, WithdrawCommand } from "./schema";
import type {
  AttachmentView,
  DossierAction,
  DossierEventView,
  DossierView,
  PublicDossierStatus,
  Result,
} from "./types";

/*
 * CONTRACT — the bodies are being written (see the lifecycle task). Signatures are fixed: pages and
 * other modules build against them. Every function scopes by the actor (ARCHITECTURE invariant 2)
 * and every state change goes through rules.ts with the version check (invariant 1).
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

const pending = (): never => {
  throw new Error("lib/dossiers/service.ts is being written");
};

/** Applicant: a new draft of the procedure's current version. */
export async function startDraft(actor: Actor, command: StartDraftCommand): Promise<Result<{ dossierId: string }>> {
  return pending();
}

/** Applicant: stores the answers as given (nothing lost); returns field issues when invalid. */
export async function saveDraftAnswers(
  actor: Actor,
  input: { dossierId: string; formData: Record<string, unknown> },
): Promise<Result<{ valid: boolean }>> {
  return pending();
}

/** Applicant: attaches a file to a required document of a draft (or a dossier asked for more). */
export async function addAttachment(
  actor: Actor,
  input: { dossierId: string; documentKey: string; fileName: string; bytes: Uint8Array },
): Promise<Result<AttachmentView, "not_found" | "invalid_transition" | "invalid_input" | "file_type" | "file_too_large">> {
  return pending();
}

export async function removeAttachment(actor: Actor, input: { dossierId: string; attachmentId: string }): Promise<Result<null>> {
  return pending();
}

/** Applicant: submits a draft. Idempotent: a second call returns the same dossier. */
export async function submitDossier(actor: Actor, input: { dossierId: string }): Promise<Result<DossierView>> {
  return pending();
}

export async function supplementDossier(actor: Actor, command: SupplementCommand): Promise<Result<DossierView>> {
  return pending();
}

export async function withdrawDossier(actor: Actor, command: WithdrawCommand): Promise<Result<DossierView>> {
  return pending();
}

/** Staff: one of the one-stop actions, checked by rules.ts and guarded by the version. */
export async function performStaffAction(actor: Actor, command: StaffActionCommand): Promise<Result<DossierView>> {
  return pending();
}

/** The applicant's own (and their organisations') dossiers, newest first, drafts included. */
export async function listApplicantDossiers(actor: Actor): Promise<DossierView[]> {
  return pending();
}

/** A dossier by id (drafts) or by code, if the actor may see it. */
export async function getDossierDetail(actor: Actor, ref: { id: string } | { code: string }): Promise<Result<DossierDetail>> {
  return pending();
}

/** Staff: the queue of the actor's agencies. */
export async function listQueue(
  actor: Actor,
  options: { bucket: QueueBucket; page?: number; pageSize?: number },
): Promise<QueuePage> {
  return pending();
}

/** Staff: specialists of the dossier's competent agency, for "assign". */
export async function listAssignableSpecialists(actor: Actor, code: string): Promise<{ id: string; name: string }[]> {
  return pending();
}

/** Anyone: status by code, no personal data. */
export async function getPublicStatus(code: string): Promise<PublicDossierStatus | null> {
  return pending();
}
