import { formFields } from "@/lib/forms/definition";
import { singlePage } from "@/lib/forms/definition";
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { attachments, dossiers } from "@/db/schema";
import {
  addAttachment,
  addAttachments,
  getDossierDetail,
  saveDraft,
  startDraft,
  submitDossier,
} from "@/lib/dossiers/service";
import { maxPostBytes } from "@/lib/files/limits";
import type { FormDefinition } from "@/lib/forms/types";
import { createProcedure, expectOk, openWorld, pdfBytes, type World } from "../support/fixtures";

let db: Db;
let world: World;
let close: () => Promise<void>;

/** A birth-registration-like form with one field of each kind, for the limits of each. */
const sevenFields: FormDefinition = singlePage([
  { name: "childName", type: "text", label: { vi: "Tên", en: "Name" }, required: true, maxLength: 100 },
  { name: "address", type: "textarea", label: { vi: "Địa chỉ", en: "Address" }, required: true },
  { name: "phone", type: "tel", label: { vi: "Điện thoại", en: "Phone" }, required: false },
  { name: "idNumber", type: "idNumber", label: { vi: "Số định danh", en: "ID" }, required: true },
  { name: "email", type: "email", label: { vi: "Thư điện tử", en: "E-mail" }, required: false },
  { name: "birthDate", type: "date", label: { vi: "Ngày sinh", en: "Born" }, required: true },
  {
    name: "sex",
    type: "select",
    label: { vi: "Giới tính", en: "Sex" },
    required: true,
    options: [
      { value: "female", label: { vi: "Nữ", en: "Female" } },
      { value: "male", label: { vi: "Nam", en: "Male" } },
    ],
  },
]);

beforeAll(async () => {
  ({ db, world, close } = await openWorld());
  await createProcedure(db, {
    code: "9.000007",
    places: [{ competentAgencyId: world.justice.id, receivingAgencyId: world.centre.id }],
    form: sevenFields,
  });
});

afterAll(async () => {
  await close();
});

const draftOf = async (procedureCode = "1.001193") =>
  expectOk(await startDraft(world.applicantA, { procedureCode })).dossierId;
const storedAnswers = async (dossierId: string) =>
  (await db.select().from(dossiers).where(eq(dossiers.id, dossierId)))[0]!.formData;
const attachmentRows = (dossierId: string) =>
  db.select().from(attachments).where(eq(attachments.dossierId, dossierId));

/** Every file in the storage folder (the test's own temporary data folder). */
function storedFiles(): string[] {
  const root = path.join(process.env.PORTAL_DATA_DIR!, "files");
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[]).filter((name) =>
    fs.statSync(path.join(root, name)).isFile(),
  );
}

/** A PDF of the given size: a valid header, padded with a comment. */
function pdfOf(bytes: number): Uint8Array {
  const head = pdfBytes();
  const out = new Uint8Array(bytes).fill(0x25);
  out.set(head);
  return out;
}

