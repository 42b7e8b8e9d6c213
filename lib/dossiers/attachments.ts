import "server-only";
import { and, desc, eq, gte, notInArray, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Tx } from "@/db/client";
import { attachments } from "@/db/schema/attachments";
import { dossierEvents, dossiers } from "@/db/schema/dossiers";
import { maxPostBytes } from "@/lib/files/limits";
import {
  cleanFileName,
  deleteStoredFile,
  readStoredFile,
  storeFile,
  type StoredFile,
} from "@/lib/files/storage";
import type { Actor } from "@/lib/identity/types";
import { err, ok } from "@/lib/result";
import { findDossier, ownedBy, visibleTo } from "./queries";
import { inTransaction, invalid, loadProcedureVersion } from "./transaction";
import type { AttachmentView, DossierError, DossierStatus, Result } from "./types";

/* Attachments: files the applicant gives for a required document, checked by content and hashed. */

const uuid = z.uuid();
const addAttachmentsSchema = z.object({ dossierId: z.uuid() });
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

/** A file the applicant chose for one of the procedure's documents. */
export type ChosenFile = { documentKey: string; fileName: string; bytes: Uint8Array };

/** Why one chosen file was not kept. */
export type FileRefusal = {
  documentKey: string;
  fileName: string;
  error:
    | "file_type"
    | "file_too_large"
    | "empty"
    | "post_too_large"
    | "unknown_document"
    | "no_name"
    | "long_name";
};

/** A file written to storage, waiting for its row. */
export type StoredAttachment = { documentKey: string; fileName: string; stored: StoredFile };

const maxFileNameLength = 255;

/**
 * The file loop of every form that sends documents (a draft, an answer to a request for more):
 * each chosen file is checked (a known document, a name, the total of the post) and written to
 * storage by its content. Nothing is written to the database here: the caller inserts the rows in
 * its own transaction (insertAttachments) and calls discardStored if that transaction does not
 * commit. Over the per-post limit no file of the post is kept: the person sends them in several goes.
 */
export async function storeChosenFiles(
  documents: readonly { key: string }[],
  files: readonly ChosenFile[],
): Promise<{ stored: StoredAttachment[]; refused: FileRefusal[] }> {
  const stored: StoredAttachment[] = [];
  const refused: FileRefusal[] = [];
  const total = files.reduce((sum, file) => sum + file.bytes.byteLength, 0);
  if (total > maxPostBytes) {
    return {
      stored,
      refused: files.map((file) => ({
        documentKey: file.documentKey,
        fileName: cleanFileName(file.fileName),
        error: "post_too_large",
      })),
    };
  }
  const known = new Set(documents.map((document) => document.key));
  try {
    for (const file of files) {
      const fileName = cleanFileName(file.fileName);
      const refuse = (error: FileRefusal["error"]) =>
        refused.push({ documentKey: file.documentKey, fileName, error });
      if (!known.has(file.documentKey)) refuse("unknown_document");
      else if (fileName === "") refuse("no_name");
      else if (fileName.length > maxFileNameLength) refuse("long_name");
      else {
        const result = await storeFile({ fileName, bytes: file.bytes });
        if (result.ok) stored.push({ documentKey: file.documentKey, fileName, stored: result.value });
        else refuse(result.error);
      }
    }
  } catch (error) {
    await discardStored(stored);
    throw error;
  }
  return { stored, refused };
}

/** Removes stored files whose rows were never committed. */
export async function discardStored(stored: readonly StoredAttachment[]): Promise<void> {
  await Promise.all(stored.map((file) => deleteStoredFile(file.stored.storageKey)));
}

/** The rows of files stored by storeChosenFiles, inside the caller's transaction. */
export async function insertAttachments(
  tx: Tx,
  dossierId: string,
  uploadedBy: string,
  stored: readonly StoredAttachment[],
): Promise<AttachmentView[]> {
  if (stored.length === 0) return [];
  const now = new Date();
  const rows = await tx
    .insert(attachments)
    .values(
      stored.map((file) => ({
        dossierId,
        documentKey: file.documentKey,
        fileName: file.fileName,
        mediaType: file.stored.mediaType,
        size: file.stored.size,
        sha256: file.stored.sha256,
        storageKey: file.stored.storageKey,
        uploadedBy,
        createdAt: now,
      })),
    )
    .returning();
  return rows.map(toAttachmentView);
}

/**
 * Refused files as the form shows them, per document field ("doc_<key>"): the message key with the
 * file's name after "::" ("photo.heic: The file must be a PDF, JPG or PNG").
 */
