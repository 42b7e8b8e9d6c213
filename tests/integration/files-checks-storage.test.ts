import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import S3rver from "s3rver";
import { checkFile } from "@/lib/files/check";
import { maxFileBytes, maxFilesPerDocument } from "@/lib/files/limits";
import { s3Storage } from "@/lib/files/s3";
import { collect, diskStorage, newStorageKey, sha256Of, type StorageAdapter } from "@/lib/files/storage";
import { defaultKinds, kindsFor } from "@/lib/files/types";
import { storeChosenFiles } from "@/lib/dossiers/attachments";
import { pdfBytes } from "../support/fixtures";

/* Files refused by their content, each with its own reason; the storage adapters' one contract. */

/** A Windows program: "MZ", the PE header's offset at 0x3c, "PE\0\0" there. */
function exeBytes(): Uint8Array {
  const bytes = new Uint8Array(512);
  bytes.set([0x4d, 0x5a]);
  bytes.set([0x80, 0, 0, 0], 0x3c);
  bytes.set([0x50, 0x45, 0, 0], 0x80);
  return bytes;
}

/** The start of a phone's HEIC photo: the ftyp box with brand "heic". */
function heicBytes(): Uint8Array {
  const head = Buffer.concat([
    Buffer.from([0, 0, 0, 0x18]),
    Buffer.from("ftypheic"),
    Buffer.from([0, 0, 0, 0]),
    Buffer.from("mif1heic"),
  ]);
  return new Uint8Array(Buffer.concat([head, Buffer.alloc(256)]));
}

/** A minimal Word document: a ZIP (stored, no compression) with the parts file-type looks for. */
function docxBytes(): Uint8Array {
  const entries = [
    {
      name: "[Content_Types].xml",
      data: Buffer.from(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
    },
    { name: "word/document.xml", data: Buffer.from("<w:document/>") },
  ];
  const parts: Buffer[] = [];
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt32LE(entry.data.length, 18);
    header.writeUInt32LE(entry.data.length, 22);
    header.writeUInt16LE(name.length, 26);
    parts.push(header, name, entry.data);
  }
  return new Uint8Array(Buffer.concat(parts));
}

const htmlNamedPng = new TextEncoder().encode(
  "\uFEFF  <!DOCTYPE html><html><body><script>alert(1)</script></body></html>",
);