describe("saveDraft", () => {
  it("saves answers, files and a removal in one go and answers what is still wrong in page order", async () => {
    const dossierId = await draftOf();
    const first = expectOk(
      await saveDraft(world.applicantA, {
        dossierId,
        answers: { note: "x".repeat(6000), childName: "" },
        files: [{ documentKey: "other", fileName: "khac.pdf", bytes: pdfBytes() }],
        otherDescription: "Giấy xác nhận khác",
      }),
    );
    // The form's fields in their order, then the documents: the order of the page and its summary.
    expect(Object.keys(first.issues)).toEqual(["childName", "note", "doc_birth_notice"]);
    expect(first.issues).toEqual({
      childName: ["errors.required"],
      note: ["errors.tooLong"],
      doc_birth_notice: ["errors.documentRequired"],
    });
    expect(first.refused).toEqual({ note: ["errors.tooLong"] });
    const [other] = await attachmentRows(dossierId);
    expect(other).toMatchObject({
      documentKey: "other",
      fileName: "khac.pdf",
      description: "Giấy xác nhận khác",
    });

    const second = expectOk(
      await saveDraft(world.applicantA, {
        dossierId,
        answers: { childName: "Nguyễn Văn Bé", note: "" },
        files: [{ documentKey: "birth_notice", fileName: "giay.pdf", bytes: pdfBytes() }],
        remove: other!.id,
      }),
    );
    expect(second).toEqual({ issues: {}, refused: {} });
    expect((await attachmentRows(dossierId)).map((a) => a.fileName)).toEqual(["giay.pdf"]);
    expect(storedFiles()).toHaveLength((await db.select().from(attachments)).length);
    expect(expectOk(await submitDossier(world.applicantA, { dossierId })).status).toBe("submitted");
    expect(await saveDraft(world.applicantA, { dossierId, answers: {} })).toEqual({
      ok: false,
      error: "invalid_transition",
    });
  });

  it("refuses seven 100 KB answers and stores nothing over the form definition's limits", async () => {
    const dossierId = await draftOf("9.000007");
    const valid = {
      childName: "Lê Minh Khang",
      address: "Số 1 đường Nguyễn Văn Linh, Phố Hiến",
      phone: "0912 345 678",
      idNumber: "033190001234",
      email: "me@example.com",
      birthDate: "2026-01-02",
      sex: "male",
    };
    expect(expectOk(await saveDraft(world.applicantA, { dossierId, answers: valid })).issues).toEqual({
      doc_birth_notice: ["errors.documentRequired"],
    });
    const before = await storedAnswers(dossierId);
    expect(before).toMatchObject({ phone: "0912345678", childName: "Lê Minh Khang" });

    const huge = "a".repeat(100 * 1024);
    const answers = Object.fromEntries(formFields(sevenFields).map((field) => [field.name, huge]));
    const saved = expectOk(await saveDraft(world.applicantA, { dossierId, answers }));
    expect(saved.refused).toEqual({
      childName: ["errors.maxLength"],
      address: ["errors.tooLong"],
      phone: ["errors.tooLong"],
      idNumber: ["errors.tooLong"],
      email: ["errors.tooLong"],
      birthDate: ["errors.tooLong"],
      sex: ["errors.tooLong"],
    });
    // Nothing over the limit reached the database: the draft still holds the earlier answers.
    expect(await storedAnswers(dossierId)).toEqual(before);
    expect(JSON.stringify(await storedAnswers(dossierId)).length).toBeLessThan(1000);

    // A wrong answer within the limits is kept as typed (nothing lost), and reported.
    const wrong = expectOk(
      await saveDraft(world.applicantA, { dossierId, answers: { ...valid, phone: "12345" } }),
    );
    expect(wrong.issues.phone).toEqual(["errors.phone"]);
    expect(wrong.refused).toEqual({});
    expect(await storedAnswers(dossierId)).toMatchObject({ phone: "12345" });
  });

  it("keeps no file of a save whose files exceed the per-post limit, but saves the answers", async () => {
    const dossierId = await draftOf();
    const nineMegabytes = 9 * 1024 * 1024;
    const files = [1, 2, 3, 4, 5].map((n) => ({
      documentKey: "birth_notice",
      fileName: `scan-${n}.pdf`,
      bytes: pdfOf(nineMegabytes),
    }));
    expect(files.reduce((sum, file) => sum + file.bytes.byteLength, 0)).toBeGreaterThan(maxPostBytes);
    const filesBefore = storedFiles().length;

    const saved = expectOk(
      await saveDraft(world.applicantA, { dossierId, answers: { childName: "Trần Thị Na" }, files }),
    );
    const tooLarge = [1, 2, 3, 4, 5].map((n) => `dossiers:errors.post_too_large::scan-${n}.pdf`);
    expect(saved.refused).toEqual({ doc_birth_notice: tooLarge });
    expect(saved.issues).toEqual({ doc_birth_notice: tooLarge });
    expect(await storedAnswers(dossierId)).toEqual({ childName: "Trần Thị Na" });
    expect(await attachmentRows(dossierId)).toEqual([]);
    expect(storedFiles()).toHaveLength(filesBefore);

    // The same five, one per request (what the form does with JavaScript on), all arrive.
    for (const file of files) expectOk(await addAttachment(world.applicantA, { dossierId, ...file }));
    expect((await attachmentRows(dossierId)).map((a) => a.fileName).sort()).toEqual(
      files.map((file) => file.fileName),
    );
    expect(storedFiles()).toHaveLength(filesBefore + 5);
  });

  it("deletes the stored bytes when its transaction does not commit", async () => {
    const dossierId = await draftOf();
    const filesBefore = storedFiles().length;
    const files = [1, 2, 3].map((n) => ({
      documentKey: "birth_notice",
      fileName: `p${n}.pdf`,
      bytes: pdfOf(4 * 1024 * 1024),
    }));
    const saving = saveDraft(world.applicantA, { dossierId, answers: { childName: "Hoa" }, files });
    // Once the first file is on disk, the draft is submitted elsewhere (another tab) before the
    // save's transaction starts: the save must give up and leave no orphan file behind.
    while (storedFiles().length === filesBefore) await new Promise((resolve) => setTimeout(resolve, 1));
    await db.update(dossiers).set({ status: "submitted" }).where(eq(dossiers.id, dossierId));
    expect(await saving).toEqual({ ok: false, error: "invalid_transition" });
    expect(await attachmentRows(dossierId)).toEqual([]);
    expect(storedFiles()).toHaveLength(filesBefore);
  });

  it("strips NUL from answers and from file names instead of failing", async () => {
    const dossierId = await draftOf();
    const saved = expectOk(
      await saveDraft(world.applicantA, {
        dossierId,
        answers: { childName: "Bé\u0000 Na", note: "\u0000" },
        files: [{ documentKey: "birth_notice", fileName: "scan\u0000.pdf", bytes: pdfBytes() }],
      }),
    );
    expect(saved).toEqual({ issues: {}, refused: {} });
    expect(await storedAnswers(dossierId)).toEqual({ childName: "Bé Na" });
    const detail = expectOk(await getDossierDetail(world.applicantA, { id: dossierId }));
    expect(detail.attachments.map((a) => a.fileName)).toEqual(["scan.pdf"]);

    // A name of NULs only is no name: that file is refused with a message, the save goes on.
    const nameless = expectOk(
      await saveDraft(world.applicantA, {
        dossierId,
        answers: { childName: "Bé Na" },
        files: [{ documentKey: "birth_notice", fileName: "\u0000\u0000", bytes: pdfBytes() }],
      }),
    );
    expect(nameless.refused).toEqual({ doc_birth_notice: ["errors.fileNameRequired"] });
  });

  it("answers the supplement's file loop the same way: refused files say why, the others stay", async () => {
    const dossierId = await draftOf();
    const added = expectOk(
      await addAttachments(world.applicantA, {
        dossierId,
        files: [
          { documentKey: "birth_notice", fileName: "ok.pdf", bytes: pdfBytes() },
          { documentKey: "birth_notice", fileName: "page.html", bytes: new TextEncoder().encode("<html>") },
          { documentKey: "birth_notice", fileName: "empty.pdf", bytes: new Uint8Array() },
        ],
      }),
    );
    expect(added.added.map((a) => a.fileName)).toEqual(["ok.pdf"]);
    expect(added.refused.map((r) => [r.fileName, r.error])).toEqual([
      ["page.html", "file_web_page"],
      ["empty.pdf", "empty"],
    ]);
    expect(await addAttachments(world.applicantB, { dossierId, files: [] })).toEqual({
      ok: false,
      error: "not_found",
    });
  });
});
