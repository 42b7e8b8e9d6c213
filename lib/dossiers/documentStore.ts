import "server-only";
import { and, desc, eq, inArray, ne, notInArray, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Queryable } from "@/db/client";
import { attachments } from "@/db/schema/attachments";
import { dossiers } from "@/db/schema/dossiers";
import type { LocalisedText } from "@/lib/forms/types";
import { maxFilesPerDocument } from "@/lib/files/limits";
import { kindOf, kindsFor } from "@/lib/files/types";
import type { Actor } from "@/lib/identity/types";
import { err, ok } from "@/lib/result";
import { documentsFor, toAttachmentView } from "./attachments";
import { findDossier, ownedBy, selectDossiers } from "./queries";
import { asRequestedDocuments, requestedDocumentKey } from "./requestedDocuments";
import { inTransaction, loadProcedureVersion } from "./transaction";
import type { AttachmentView, DossierStatus, Result } from "./types";

/*
 * The applicant's document store ("once only"): the files they gave in their earlier dossiers
 * (submitted: a draft's files are still theirs to change) and the results they received (the
 * e-result), each file once (by SHA-256). A file from the store is attached to a new dossier
 * without sending it again: the new attachment row reuses the stored bytes (reused_from), which are
 * deleted only when no row uses them any more (attachments.ts unusedStorageKey).
 *
 * Only the dossiers' owner may list or attach (ownedBy: members of an organisation, once
 * organisations land, through the same condition).
 */

/** Files kept with the agencies' exchanges are never the applicant's. */
const agencyOnly = ["consultation_question", "consultation_answer"];

export type StoredDocument = {
  /** the attachment to attach from (the latest one with these bytes) */
  id: string;
  /** the document's name: the procedure's (per language), or the applicant's words */
  name: LocalisedText;
  documentKey: string;
  kind: "document" | "result";
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  /** the dossier it was last given with */
  dossierCode: string | null;
  procedureName: LocalisedText;
  at: Date;
};

/** The rows the actor's store is made of; none for anyone but an applicant. */
function storeConditions(actor: Actor): SQL {
  return and(
    ownedBy(actor),
    ne(dossiers.status, "draft"),
    notInArray(attachments.documentKey, agencyOnly),
    // A rejected file (the virus check) is never given again; a pending one waits for its verdict.
    eq(attachments.scanStatus, "clean"),
  ) as SQL;
}

async function storeRows(q: Queryable, actor: Actor, extra?: SQL) {
  return q
    .select({
      id: attachments.id,
      documentKey: attachments.documentKey,
      description: attachments.description,
      fileName: attachments.fileName,
      mediaType: attachments.mediaType,
      size: attachments.size,
      sha256: attachments.sha256,
      storageKey: attachments.storageKey,
      scanStatus: attachments.scanStatus,
      scannedAt: attachments.scannedAt,
      scanReason: attachments.scanReason,
      reusedFrom: attachments.reusedFrom,
      createdAt: attachments.createdAt,
      dossierId: dossiers.id,
      dossierCode: dossiers.code,
      procedureVersionId: dossiers.procedureVersionId,
    })
    .from(attachments)
    .innerJoin(dossiers, eq(dossiers.id, attachments.dossierId))
    .where(extra ? and(storeConditions(actor), extra) : storeConditions(actor))
    .orderBy(desc(attachments.createdAt), desc(attachments.id));
}

/** The actor's stored documents, newest first, each file (by its content) once. */
export async function listStoredDocuments(actor: Actor): Promise<StoredDocument[]> {
  if (actor.kind !== "applicant") return [];
  const db = await getDb();
  const rows = await storeRows(db, actor);
  const seen = new Set<string>();
  const unique = rows.filter((row) => {
    if (seen.has(row.sha256)) return false;
    seen.add(row.sha256);
    return true;
  });
  const versions = new Map<string, Awaited<ReturnType<typeof loadProcedureVersion>>>();
  for (const id of new Set(unique.map((row) => row.procedureVersionId))) {
    versions.set(id, await loadProcedureVersion(db, id));
  }
  const dossierIds = [...new Set(unique.map((row) => row.dossierId))];
  const procedureNames = new Map(
    dossierIds.length === 0
      ? []
      : (await selectDossiers(db).where(inArray(dossiers.id, dossierIds))).map((row) => [
          row.id,
          { vi: row.procedure.nameVi, en: row.procedure.nameEn },
        ]),
  );
  return unique.map((row) => {
    const version = versions.get(row.procedureVersionId)!;
    const listed = version.documents.find((document) => document.key === row.documentKey);
    const procedureName = procedureNames.get(row.dossierId) ?? { vi: "", en: "" };
    const isResult = row.documentKey === "e_result";
    const name: LocalisedText = listed
      ? listed.name
      : isResult
        ? { vi: `Kết quả: ${procedureName.vi}`, en: `Result: ${procedureName.en}` }
        : { vi: row.description ?? row.fileName, en: row.description ?? row.fileName };
    return {
      id: row.id,
      name,
      documentKey: row.documentKey,
      kind: isResult ? "result" : "document",
      fileName: row.fileName,
      mediaType: row.mediaType,
      size: row.size,
      sha256: row.sha256,
      dossierCode: row.dossierCode,
      procedureName,
      at: row.createdAt,
    };
  });
}

