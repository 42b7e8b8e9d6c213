import "server-only";
import { and, count, desc, eq, gte, notInArray, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Tx } from "@/db/client";
import { attachments } from "@/db/schema/attachments";
import { dossierEvents, dossiers } from "@/db/schema/dossiers";
import type { FileCheckError } from "@/lib/files/check";
import { maxFilesPerDocument, maxPostBytes } from "@/lib/files/limits";
import { configuredScanner, type Scanner } from "@/lib/files/scanner";
import {
  cleanFileName,
  deleteStoredFile,
  readStoredFile,
  storeFile,
  type StoredFile,
} from "@/lib/files/storage";
import { kindsFor } from "@/lib/files/types";
import type { Actor } from "@/lib/identity/types";
import { err, ok } from "@/lib/result";
import { findDossier, ownedBy, visibleTo } from "./queries";
import { asRequestedDocuments, requestedDocumentKey, type RequestedDocument } from "./requestedDocuments";
import { inTransaction, invalid, loadProcedureVersion } from "./transaction";
import type { AttachmentView, DossierError, DossierStatus, Result, ScanStatus } from "./types";

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
    description: row.description ?? null,
    scanStatus: (row.scanStatus ?? "clean") as ScanStatus,
    scanReason: row.scanReason ?? null,
  };
}

/** A file the applicant chose for one of the procedure's documents. */
export type ChosenFile = {
  documentKey: string;
  fileName: string;
  bytes: Uint8Array;
  /** the document's name in the applicant's words (an "other" or asked-for document) */
  description?: string;
};

/** Why one chosen file was not kept. */
export type FileRefusal = {
  documentKey: string;
  fileName: string;
  error:
    | FileCheckError
    /** the scanner found malware: the file was not kept */
    | "file_infected"
    /** more files for one document than maxFilesPerDocument */
    | "too_many_files"
    | "post_too_large"
    | "unknown_document"
    | "no_name"
    | "long_name";
};

/** The scan of a stored file: clean or rejected at once, or pending when the scanner did not answer. */
export type ScanOutcome = { status: ScanStatus; reason: string | null; at: Date | null };

/** A file written to storage, waiting for its row. */
export type StoredAttachment = {
  documentKey: string;
  fileName: string;
  stored: StoredFile;
  scan?: ScanOutcome;
  description?: string | null;
};

/** The scanner in use (tests swap it). */
let scannerInUse: Scanner | null = null;
export function useScanner(scanner: Scanner | null): void {
  scannerInUse = scanner;
}
const currentScanner = () => scannerInUse ?? configuredScanner();

/**
 * Scans bytes just stored. Inline, in the request that stored them: the bytes are in memory and a
 * clamd answer takes milliseconds, so the applicant hears at once that a file is infected, and the
 * row is written with its verdict. When the scanner cannot answer (down, timed out), the file is
 * kept as pending: staff are not served it until scanPendingAttachments (run by the worker) has a
 * verdict.
 */
async function scanBytes(bytes: Uint8Array): Promise<ScanOutcome> {
  const scanner = currentScanner();
  if (!scanner.active) return { status: "clean", reason: null, at: new Date() };
  try {
    const verdict = await scanner.scan(bytes);
    return verdict.status === "clean"
      ? { status: "clean", reason: null, at: new Date() }
      : { status: "rejected", reason: verdict.reason, at: new Date() };
  } catch (error) {
    console.warn("file scan failed, kept as pending:", (error as Error).message);
    return { status: "pending", reason: null, at: null };
  }
}

const maxFileNameLength = 255;

/**
 * The file loop of every form that sends documents (a draft, an answer to a request for more):
 * each chosen file is checked (a known document, a name, the total of the post) and written to
 * storage by its content. Nothing is written to the database here: the caller inserts the rows in
 * its own transaction (insertAttachments) and calls discardStored if that transaction does not
 * commit. Over the per-post limit no file of the post is kept: the person sends them in several goes.
 */