describe("file checks by content", () => {
  it("refuses a renamed program, an empty file, an over-limit file and a web page named .png, each with its own reason", async () => {
    expect(await checkFile(exeBytes(), defaultKinds)).toEqual({ ok: false, error: "file_program" });
    expect(await checkFile(new Uint8Array(), defaultKinds)).toEqual({ ok: false, error: "empty" });
    const big = new Uint8Array(maxFileBytes + 1);
    big.set(pdfBytes());
    expect(await checkFile(big, defaultKinds)).toEqual({ ok: false, error: "file_too_large" });
    expect(await checkFile(htmlNamedPng, defaultKinds)).toEqual({ ok: false, error: "file_web_page" });
    expect(await checkFile(new TextEncoder().encode("#!/bin/sh\nrm -rf /\n"), defaultKinds)).toEqual({
      ok: false,
      error: "file_program",
    });
    expect(await checkFile(new TextEncoder().encode("just some text"), defaultKinds)).toEqual({
      ok: false,
      error: "file_type",
    });
  });

  it("takes a phone's HEIC photo, and a DOCX only where the document allows it", async () => {
    expect(await checkFile(heicBytes(), defaultKinds)).toMatchObject({ ok: true, mediaType: "image/heic" });
    expect(await checkFile(docxBytes(), defaultKinds)).toEqual({ ok: false, error: "file_type" });
    const docxKinds = kindsFor({ mediaTypes: ["docx"] });
    expect(await checkFile(docxBytes(), docxKinds)).toMatchObject({
      ok: true,
      mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
    // The message for a document that takes Word files names them too.
    expect(await checkFile(new TextEncoder().encode("text"), docxKinds)).toEqual({
      ok: false,
      error: "file_type_docx",
    });
  });

  describe("in the upload loop", () => {
    let restore: () => void;
    beforeAll(() => {
      const previous = process.env.PORTAL_DATA_DIR;
      const directory = fs.mkdtempSync(path.join(os.tmpdir(), "portal-checks-"));
      process.env.PORTAL_DATA_DIR = directory;
      restore = () => {
        fs.rmSync(directory, { recursive: true, force: true });
        if (previous === undefined) delete process.env.PORTAL_DATA_DIR;
        else process.env.PORTAL_DATA_DIR = previous;
      };
    });
    afterAll(() => restore());

    it("keeps what is good, refuses the rest per file, and counts the files of one document", async () => {
      const documents = [{ key: "id_card" }, { key: "contract", mediaTypes: ["docx"] }];
      const { stored, refused } = await storeChosenFiles(documents, [
        { documentKey: "id_card", fileName: "anh-cccd.png", bytes: htmlNamedPng },
        { documentKey: "id_card", fileName: "cccd.pdf", bytes: exeBytes() },
        { documentKey: "id_card", fileName: "trong.pdf", bytes: new Uint8Array() },
        { documentKey: "id_card", fileName: "IMG_0001.HEIC", bytes: heicBytes() },
        { documentKey: "id_card", fileName: "hop-dong.docx", bytes: docxBytes() },
        { documentKey: "contract", fileName: "hop-dong.docx", bytes: docxBytes() },
      ]);
      expect(stored.map((file) => [file.documentKey, file.fileName, file.stored.mediaType])).toEqual([
        ["id_card", "IMG_0001.HEIC", "image/heic"],
        [
          "contract",
          "hop-dong.docx",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ],
      ]);
      expect(refused.map((file) => [file.fileName, file.error])).toEqual([
        ["anh-cccd.png", "file_web_page"],
        ["cccd.pdf", "file_program"],
        ["trong.pdf", "empty"],
        ["hop-dong.docx", "file_type"],
      ]);

      const many = Array.from({ length: maxFilesPerDocument + 1 }, (_, i) => ({
        documentKey: "id_card",
        fileName: `trang-${i}.pdf`,
        bytes: pdfBytes(`page ${i}`),
      }));
      const counted = await storeChosenFiles(documents, many, { id_card: 1 });
      expect(counted.stored).toHaveLength(maxFilesPerDocument - 1);
      expect(counted.refused.map((file) => file.error)).toEqual(["too_many_files", "too_many_files"]);
    });
  });
});

/** The contract every storage adapter keeps. */
function storageContract(name: string, adapter: () => StorageAdapter) {
  describe(`${name} storage`, () => {
    it("puts, gets as a stream, deletes, and answers null for a missing key", async () => {
      const store = adapter();
      const bytes = pdfBytes("contract");
      const key = newStorageKey(sha256Of(bytes));
      await store.put(key, bytes, "application/pdf");
      const stream = await store.get(key);
      expect(stream).not.toBeNull();
      expect(await collect(stream!)).toEqual(bytes);

      const other = newStorageKey(sha256Of(bytes));
      expect(await store.get(other)).toBeNull();
      await store.delete(key);
      expect(await store.get(key)).toBeNull();
      // Deleting what is not there is not an error.
      await store.delete(key);
    });

    it("refuses a key the portal did not make", async () => {
      const store = adapter();
      for (const key of ["../../etc/passwd", "ab/cd/not-a-uuid", "/abs"]) {
        await expect(store.get(key), key).rejects.toThrow(/Invalid storage key/);
        await expect(store.put(key, pdfBytes(), "application/pdf"), key).rejects.toThrow(
          /Invalid storage key/,
        );
      }
    });
  });
}

const diskRoot = fs.mkdtempSync(path.join(os.tmpdir(), "portal-disk-"));
afterAll(() => fs.rmSync(diskRoot, { recursive: true, force: true }));
storageContract("disk", () => diskStorage(() => diskRoot));

// The same contract against a local S3-compatible server (s3rver), through the AWS SDK v3 client.
let s3: S3rver | null = null;
let s3Port = 0;
const s3Directory = fs.mkdtempSync(path.join(os.tmpdir(), "portal-s3rver-"));
beforeAll(async () => {
  s3 = new S3rver({
    port: 0,
    address: "127.0.0.1",
    silent: true,
    directory: s3Directory,
    configureBuckets: [{ name: "portal", configs: [] }],
  });
  ({ port: s3Port } = await s3.run());
});
afterAll(async () => {
  await s3?.close();
  fs.rmSync(s3Directory, { recursive: true, force: true });
});
storageContract("S3-compatible", () =>
  s3Storage({
    bucket: "portal",
    endpoint: `http://127.0.0.1:${s3Port}`,
    region: "us-east-1",
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    forcePathStyle: true,
    prefix: "portal-files/",
  }),
);