/**
 * The stored documents a document slot can take (its file kinds), those given before for the same
 * document first: what StoreAttachPicker offers next to a file input.
 */
export async function storedDocumentsFor(
  actor: Actor,
  document: { key: string; mediaTypes?: readonly string[] },
): Promise<StoredDocument[]> {
  const kinds = kindsFor(document);
  const all = await listStoredDocuments(actor);
  const fits = all.filter((stored) => {
    const kind = kindOf(stored.mediaType);
    return kind !== null && kinds.includes(kind);
  });
  return [
    ...fits.filter((stored) => stored.documentKey === document.key),
    ...fits.filter((stored) => stored.documentKey !== document.key),
  ];
}

const attachSchema = z.object({
  dossierId: z.uuid(),
  sourceAttachmentId: z.uuid(),
  documentKey: z.string().min(1).max(100),
});

/** Statuses in which the applicant may add documents (as attachments.ts). */
const openStatuses: readonly DossierStatus[] = ["draft", "supplement_requested"];

export type AttachFromStoreError =
  "not_found" | "invalid_input" | "invalid_transition" | "unknown_document" | "file_type" | "too_many_files";

/**
 * Applicant: attaches a file of their store to one of their open dossiers for one document,
 * without sending it again. The same file already attached there for that document is not
 * attached twice (the existing attachment is the answer). Another person's file, or a dossier not
 * theirs, is "not_found".
 */
export async function attachFromStore(
  actor: Actor,
  dossierId: string,
  sourceAttachmentId: string,
  documentKey: string,
): Promise<Result<AttachmentView, AttachFromStoreError>> {
  const parsed = attachSchema.safeParse({ dossierId, sourceAttachmentId, documentKey });
  if (!parsed.success) return err("invalid_input");
  if (actor.kind !== "applicant") return err("not_found");
  return inTransaction(async (tx): Promise<Result<AttachmentView, AttachFromStoreError>> => {
    const dossier = await findDossier(tx, and(eq(dossiers.id, dossierId), ownedBy(actor)) as SQL, {
      forUpdate: true,
    });
    if (!dossier) return err("not_found");
    if (!openStatuses.includes(dossier.status as DossierStatus)) return err("invalid_transition");
    const version = await loadProcedureVersion(tx, dossier.procedureVersionId);
    const requested = asRequestedDocuments(dossier.requestedDocuments);
    const document = documentsFor(version.documents, requested).find((d) => d.key === documentKey);
    if (!document) return err("unknown_document");

    // The source, locked against its removal (which would delete bytes this row is about to share).
    const [source] = await tx
      .select({
        id: attachments.id,
        fileName: attachments.fileName,
        mediaType: attachments.mediaType,
        size: attachments.size,
        sha256: attachments.sha256,
        storageKey: attachments.storageKey,
        description: attachments.description,
        scannedAt: attachments.scannedAt,
        reusedFrom: attachments.reusedFrom,
      })
      .from(attachments)
      .innerJoin(dossiers, eq(dossiers.id, attachments.dossierId))
      .where(and(storeConditions(actor), eq(attachments.id, sourceAttachmentId)))
      .limit(1)
      .for("share", { of: attachments });
    if (!source) return err("not_found");
    const kind = kindOf(source.mediaType);
    if (!kind || !kindsFor(document).includes(kind)) return err("file_type");

    const present = await tx
      .select()
      .from(attachments)
      .where(and(eq(attachments.dossierId, dossierId), eq(attachments.documentKey, documentKey)));
    const same = present.find((row) => row.sha256 === source.sha256);
    if (same) return ok(toAttachmentView(same));
    if (present.length >= maxFilesPerDocument) return err("too_many_files");

    const requestedName = requested
      .map((d, index) => ({ key: requestedDocumentKey(d, index), name: d.name }))
      .find((d) => d.key === documentKey && d.key.startsWith("requested_"))?.name;
    const [row] = await tx
      .insert(attachments)
      .values({
        dossierId,
        documentKey,
        fileName: source.fileName,
        mediaType: source.mediaType,
        size: source.size,
        sha256: source.sha256,
        storageKey: source.storageKey,
        description: requestedName ?? source.description,
        scanStatus: "clean",
        scannedAt: source.scannedAt,
        reusedFrom: source.reusedFrom ?? source.id,
        uploadedBy: dossier.applicantId,
      })
      .returning();
    return ok(toAttachmentView(row!));
  });
}
