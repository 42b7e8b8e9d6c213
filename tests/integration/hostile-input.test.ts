import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addAttachment, getDossierDetail, startDraft } from "@/lib/dossiers/service";
import { cleanFileName } from "@/lib/files/storage";
import { expectOk, openWorld, pdfBytes, type World } from "../support/fixtures";

// PostgreSQL refuses NUL in text ("invalid byte sequence for encoding UTF8: 0x00"): every name that
// reaches a text column must have lost it first, or the request answers 500.
let world: World;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ world, close } = await openWorld());
});

afterAll(async () => {
  await close();
});

describe("uploaded file names", () => {
  it("lose NUL and other control characters, keep tab-free text and Vietnamese", () => {
    expect(cleanFileName("giấy\u0000 chứng sinh\u001F.pdf")).toBe("giấy chứng sinh.pdf");
    expect(cleanFileName(" \u0000 ")).toBe("");
  });

  it("are stored without NUL, and a name of NULs only is a missing name", async () => {
    const { applicantA } = world;
    const { dossierId } = expectOk(await startDraft(applicantA, { procedureCode: "1.001193" }));
    const attachment = expectOk(
      await addAttachment(applicantA, {
        dossierId,
        documentKey: "birth_notice",
        fileName: "scan\u0000.pdf",
        bytes: pdfBytes(),
      }),
    );
    expect(attachment.fileName).toBe("scan.pdf");
    const detail = expectOk(await getDossierDetail(applicantA, { id: dossierId }));
    expect(detail.attachments.map((a) => a.fileName)).toEqual(["scan.pdf"]);

    expect(
      await addAttachment(applicantA, {
        dossierId,
        documentKey: "birth_notice",
        fileName: "\u0000\u0000",
        bytes: pdfBytes(),
      }),
    ).toMatchObject({ ok: false, error: "invalid_input", issues: { fileName: ["errors.fileNameRequired"] } });
  });
});