export async function storeChosenFiles(
  documents: readonly { key: string; mediaTypes?: readonly string[] }[],
  files: readonly ChosenFile[],
  /** files already attached per document (the per-document limit counts them) */
  existing: Readonly<Record<string, number>> = {},
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
  const known = new Map(documents.map((document) => [document.key, document]));
  const counted: Record<string, number> = { ...existing };
  try {
    for (const file of files) {
      const fileName = cleanFileName(file.fileName);
      const refuse = (error: FileRefusal["error"]) =>
        refused.push({ documentKey: file.documentKey, fileName, error });
      const document = known.get(file.documentKey);
      if (!document) refuse("unknown_document");
      else if (fileName === "") refuse("no_name");
      else if (fileName.length > maxFileNameLength) refuse("long_name");
      else if ((counted[file.documentKey] ?? 0) >= maxFilesPerDocument) refuse("too_many_files");
      else {
        const result = await storeFile({ fileName, bytes: file.bytes, kinds: kindsFor(document) });
        if (!result.ok) {
          refuse(result.error);
          continue;
        }
        const scan = await scanBytes(file.bytes);
        if (scan.status === "rejected") {
          await deleteStoredFile(result.value.storageKey);
          refuse("file_infected");
          continue;
        }
        counted[file.documentKey] = (counted[file.documentKey] ?? 0) + 1;
        stored.push({
          documentKey: file.documentKey,
          fileName,
          stored: result.value,
          scan,
          description: file.description ?? null,
        });
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

/** The scan columns of a new row: its verdict, or clean when stored without a scan. */
export function scanColumns(scan: ScanOutcome | undefined) {
  const outcome = scan ?? { status: "clean" as const, reason: null, at: new Date() };
  return { scanStatus: outcome.status, scanReason: outcome.reason, scannedAt: outcome.at };
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
        description: file.description ?? null,
        ...scanColumns(file.scan),
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
    file_type_docx: "dossiers:errors.file_type_docx",
    file_program: "dossiers:errors.file_program",
    file_web_page: "dossiers:errors.file_web_page",
    file_infected: "dossiers:errors.file_infected",
    too_many_files: "dossiers:errors.too_many_files",
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

  // A file for a document the request names but the list lacks keeps that name as its description.
  const requested = asRequestedDocuments(row.requestedDocuments);
  const requestedNames = new Map(requested.map((d, index) => [requestedDocumentKey(d, index), d.name]));
  const files = input.files.map((file) =>
    file.description === undefined &&
    requestedNames.has(file.documentKey) &&
    file.documentKey.startsWith("requested_")
      ? { ...file, description: requestedNames.get(file.documentKey) }
      : file,
  );
  const { stored, refused } = await storeChosenFiles(
    documentsFor(version.documents, requested),
    files,
    await filesPerDocument(db, dossierId),
  );
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

/** How many files each document of a dossier has (the per-document limit counts them). */
export async function filesPerDocument(db: Tx | Awaited<ReturnType<typeof getDb>>, dossierId: string) {
  const rows = await db
    .select({ documentKey: attachments.documentKey, n: count() })
    .from(attachments)
    .where(eq(attachments.dossierId, dossierId))
    .groupBy(attachments.documentKey);
  return Object.fromEntries(rows.map((row) => [row.documentKey, Number(row.n)]));
}

/**
 * The documents a dossier takes files for: the version's list, and the documents named by an open
 * request for more that the list lacks (their keys are "requested_<n>": requestedDocumentKey).
 */
export function documentsFor(
  documents: readonly { key: string; mediaTypes?: readonly string[] }[],
  requested: readonly RequestedDocument[] | null | undefined,
): { key: string; mediaTypes?: readonly string[] }[] {
  const list = [...documents];
  const known = new Set(list.map((document) => document.key));
  (requested ?? []).forEach((document, index) => {
    const key = requestedDocumentKey(document, index);
    if (!known.has(key)) {
      known.add(key);
      list.push({ key });
    }
  });
  return list;
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
): Promise<Result<{ storageKey: string | null }>> {
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
  return ok({ storageKey: await unusedStorageKey(tx, removed[0]!.storageKey) });
}

/**
 * The key, when no attachment row uses its bytes any more (a document attached again from the
 * store shares its bytes with the first one); null while another row still needs them. The caller
 * deletes the bytes of a non-null key once its transaction has committed.
 */
export async function unusedStorageKey(tx: Tx, storageKey: string): Promise<string | null> {
  const [other] = await tx
    .select({ id: attachments.id })
    .from(attachments)
    .where(eq(attachments.storageKey, storageKey))
    .limit(1);
  return other ? null : storageKey;
}

export async function removeAttachment(
  actor: Actor,
  input: { dossierId: string; attachmentId: string },
): Promise<Result<null>> {
  const parsed = removeAttachmentSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { dossierId, attachmentId } = parsed.data;
  const result = await inTransaction(async (tx): Promise<Result<{ storageKey: string | null }>> => {
    const row = await lockForFiles(tx, actor, dossierId);
    if (!row) return err("not_found");
    if (!attachmentStatuses.includes(row.status as DossierStatus)) return err("invalid_transition");
    return removeAttachmentIn(tx, row, attachmentId);
  });
  if (!result.ok) return result;
  // Bytes another attachment still uses (attached from the store) stay.
  if (result.value.storageKey) await deleteStoredFile(result.value.storageKey);
  return ok(null);
}

export type AttachmentDownload = { fileName: string; mediaType: string; bytes: Uint8Array };

/** Why a file the actor may see is not served: not scanned yet, or found infected. */
export type DownloadError = "not_found" | "scan_pending" | "scan_rejected";

/**
 * An attachment's bytes, if the actor may see its dossier (otherwise "not_found"). Staff are
 * served only files the scanner found clean; nobody is served a rejected one.
 */
export async function readAttachment(
  actor: Actor,
  id: string,
): Promise<Result<AttachmentDownload, DownloadError>> {
  if (!uuid.safeParse(id).success) return err("not_found");
  const db = await getDb();
  const [row] = await db
    .select({
      fileName: attachments.fileName,
      mediaType: attachments.mediaType,
      storageKey: attachments.storageKey,
      scanStatus: attachments.scanStatus,
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
  if (row.scanStatus === "rejected") return err("scan_rejected");
  if (row.scanStatus !== "clean" && actor.kind === "staff") return err("scan_pending");
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

/**
 * Gives a verdict to files still pending (the scanner did not answer when they were stored): the
 * worker runs it on its timer. Returns how many files got one. A file whose bytes are gone is
 * rejected so it does not wait forever.
 */
export async function scanPendingAttachments(limit = 20): Promise<number> {
  const scanner = currentScanner();
  const db = await getDb();
  const pending = await db
    .select({ id: attachments.id, storageKey: attachments.storageKey })
    .from(attachments)
    .where(eq(attachments.scanStatus, "pending"))
    .orderBy(attachments.createdAt)
    .limit(limit);
  let done = 0;
  for (const file of pending) {
    let outcome: ScanOutcome;
    if (!scanner.active) outcome = { status: "clean", reason: null, at: new Date() };
    else {
      let bytes: Uint8Array | null = null;
      try {
        bytes = await readStoredFile(file.storageKey);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
      outcome = bytes ? await scanBytes(bytes) : { status: "rejected", reason: "missing", at: new Date() };
      if (outcome.status === "pending") break; // the scanner is down: try again next time
    }
    await db
      .update(attachments)
      .set(scanColumns(outcome))
      .where(and(eq(attachments.id, file.id), eq(attachments.scanStatus, "pending")));
    done++;
  }
  return done;
}
