/**
 * Attachment bytes behind one interface (StorageAdapter): local disk under <data dir>/files by
 * default, any S3-compatible store when S3_BUCKET is set (lib/files/s3.ts). Keys are made here:
 * "ab/cd/<uuid>" (two levels from the content's hash keep folders small; the uuid keeps equal files
 * apart), and every key is checked before it reaches an adapter.
 */
import crypto from "node:crypto";
import fsp from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { dataDir } from "@/db/client";
import { cleanText } from "@/lib/forms/formText";
import { checkFile, type FileCheckError } from "./check";
import { maxFileBytes } from "./limits";
import { defaultKinds, type FileKind } from "./types";

export { maxFileBytes };

/**
 * Where bytes live. put never leaves a half-written object visible; get answers null for a key
 * with nothing stored; delete of a missing key is not an error.
 */
export interface StorageAdapter {
  readonly kind: "disk" | "s3";
  put(key: string, bytes: Uint8Array, mediaType: string): Promise<void>;
  get(key: string): Promise<Readable | null>;
  delete(key: string): Promise<void>;
}

/**
 * The name an uploaded file is kept under, as the person's browser sent it but without NUL and
 * other control characters (PostgreSQL refuses NUL in text; the others break headers and logs).
 */
export function cleanFileName(name: string): string {
  return cleanText(name).trim();
}

export type StoredFile = { storageKey: string; mediaType: string; size: number; sha256: string };
export type StoreError = FileCheckError;

const storageKeyPattern =
  /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Refuses any key the portal did not make (a key that could reach outside the files folder). */
export function checkedKey(storageKey: string): string {
  if (!storageKeyPattern.test(storageKey))
    throw new Error(`Invalid storage key: ${JSON.stringify(storageKey)}`);
  return storageKey;
}

export function newStorageKey(sha256: string): string {
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${crypto.randomUUID()}`;
}

/** Local disk: <root>/<key>, written beside the target then renamed. */
export function diskStorage(root: () => string = () => path.join(dataDir(), "files")): StorageAdapter {
  const pathOf = (key: string) => {
    const base = root();
    const full = path.resolve(base, checkedKey(key));
    if (!full.startsWith(base + path.sep)) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
    return full;
  };
  return {
    kind: "disk",
    async put(key, bytes) {
      const target = pathOf(key);
      await fsp.mkdir(path.dirname(target), { recursive: true });
      // Write beside the target then rename, so a reader never sees a half-written file.
      const temporary = `${target}.${process.pid}.tmp`;
      try {
        await fsp.writeFile(temporary, bytes, { flag: "wx" });
        await fsp.rename(temporary, target);
      } catch (error) {
        await fsp.rm(temporary, { force: true });
        throw error;
      }
    },
    async get(key) {
      const full = pathOf(key);
      try {
        const handle = await fsp.open(full, "r");
        return handle.createReadStream();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(key) {
      await fsp.rm(pathOf(key), { force: true });
    },
  };
}

let configured: { signature: string; adapter: StorageAdapter } | null = null;

/** The adapter the settings choose: S3 when S3_BUCKET is set, else the disk. */
export async function storage(env: NodeJS.ProcessEnv = process.env): Promise<StorageAdapter> {
  const signature = [env.S3_BUCKET, env.S3_ENDPOINT, env.S3_REGION, env.S3_ACCESS_KEY_ID].join("|");
  if (configured?.signature === signature) return configured.adapter;
  let adapter: StorageAdapter;
  if (env.S3_BUCKET) {
    // Loaded only when configured: a disk deployment never loads the AWS SDK.
    const { s3Storage, s3SettingsFrom } = await import("./s3");
    adapter = s3Storage(s3SettingsFrom(env));
  } else {
    adapter = diskStorage();
  }
  configured = { signature, adapter };
  return adapter;
}

/** A whole stream in memory (attachments are at most maxFileBytes). */
export async function collect(stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return new Uint8Array(Buffer.concat(chunks));
}

export function sha256Of(bytes: Uint8Array): string {
  return crypto.createHash("sha256").update(bytes).digest("hex");
}

/**
 * Checks a file by its content against the kinds its document takes, then stores it under a new
 * key. A refused file is not stored.
 */
export async function storeFile(input: {
  fileName: string;
  bytes: Uint8Array;
  kinds?: readonly FileKind[];
}): Promise<{ ok: true; value: StoredFile } | { ok: false; error: StoreError }> {
  const { bytes } = input;
  const checked = await checkFile(bytes, input.kinds ?? defaultKinds);
  if (!checked.ok) return checked;
  const sha256 = sha256Of(bytes);
  const storageKey = newStorageKey(sha256);
  await (await storage()).put(storageKey, bytes, checked.mediaType);
  return { ok: true, value: { storageKey, mediaType: checked.mediaType, size: bytes.byteLength, sha256 } };
}

/** The stored bytes; throws an ENOENT error when nothing is stored under the key. */
export async function readStoredFile(storageKey: string): Promise<Uint8Array> {
  const stream = await (await storage()).get(checkedKey(storageKey));
  if (!stream) throw Object.assign(new Error(`No stored file ${storageKey}`), { code: "ENOENT" });
  return collect(stream);
}

/** A stream of the stored bytes, or null when nothing is stored under the key. */
export async function openStoredFile(storageKey: string): Promise<Readable | null> {
  return (await storage()).get(checkedKey(storageKey));
}

/**
 * Removes stored bytes. Callers in lib/dossiers call it only once no attachment row uses the key any
 * more (a document attached again from the store shares its bytes); a missing file is not an error.
 */
export async function deleteStoredFile(storageKey: string): Promise<void> {
  await (await storage()).delete(checkedKey(storageKey));
}
