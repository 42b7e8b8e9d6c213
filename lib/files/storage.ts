/**
 * Attachment bytes on local disk under <data dir>/files (S3-compatible storage is a later adapter).
 */
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { fileTypeFromBuffer } from "file-type";
import { dataDir } from "@/db/client";
import { cleanText } from "@/lib/forms/formText";
import { maxFileBytes } from "./limits";

export { maxFileBytes };
/** Detected from the content, never from the name. */
export const allowedMediaTypes = ["application/pdf", "image/jpeg", "image/png"] as const;

/**
 * The name an uploaded file is kept under, as the person's browser sent it but without NUL and
 * other control characters (PostgreSQL refuses NUL in text; the others break headers and logs).
 */
export function cleanFileName(name: string): string {
  return cleanText(name).trim();
}

export type StoredFile = { storageKey: string; mediaType: string; size: number; sha256: string };
export type StoreError = "file_type" | "file_too_large" | "empty";

/** "ab/cd/<uuid>": two levels from the hash keep folders small; the uuid keeps equal files apart. */
const storageKeyPattern =
  /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function filesRoot(): string {
  return path.join(dataDir(), "files");
}

/** The file's path, refusing any key that could reach outside the files folder. */
function pathOf(storageKey: string): string {
  if (!storageKeyPattern.test(storageKey))
    throw new Error(`Invalid storage key: ${JSON.stringify(storageKey)}`);
  const root = filesRoot();
  const full = path.resolve(root, storageKey);
  if (!full.startsWith(root + path.sep))
    throw new Error(`Invalid storage key: ${JSON.stringify(storageKey)}`);
  return full;
}

export async function storeFile(input: {
  fileName: string;
  bytes: Uint8Array;
}): Promise<{ ok: true; value: StoredFile } | { ok: false; error: StoreError }> {
  const { bytes } = input;
  if (bytes.byteLength === 0) return { ok: false, error: "empty" };
  if (bytes.byteLength > maxFileBytes) return { ok: false, error: "file_too_large" };
  const detected = await fileTypeFromBuffer(bytes);
  const mediaType = detected?.mime;
  if (!mediaType || !(allowedMediaTypes as readonly string[]).includes(mediaType)) {
    return { ok: false, error: "file_type" };
  }

  const sha256 = crypto.createHash("sha256").update(bytes).digest("hex");
  const storageKey = `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${crypto.randomUUID()}`;
  const target = pathOf(storageKey);
  await fs.mkdir(path.dirname(target), { recursive: true });
  // Write beside the target then rename, so a reader never sees a half-written file.
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    await fs.writeFile(temporary, bytes, { flag: "wx" });
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
  return { ok: true, value: { storageKey, mediaType, size: bytes.byteLength, sha256 } };
}

export async function readStoredFile(storageKey: string): Promise<Uint8Array> {
  return new Uint8Array(await fs.readFile(pathOf(storageKey)));
}

/** Removes a stored file (e.g. an attachment removed from a draft); a missing file is not an error. */
export async function deleteStoredFile(storageKey: string): Promise<void> {
  await fs.rm(pathOf(storageKey), { force: true });
}
