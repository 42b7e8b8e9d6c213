/**
 * CONTRACT — signatures fixed, bodies being written (lifecycle-rules task).
 * Attachment bytes on local disk under <data dir>/files (S3-compatible storage is a later adapter).
 */
export const maxFileBytes = 10 * 1024 * 1024;
/** Detected from the content, never from the name. */
export const allowedMediaTypes = ["application/pdf", "image/jpeg", "image/png"] as const;

export type StoredFile = { storageKey: string; mediaType: string; size: number; sha256: string };
export type StoreError = "file_type" | "file_too_large" | "empty";

export async function storeFile(input: {
  fileName: string;
  bytes: Uint8Array;
}): Promise<{ ok: true; value: StoredFile } | { ok: false; error: StoreError }> {
  void input;
  throw new Error("lib/files/storage.ts is being written");
}

export async function readStoredFile(storageKey: string): Promise<Uint8Array> {
  void storageKey;
  throw new Error("lib/files/storage.ts is being written");
}
