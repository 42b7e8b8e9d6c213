import { asc, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { dossierClockStops, dossierCodeCounters, dossierEvents, dossiers, outbox } from "@/db/schema";
import {
  addAttachment,
  getDossierDetail,
  getPublicStatus,
  listApplicantDossiers,
  performStaffAction,
  readAttachment,
  removeAttachment,
  saveDraft,
  startDraft,
  submitDossier,
  supplementDossier,
  withdrawDossier,
} from "@/lib/dossiers/service";
import { attachmentDisposition } from "@/lib/dossiers/download";
import type { DossierView } from "@/lib/dossiers/types";
import { expectOk, fileDossier, openWorld, pdfBytes, type World } from "../support/fixtures";

let db: Db;
let close: () => Promise<void>;
let world: World;

/** Local Vietnam time (UTC+7) as an instant. */
const vn = (local: string) => new Date(`${local}+07:00`);

beforeAll(async () => {
  ({ db, world, close } = await openWorld());
});

afterAll(async () => {
  vi.useRealTimers();
  await close();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("the whole lifecycle", () => {
  it("goes from draft to returned result with one event per step and notices in the outbox", async () => {
    const { applicantA, receiver, specialist, head, centre, justice } = world;
    // Friday 6 March 2026, 09:00 in Hà Nội.
    vi.setSystemTime(vn("2026-03-06T09:00:00"));

    const { dossierId } = expectOk(await startDraft(applicantA, { procedureCode: "1.001193" }));
    const draft = expectOk(await getDossierDetail(applicantA, { id: dossierId }));
    expect(draft.dossier).toMatchObject({
      status: "draft",
      code: null,
      channel: 2,
      applicantName: "Nguyễn Văn An",
      formData: {},
      receivingAgency: { id: centre.id, code: centre.code },
      competentAgency: { id: justice.id },
      procedure: { code: "1.001193" },
      procedureVersionId: world.procedure.versionId,
    });
    // History starts at submission.
    expect(draft.events).toEqual([]);

    expect(
      expectOk(await saveDraft(applicantA, { dossierId, answers: { childName: "Nguyễn Văn Bé" } })),
    ).toEqual({ issues: { doc_birth_notice: ["errors.documentRequired"] }, refused: {} });
    const attachment = expectOk(
      await addAttachment(applicantA, {
        dossierId,
        documentKey: "birth_notice",
        fileName: "giấy chứng sinh.pdf",
        bytes: pdfBytes(),
      }),
    );
    expect(attachment).toMatchObject({ documentKey: "birth_notice", mediaType: "application/pdf" });
    expect(attachment.sha256).toMatch(/^[0-9a-f]{64}$/);

    const submitted = expectOk(await submitDossier(applicantA, { dossierId }));
    expect(submitted.code).toBe("000.00.01.H33-260306-0001");
    expect(submitted.status).toBe("submitted");
    expect(submitted.submittedAt?.toISOString()).toBe(vn("2026-03-06T09:00:00").toISOString());
    const afterSubmit = await db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, dossierId));
    expect(afterSubmit.map((e) => e.action)).toEqual(["submit"]);

    const code = submitted.code!;
    vi.setSystemTime(vn("2026-03-06T09:30:00"));
    const accepted = expectOk(
      await performStaffAction(receiver, { action: "accept", code, version: submitted.version }),
    );
    expect(accepted.status).toBe("received");
    // 24 working hours = 3 working days from Friday 09:30: Mon 9, (Tue 10 off), Wed 11, Thu 12 09:30.
    expect(accepted.dueAt?.toISOString()).toBe(vn("2026-03-12T09:30:00").toISOString());
    expect(accepted.version).toBe(submitted.version + 1);

    vi.setSystemTime(vn("2026-03-09T08:00:00"));
    const assigned = expectOk(
      await performStaffAction(head, {
        action: "assign",
        code,
        version: accepted.version,
        assigneeId: specialist.userId,
      }),
    );
    expect(assigned.status).toBe("in_progress");
    expect(assigned.assignee).toEqual({ id: specialist.userId, name: specialist.name });

    vi.setSystemTime(vn("2026-03-09T10:00:00"));
    const proposed = expectOk(
      await performStaffAction(specialist, {
        action: "propose",
        code,
        version: assigned.version,
        proposal: "approve",
        comment: "Hồ sơ đầy đủ, đề nghị cấp.",
      }),
    );
    expect(proposed.status).toBe("proposed");

    vi.setSystemTime(vn("2026-03-09T14:00:00"));
    const approved = expectOk(
      await performStaffAction(head, { action: "approve", code, version: proposed.version }),
    );
    expect(approved).toMatchObject({ status: "done", outcome: "approved" });
    expect(approved.finishedAt?.toISOString()).toBe(vn("2026-03-09T14:00:00").toISOString());

    vi.setSystemTime(vn("2026-03-11T09:00:00"));
    const returned = expectOk(
      await performStaffAction(receiver, { action: "return_result", code, version: approved.version }),
    );
    expect(returned.status).toBe("returned");
    expect(returned.returnedAt?.toISOString()).toBe(vn("2026-03-11T09:00:00").toISOString());

    const staffView = expectOk(await getDossierDetail(receiver, { code }));
    expect(staffView.events.map((e) => e.action)).toEqual([
      "return_result",
      "approve",
      "propose",
      "assign",
      "accept",
      "submit",
    ]);
    expect(staffView.events.map((e) => e.actorName)).toEqual([
      receiver.name,
      head.name,
      specialist.name,
      head.name,
      receiver.name,
      applicantA.name,
    ]);
    expect(staffView.events[2]).toMatchObject({
      fromStatus: "in_progress",
      toStatus: "proposed",
      comment: "Hồ sơ đầy đủ, đề nghị cấp.",
    });
    expect(staffView.attachments.map((a) => a.id)).toEqual([attachment.id]);
    expect(staffView.allowedActions).toEqual([]);

    // The applicant sees what was done, not who did it nor the specialist's note to the head.
    const applicantView = expectOk(await getDossierDetail(applicantA, { id: dossierId }));
    expect(applicantView.events).toHaveLength(6);
    expect(applicantView.events.every((e) => e.actorName === null)).toBe(true);
    expect(applicantView.events[2]).toMatchObject({ action: "propose", comment: null, details: null });

    const notices = await db.select().from(outbox).orderBy(asc(outbox.id));
    const forDossier = notices.filter((n) => n.payload.dossierId === dossierId);
    expect(forDossier.map((n) => n.kind)).toEqual([
      "dossier.submitted",
      "dossier.accepted",
      "dossier.accepted",
      "dossier.assigned",
      "dossier.proposed",
      "dossier.decided",
      "dossier.decided",
      "dossier.returned",
    ]);
    expect(forDossier[0]).toMatchObject({ recipientId: null, payload: { agencyId: centre.id, code } });
    expect(forDossier[1]).toMatchObject({ recipientId: applicantA.userId });
    expect(forDossier[2]).toMatchObject({ recipientId: null, payload: { agencyId: justice.id } });
    expect(forDossier[3]).toMatchObject({ recipientId: specialist.userId });
    expect(forDossier[7]).toMatchObject({ recipientId: applicantA.userId, payload: { status: "returned" } });
  });
});

describe("supplements after acceptance", () => {
  it("stop the clock, extend the due date on the answer, and count every request", async () => {
    const { applicantA, receiver, specialist, head } = world;
    vi.setSystemTime(vn("2026-03-06T10:00:00"));
    const filed = await fileDossier(applicantA, "1.001193");
    const code = filed.code!;
    const accepted = expectOk(
      await performStaffAction(receiver, { action: "accept", code, version: filed.version }),
    );
    expect(accepted.dueAt?.toISOString()).toBe(vn("2026-03-12T10:00:00").toISOString());

    vi.setSystemTime(vn("2026-03-09T08:00:00"));
    const assigned = expectOk(
      await performStaffAction(head, {
        action: "assign",
        code,
        version: accepted.version,
        assigneeId: specialist.userId,
      }),
    );
    const requested = expectOk(
      await performStaffAction(specialist, {
        action: "request_supplement",
        code,
        version: assigned.version,
        comment: "Thiếu bản sao giấy chứng sinh có chứng thực.",
      }),
    );
    expect(requested).toMatchObject({ status: "supplement_requested", supplementCount: 1 });
    expect(requested.clockStoppedAt?.toISOString()).toBe(vn("2026-03-09T08:00:00").toISOString());
    let stops = await db.select().from(dossierClockStops).where(eq(dossierClockStops.dossierId, filed.id));
    expect(stops).toHaveLength(1);
    expect(stops[0]!.endedAt).toBeNull();

    // While asked for more, the applicant may add a file, and remove only what this round added.
    vi.setSystemTime(vn("2026-03-12T08:30:00"));
    const extra = expectOk(
      await addAttachment(applicantA, {
        dossierId: filed.id,
        documentKey: "other",
        fileName: "bản sao.pdf",
        bytes: pdfBytes("copy"),
      }),
    );
    const detail = expectOk(await getDossierDetail(applicantA, { id: filed.id }));
    const original = detail.attachments.find((a) => a.documentKey === "birth_notice")!;
    expect(
      await removeAttachment(applicantA, { dossierId: filed.id, attachmentId: original.id }),
    ).toMatchObject({
      ok: false,
      error: "forbidden",
    });

    vi.setSystemTime(vn("2026-03-12T09:00:00"));
    const answered = expectOk(
      await supplementDossier(applicantA, {
        dossierId: filed.id,
        version: requested.version,
        comment: "Đã bổ sung bản sao.",
      }),
    );
    expect(answered.status).toBe("in_progress");
    expect(answered.clockStoppedAt).toBeNull();
    // Stopped Mon 9 08:00 → answered Thu 12 09:00: 7 h + (Tue 10 off) 7 h 30 + 1 h 30 = 16 h of
    // working time, added to Thu 12 10:00: 5 h that day, 7 h 30 on Friday, 3 h 30 on Monday 16.
    expect(answered.dueAt?.toISOString()).toBe(vn("2026-03-16T11:00:00").toISOString());
    stops = await db.select().from(dossierClockStops).where(eq(dossierClockStops.dossierId, filed.id));
    expect(stops[0]!.endedAt?.toISOString()).toBe(vn("2026-03-12T09:00:00").toISOString());
    // The file of the answered round now stays too.
    expect(await removeAttachment(applicantA, { dossierId: filed.id, attachmentId: extra.id })).toMatchObject(
      {
        ok: false,
        error: "invalid_transition",
      },
    );

    vi.setSystemTime(vn("2026-03-13T08:00:00"));
    const again = expectOk(
      await performStaffAction(specialist, {
        action: "request_supplement",
        code,
        version: answered.version,
        comment: "Cần thêm xác nhận cư trú.",
      }),
    );
    expect(again.supplementCount).toBe(2);
    stops = await db.select().from(dossierClockStops).where(eq(dossierClockStops.dossierId, filed.id));
    expect(stops).toHaveLength(2);

    const notices = (await db.select().from(outbox)).filter((n) => n.payload.dossierId === filed.id);
    expect(notices.filter((n) => n.kind === "dossier.supplement_requested")).toHaveLength(2);
    expect(notices.find((n) => n.kind === "dossier.supplemented")?.recipientId).toBe(specialist.userId);
  });

  it("before acceptance: back to submitted, no clock stop, nothing counted", async () => {
    const { applicantA, receiver } = world;
    vi.setSystemTime(vn("2026-03-16T09:00:00"));
    const filed = await fileDossier(applicantA, "1.001193");
    const requested = expectOk(
      await performStaffAction(receiver, {
        action: "request_supplement",
        code: filed.code!,
        version: filed.version,
        comment: "Ảnh chụp mờ, đề nghị gửi lại.",
      }),
    );
    expect(requested).toMatchObject({
      status: "supplement_requested",
      supplementCount: 0,
      clockStoppedAt: null,
    });
    const answered = expectOk(
      await supplementDossier(applicantA, {
        dossierId: filed.id,
        version: requested.version,
        comment: "Đã gửi lại.",
      }),
    );
    expect(answered.status).toBe("submitted");
    const stops = await db.select().from(dossierClockStops).where(eq(dossierClockStops.dossierId, filed.id));
    expect(stops).toEqual([]);
  });
});

describe("drafts keep everything and submit checks it", () => {
  it("stores invalid answers but reports them, and refuses to submit until they are valid", async () => {
    const { applicantA } = world;
    vi.setSystemTime(vn("2026-03-17T09:00:00"));
    const { dossierId } = expectOk(await startDraft(applicantA, { procedureCode: "1.001193" }));
    const answers = { childName: "   ", note: "Sinh tại bệnh viện tỉnh", unexpected: { kept: true } };
    const saved = expectOk(await saveDraft(applicantA, { dossierId, answers }));
    expect(saved.issues.childName).toEqual(["errors.required"]);
    const [row] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    // A blank answer (spaces only) is no answer; the valid one cleaned; nothing outside the form definition.
    expect(row!.formData).toEqual({ note: "Sinh tại bệnh viện tỉnh" });

    expect(
      expectOk(
        await addAttachment(applicantA, {
          dossierId,
          documentKey: "birth_notice",
          fileName: "a.pdf",
          bytes: pdfBytes(),
        }),
      ),
    ).toBeTruthy();
    const refused = await submitDossier(applicantA, { dossierId });
    expect(refused).toMatchObject({
      ok: false,
      error: "invalid_input",
      issues: { childName: ["errors.required"] },
    });
    const [still] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    expect(still).toMatchObject({ status: "draft", code: null });
  });

  it("blocks submission while a required document is missing, then accepts it", async () => {
    const { applicantA } = world;
    vi.setSystemTime(vn("2026-03-17T10:00:00"));
    const countersBefore = await db.select().from(dossierCodeCounters);
    const { dossierId } = expectOk(await startDraft(applicantA, { procedureCode: "1.001193" }));
    expectOk(await saveDraft(applicantA, { dossierId, answers: { childName: "Lê Thị Hoa" } }));
    // An optional document does not stand in for the required one.
    const optional = expectOk(
      await addAttachment(applicantA, {
        dossierId,
        documentKey: "other",
        fileName: "x.pdf",
        bytes: pdfBytes(),
      }),
    );
    const missing = await submitDossier(applicantA, { dossierId });
    expect(missing).toEqual({
      ok: false,
      error: "missing_documents",
      issues: { doc_birth_notice: ["errors.documentRequired"] },
    });
    expect(await db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, dossierId))).toEqual([]);
    expect(await db.select().from(dossierCodeCounters)).toEqual(countersBefore);

    const wrong = expectOk(
      await addAttachment(applicantA, {
        dossierId,
        documentKey: "birth_notice",
        fileName: "y.pdf",
        bytes: pdfBytes(),
      }),
    );
    expectOk(await removeAttachment(applicantA, { dossierId, attachmentId: optional.id }));
    expect(
      expectOk(await getDossierDetail(applicantA, { id: dossierId })).attachments.map((a) => a.id),
    ).toEqual([wrong.id]);
    expect((await submitDossier(applicantA, { dossierId })).ok).toBe(true);
  });

  it("rejects unknown documents and files whose content is not an allowed type", async () => {
    const { applicantA } = world;
    const { dossierId } = expectOk(await startDraft(applicantA, { procedureCode: "1.001193" }));
    expect(
      await addAttachment(applicantA, {
        dossierId,
        documentKey: "passport",
        fileName: "p.pdf",
        bytes: pdfBytes(),
      }),
    ).toMatchObject({
      ok: false,
      error: "invalid_input",
      issues: { documentKey: ["errors.documentUnknown"] },
    });
    expect(
      await addAttachment(applicantA, {
        dossierId,
        documentKey: "birth_notice",
        fileName: "looks-like.pdf",
        bytes: new TextEncoder().encode("<html>not a pdf</html>"),
      }),
    ).toMatchObject({ ok: false, error: "file_type" });
  });

  it("asks which agency when the procedure is done by several", async () => {
    const { applicantA, justice, centre, otherJustice } = world;
    expect(await startDraft(applicantA, { procedureCode: "1.000656" })).toEqual({
      ok: false,
      error: "invalid_input",
      issues: { competentAgencyId: ["errors.agencyRequired"] },
    });
    expect(
      await startDraft(applicantA, { procedureCode: "1.000656", competentAgencyId: centre.id }),
    ).toMatchObject({ ok: false, error: "invalid_input" });
    const { dossierId } = expectOk(
      await startDraft(applicantA, { procedureCode: "1.000656", competentAgencyId: justice.id }),
    );
    const detail = expectOk(await getDossierDetail(applicantA, { id: dossierId }));
    expect(detail.dossier.competentAgency.id).toBe(justice.id);
    expect(detail.dossier.receivingAgency.id).toBe(centre.id);
    expect(detail.dossier.competentAgency.id).not.toBe(otherJustice.id);
    expect(await startDraft(applicantA, { procedureCode: "9.999999" })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await startDraft(world.receiver, { procedureCode: "1.001193" })).toEqual({
      ok: false,
      error: "forbidden",
    });
  });

  it("lists the applicant's dossiers newest first, drafts included", async () => {
    const { applicantB } = world;
    vi.setSystemTime(vn("2026-03-18T09:00:00"));
    const first = await fileDossier(applicantB, "1.001193");
    vi.setSystemTime(vn("2026-03-18T10:00:00"));
    const { dossierId: draftId } = expectOk(await startDraft(applicantB, { procedureCode: "1.001193" }));
    const { rows: list } = await listApplicantDossiers(applicantB);
    expect(list.map((d: DossierView) => d.id)).toEqual([draftId, first.id]);
    expect(list[1]!.procedure.nameVi).toBe("Thủ tục 1.001193");
    expect((await listApplicantDossiers(world.receiver)).rows).toEqual([]);
  });

  it("lets the applicant withdraw an open dossier", async () => {
    const { applicantB } = world;
    vi.setSystemTime(vn("2026-03-18T11:00:00"));
    const filed = await fileDossier(applicantB, "1.001193");
    const withdrawn = expectOk(
      await withdrawDossier(applicantB, { dossierId: filed.id, version: filed.version }),
    );
    expect(withdrawn.status).toBe("withdrawn");
    expect(await withdrawDossier(applicantB, { dossierId: filed.id, version: withdrawn.version })).toEqual({
      ok: false,
      error: "invalid_transition",
    });
  });
});

