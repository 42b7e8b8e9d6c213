import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { workspaceFiles } from "@/db/schema/workspace";
import type { FileCheckError } from "@/lib/files/check";
import { maxFileBytes } from "@/lib/files/limits";
import { cleanFileName, openStoredFile, storeFile } from "@/lib/files/storage";
import type { FileKind } from "@/lib/files/types";
import { err, ok, type Result } from "@/lib/result";
import { looksClassified } from "./classified";

/*
 * Files of the workspace (draft decisions, request letters, reports): checked by content with
 * lib/files (type, programs, web pages, size), stored in lib/files storage, and listed in
 * workspace_files by owner. Classified material is refused before anything is stored.
 */

export type WorkspaceFileOwner =
  "opinion_form" | "agenda_item" | "minutes" | "task_report" | "conclusion_notice";

/** Why an upload is refused (messages: workspace.json files.errors.<code>). */
export type WorkspaceFileError = FileCheckError | "classified";

/** PDF and Word for drafts and letters, images for scans. */
export const workspaceFileKinds: readonly FileKind[] = ["pdf", "docx", "jpeg", "png"];

export type WorkspaceFileView = {
  id: string;
  role: string;
  fileName: string;
  mediaType: string;
  size: number;
  createdAt: Date;
};

/**
 * Checks and stores one upload (before the transaction that records it: storage is not
 * transactional; a stored file no row names is harmless). The caller has checked who may upload.
 */
export async function storeWorkspaceUpload(input: {
  file: File;
  description?: string | null;
}): Promise<
  Result<
    { fileName: string; storageKey: string; mediaType: string; size: number; sha256: string },
    WorkspaceFileError
  >
> {
  const fileName = cleanFileName(input.file.name || "file");
  if (looksClassified(fileName, input.description)) return err("classified");
  if (input.file.size === 0) return err("empty");
  if (input.file.size > maxFileBytes) return err("file_too_large");
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  const stored = await storeFile({ fileName, bytes, kinds: workspaceFileKinds });
  if (!stored.ok) return err(stored.error);
  return ok({ fileName, ...stored.value });
}

/** Records stored uploads as the owner's files, in the caller's transaction. */
export async function recordWorkspaceFiles(
  tx: Queryable,
  owner: { kind: WorkspaceFileOwner; id: string },
  uploadedBy: string,
  files: readonly {
    role: string;
    fileName: string;
    storageKey: string;
    mediaType: string;
    size: number;
    sha256: string;
  }[],
): Promise<void> {
  if (files.length === 0) return;
  await tx.insert(workspaceFiles).values(
    files.map((file) => ({
      ownerKind: owner.kind,
      ownerId: owner.id,
      role: file.role,
      fileName: file.fileName,
      mediaType: file.mediaType,
      size: file.size,
      sha256: file.sha256,
      storageKey: file.storageKey,
      uploadedBy,
    })),
  );
}

/** The files of some owners of one kind, oldest first. */
export async function filesOf(
  db: Queryable,
  kind: WorkspaceFileOwner,
  ownerIds: readonly string[],
): Promise<(WorkspaceFileView & { ownerId: string })[]> {
  if (ownerIds.length === 0) return [];
  return db
    .select({
      id: workspaceFiles.id,
      ownerId: workspaceFiles.ownerId,
      role: workspaceFiles.role,
      fileName: workspaceFiles.fileName,
      mediaType: workspaceFiles.mediaType,
      size: workspaceFiles.size,
      createdAt: workspaceFiles.createdAt,
    })
    .from(workspaceFiles)
    .where(and(eq(workspaceFiles.ownerKind, kind), inArray(workspaceFiles.ownerId, [...ownerIds])))
    .orderBy(asc(workspaceFiles.createdAt), asc(workspaceFiles.id));
}

/** One file's row and a stream of its bytes (the caller has checked the reader may see its owner). */
export async function openWorkspaceFile(
  db: Queryable,
  fileId: string,
): Promise<{
  row: typeof workspaceFiles.$inferSelect;
  stream: NonNullable<Awaited<ReturnType<typeof openStoredFile>>>;
} | null> {
  const [row] = await db.select().from(workspaceFiles).where(eq(workspaceFiles.id, fileId)).limit(1);
  if (!row || row.scanStatus !== "clean") return null;
  const stream = await openStoredFile(row.storageKey);
  return stream ? { row, stream } : null;
}
