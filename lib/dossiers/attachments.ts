import "server-only";
import { and, desc, eq, gte, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { attachments, dossierEvents, dossiers } from "@/db/schema";
import { cleanFileName, deleteStoredFile, readStoredFile, storeFile } from "@/lib/files/storage";
import type { Actor } from "@/lib/identity/types";
import { err, ok } from "@/lib/result";
import { findDossier, ownedBy, visibleTo } from "./queries";
import { invalid, loadProcedureVersion } from "./transaction";
import type { AttachmentView, DossierStatus, Result } from "./types";

/* Attachments: files the applicant gives for a required document, checked by content and hashed. */

const uuid = z.uuid();
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

/** Statuses in which the applicant may add or remove documents. */
const attachmentStatuses: readonly DossierStatus[] = ["draft", "supplement_requested"];

export function toAttachmentView(row: typeof attachments.$inferSelect): AttachmentView {
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