describe("public status and downloads", () => {
  it("shows status by code without personal data; unknown codes give null", async () => {
    const { applicantA, receiver } = world;
    vi.setSystemTime(vn("2026-03-19T09:00:00"));
    const filed = await fileDossier(applicantA, "1.001193", { answers: { childName: "Bé Riêng Tư" } });
    expectOk(
      await performStaffAction(receiver, { action: "accept", code: filed.code!, version: filed.version }),
    );
    const status = await getPublicStatus(filed.code!);
    expect(status).toMatchObject({
      code: filed.code,
      status: "received",
      nationalStatusCode: 2,
      procedure: { code: "1.001193" },
      receivingAgency: { code: "000.00.01.H33" },
      submittedAt: vn("2026-03-19T09:00:00").toISOString(),
      acceptedAt: vn("2026-03-19T09:00:00").toISOString(),
      finishedAt: null,
    });
    const json = JSON.stringify(status);
    expect(json).not.toContain(applicantA.name);
    expect(json).not.toContain("Bé Riêng Tư");
    expect(json).not.toContain(applicantA.userId);
    expect(Object.keys(status!).sort()).toEqual(
      [
        "acceptedAt",
        "code",
        "dueAt",
        "finishedAt",
        "nationalStatusCode",
        "procedure",
        "receivingAgency",
        "returnedAt",
        "status",
        "submittedAt",
      ].sort(),
    );
    expect(await getPublicStatus("000.00.01.H33-260319-9999")).toBeNull();
    expect(await getPublicStatus("not a code")).toBeNull();
    expect(await getPublicStatus("")).toBeNull();
  });

  it("gives an attachment's bytes to those who may see the dossier and nothing to others", async () => {
    const { applicantA, applicantB, receiver, otherReceiver } = world;
    const filed = await fileDossier(applicantA, "1.001193");
    const [attachment] = expectOk(await getDossierDetail(applicantA, { id: filed.id })).attachments;
    const mine = expectOk(await readAttachment(applicantA, attachment!.id));
    expect(mine.mediaType).toBe("application/pdf");
    expect(mine.fileName).toBe("giấy chứng sinh.pdf");
    expect(new TextDecoder().decode(mine.bytes)).toContain("%PDF-1.4");
    expect((await readAttachment(receiver, attachment!.id)).ok).toBe(true);
    expect(await readAttachment(applicantB, attachment!.id)).toEqual({ ok: false, error: "not_found" });
    expect(await readAttachment(otherReceiver, attachment!.id)).toEqual({ ok: false, error: "not_found" });
    expect(await readAttachment({ kind: "anonymous" }, attachment!.id)).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await readAttachment(applicantA, "../../etc/passwd")).toEqual({ ok: false, error: "not_found" });
  });

  it("names a download in RFC 5987 form so Vietnamese file names survive", () => {
    expect(attachmentDisposition("giấy chứng sinh.pdf")).toBe(
      "attachment; filename=\"giay chung sinh.pdf\"; filename*=UTF-8''gi%E1%BA%A5y%20ch%E1%BB%A9ng%20sinh.pdf",
    );
    expect(attachmentDisposition('a"b\r\n.pdf')).toBe(
      "attachment; filename=\"a_b__.pdf\"; filename*=UTF-8''a%22b%0D%0A.pdf",
    );
  });
});