export function refusalIssues(refused: readonly FileRefusal[]): Record<string, string[]> {
  const keys: Record<FileRefusal["error"], string> = {
    file_type: "dossiers:errors.file_type",
    file_too_large: "dossiers:errors.file_too_large",
    empty: "dossiers:errors.empty",
    post_too_large: "dossiers:errors.post_too_large",
    unknown_document: "errors.documentUnknown",
    no_name: "errors.fileNameRequired",
    long_name: "errors.tooLong",
  };
  const issues: Record<string, string[]> = {};
  for (const refusal of refused) {
    const message = refusal.fileName ? `${keys[refusal.error]}::${refusal.fileName}` : keys[refusal.error];
    const list = (issues[`doc_${refusal.documentKey}`] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  return issues;
}

/** The dossier the applicant may add files to, locked for the transaction; null when not theirs. */
async function lockForFiles(tx: Tx, actor: Actor, dossierId: string) {
  return findDossier(tx, and(eq(dossiers.id, dossierId), ownedBy(actor)) as SQL, { forUpdate: true });
}

/**
 * Applicant: attaches the chosen files to their draft (or to a dossier asked for more documents),
 * in one transaction. Files that are refused say why in `refused`; the others are kept.
 */
export async function addAttachments(
  actor: Actor,
  input: { dossierId: string; files: readonly ChosenFile[] },
): Promise<Result<{ added: AttachmentView[]; refused: FileRefusal[] }>> {
  const parsed = addAttachmentsSchema.safeParse({ dossierId: input.dossierId });
  if (!parsed.success) return invalid(parsed.error);
  const { dossierId } = parsed.data;
  const db = await getDb();
  const row = await findDossier(db, and(eq(dossiers.id, dossierId), ownedBy(actor)) as SQL);
  if (!row) return err("not_found");
  if (!attachmentStatuses.includes(row.status as DossierStatus)) return err("invalid_transition");
  const version = await loadProcedureVersion(db, row.procedureVersionId);

  const { stored, refused } = await storeChosenFiles(version.documents, input.files);
  let committed = false;
  try {
    const result = await inTransaction(
      async (tx): Promise<Result<{ added: AttachmentView[]; refused: FileRefusal[] }>> => {
        const locked = await lockForFiles(tx, actor, dossierId);
        if (!locked) return err("not_found");
        if (!attachmentStatuses.includes(locked.status as DossierStatus)) return err("invalid_transition");
        const added = await insertAttachments(tx, dossierId, locked.applicantId, stored);
        return ok({ added, refused });
      },
    );
    committed = result.ok;
    return result;
  } finally {
    if (!committed) await discardStored(stored);
  }
}

/** Applicant: one file for one document (the form sends files one by one with JavaScript on). */
export async function addAttachment(
  actor: Actor,
  input: ChosenFile & { dossierId: string },
): Promise<Result<AttachmentView, DossierError | "file_type" | "file_too_large">> {
  const { dossierId, ...file } = input;
  const result = await addAttachments(actor, { dossierId, files: [file] });
  if (!result.ok) return result;
  const [added] = result.value.added;
  if (added) return ok(added);
  const refusal = result.value.refused[0]!;
  switch (refusal.error) {
    case "file_type":
    case "file_too_large":
      return err(refusal.error);
    case "unknown_document":
      return err("invalid_input", { documentKey: ["errors.documentUnknown"] });
    case "no_name":
      return err("invalid_input", { fileName: ["errors.fileNameRequired"] });
    case "long_name":
      return err("invalid_input", { fileName: ["errors.tooLong"] });
    default:
      return err("invalid_input", refusalIssues([refusal]));
  }
}

/**
 * Removes one attachment inside the caller's transaction; once submitted, what the administration
 * already received stays (only the files of the current request for more may go). Returns the
 * storage key whose bytes to delete once the transaction has committed.
 */
export async function removeAttachmentIn(
  tx: Tx,
  dossier: { id: string; status: string },
  attachmentId: string,
): Promise<Result<{ storageKey: string }>> {
  if (!uuid.safeParse(attachmentId).success) return err("not_found");
  const dossierId = dossier.id;
  const conditions = [eq(attachments.id, attachmentId), eq(attachments.dossierId, dossierId)];
  if (dossier.status === "supplement_requested") {
    const [request] = await tx
      .select({ at: dossierEvents.at })
      .from(dossierEvents)
      .where(and(eq(dossierEvents.dossierId, dossierId), eq(dossierEvents.action, "request_supplement")))
      .orderBy(desc(dossierEvents.at), desc(dossierEvents.id))
      .limit(1);
    if (request) conditions.push(gte(attachments.createdAt, request.at));
  }
  const [existing] = await tx
    .select({ id: attachments.id })
    .from(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.dossierId, dossierId)))
    .limit(1);
  if (!existing) return err("not_found");
  const removed = await tx
    .delete(attachments)
    .where(and(...conditions))
    .returning({ storageKey: attachments.storageKey });
  if (removed.length === 0) return err("forbidden");
  return ok({ storageKey: removed[0]!.storageKey });
}

export async function removeAttachment(
  actor: Actor,
  input: { dossierId: string; attachmentId: string },
): Promise<Result<null>> {
  const parsed = removeAttachmentSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { dossierId, attachmentId } = parsed.data;
  const result = await inTransaction(async (tx): Promise<Result<{ storageKey: string }>> => {
    const row = await lockForFiles(tx, actor, dossierId);
    if (!row) return err("not_found");
    if (!attachmentStatuses.includes(row.status as DossierStatus)) return err("invalid_transition");
    return removeAttachmentIn(tx, row, attachmentId);
  });
  if (!result.ok) return result;
  // Each upload has its own storage key, so its bytes belong to nobody else.
  await deleteStoredFile(result.value.storageKey);
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
    .where(
      and(
        eq(attachments.id, id),
        visibleTo(actor),
        // Documents exchanged between agencies stay with staff.
        actor.kind === "staff"
          ? undefined
          : notInArray(attachments.documentKey, ["consultation_question", "consultation_answer"]),
      ),
    )
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
