import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteStoredFile, maxFileBytes, readStoredFile, storeFile } from "@/lib/files/storage";

const pdf = new TextEncoder().encode(
  [
    "%PDF-1.4",
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
    "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj",
    "trailer << /Root 1 0 R >>",
    "%%EOF",
    "",
  ].join("\n"),
);
// A 1×1 PNG.
const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);
const jpeg = Uint8Array.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
  0x00, 0x00, 0xff, 0xd9,
]);
const sha256 = (bytes: Uint8Array) => crypto.createHash("sha256").update(bytes).digest("hex");

let directory: string;
const previous = process.env.PORTAL_DATA_DIR;

beforeAll(() => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), "portal-files-"));
  process.env.PORTAL_DATA_DIR = directory;
});

afterAll(() => {
  if (previous === undefined) delete process.env.PORTAL_DATA_DIR;
  else process.env.PORTAL_DATA_DIR = previous;
  fs.rmSync(directory, { recursive: true, force: true });
});

describe("storing attachments", () => {
  it("accepts a PDF, stores it under files/ by its hash and reads it back", async () => {
    const result = await storeFile({ fileName: "giay-khai-sinh.pdf", bytes: pdf });
    if (!result.ok) throw new Error(result.error);
    const hash = sha256(pdf);
    expect(result.value).toMatchObject({ mediaType: "application/pdf", size: pdf.byteLength, sha256: hash });
    expect(result.value.storageKey).toMatch(
      new RegExp(`^${hash.slice(0, 2)}/${hash.slice(2, 4)}/[0-9a-f-]{36}$`),
    );
    const onDisk = path.join(directory, "files", result.value.storageKey);
    expect(fs.readFileSync(onDisk)).toEqual(Buffer.from(pdf));
    expect(await readStoredFile(result.value.storageKey)).toEqual(new Uint8Array(pdf));
    // No temporary file is left beside it.
    expect(fs.readdirSync(path.dirname(onDisk))).toEqual([path.basename(onDisk)]);
  });

  it("detects images by their content, whatever the name says", async () => {
    const image = await storeFile({ fileName: "scan.pdf", bytes: png });
    expect(image).toMatchObject({ ok: true, value: { mediaType: "image/png", sha256: sha256(png) } });
    const photo = await storeFile({ fileName: "photo", bytes: jpeg });
    expect(photo).toMatchObject({ ok: true, value: { mediaType: "image/jpeg" } });
  });

  it("keeps two uploads of the same bytes apart", async () => {
    const a = await storeFile({ fileName: "a.png", bytes: png });
    const b = await storeFile({ fileName: "b.png", bytes: png });
    if (!a.ok || !b.ok) throw new Error("not stored");
    expect(a.value.storageKey).not.toBe(b.value.storageKey);
    await deleteStoredFile(a.value.storageKey);
    await expect(readStoredFile(a.value.storageKey)).rejects.toThrow();
    expect(await readStoredFile(b.value.storageKey)).toEqual(new Uint8Array(png));
  });

  it("refuses text named .pdf, other types, empty and oversize files", async () => {
    const text = new TextEncoder().encode("This is not a PDF at all.\n");
    expect(await storeFile({ fileName: "x.pdf", bytes: text })).toEqual({ ok: false, error: "file_type" });
    const gif = new TextEncoder().encode("GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;");
    expect(await storeFile({ fileName: "x.png", bytes: gif })).toEqual({ ok: false, error: "file_type" });
    expect(await storeFile({ fileName: "x.pdf", bytes: new Uint8Array() })).toEqual({
      ok: false,
      error: "empty",
    });
    const big = new Uint8Array(maxFileBytes + 1);
    big.set(pdf);
    expect(await storeFile({ fileName: "big.pdf", bytes: big })).toEqual({
      ok: false,
      error: "file_too_large",
    });
    const atLimit = new Uint8Array(maxFileBytes);
    atLimit.set(pdf);
    expect(await storeFile({ fileName: "limit.pdf", bytes: atLimit })).toMatchObject({ ok: true });
  });

  it("refuses storage keys that try to leave the files folder", async () => {
    fs.writeFileSync(path.join(directory, "secret.txt"), "secret");
    for (const key of [
      "../secret.txt",
      "ab/../../secret.txt",
      path.join(directory, "secret.txt"),
      "/etc/passwd",
      "",
    ]) {
      await expect(readStoredFile(key), key).rejects.toThrow(/Invalid storage key/);
    }
  });
});
