import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { dossiers } from "@/db/schema";
import {
  addAttachment,
  getDossierDetail,
  listApplicantDossiers,
  listAssignableSpecialists,
  listQueue,
  performStaffAction,
  removeAttachment,
  saveDraft,
  startDraft,
  submitDossier,
  supplementDossier,
  withdrawDossier,
} from "@/lib/dossiers/service";
import type { DossierView } from "@/lib/dossiers/types";
import { expectOk, fileDossier, openWorld, pdfBytes, type World } from "../support/fixtures";

let db: Db;
let close: () => Promise<void>;
let world: World;

const vn = (local: string) => new Date(`${local}+07:00`);
const notFound = { ok: false, error: "not_found" };

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

describe("applicants see and touch only their own dossiers", () => {
  it("applicant B cannot read or act on A's draft or dossier", async () => {
    const { applicantA, applicantB } = world;
    vi.setSystemTime(vn("2026-05-04T09:00:00"));
    const { dossierId: draftId } = expectOk(await startDraft(applicantA, { procedureCode: "1.001193" }));
    expect(await getDossierDetail(applicantB, { id: draftId })).toEqual(notFound);
    expect(await saveDraft(applicantB, { dossierId: draftId, answers: { childName: "x" } })).toEqual(
      notFound,
    );
    expect(
      await addAttachment(applicantB, {
        dossierId: draftId,
        documentKey: "birth_notice",
        fileName: "a.pdf",
        bytes: pdfBytes(),
      }),
    ).toEqual(notFound);
    expect(await submitDossier(applicantB, { dossierId: draftId })).toEqual(notFound);

    const filed = await fileDossier(applicantA, "1.001193");
    const [attachment] = expectOk(await getDossierDetail(applicantA, { id: filed.id })).attachments;
    expect(await getDossierDetail(applicantB, { id: filed.id })).toEqual(notFound);
    expect(await getDossierDetail(applicantB, { code: filed.code! })).toEqual(notFound);
    expect(await withdrawDossier(applicantB, { dossierId: filed.id, version: filed.version })).toEqual(
      notFound,
    );
    expect(
      await supplementDossier(applicantB, { dossierId: filed.id, version: filed.version, comment: "x" }),
    ).toEqual(notFound);
    expect(await removeAttachment(applicantB, { dossierId: filed.id, attachmentId: attachment!.id })).toEqual(
      notFound,
    );
    // An applicant is no officer, whatever they post.
    expect(
      await performStaffAction(applicantA, { action: "accept", code: filed.code!, version: filed.version }),
    ).toEqual({ ok: false, error: "forbidden" });
    expect(
      await performStaffAction(applicantB, { action: "accept", code: filed.code!, version: filed.version }),
    ).toEqual(notFound);
    expect((await getDossierDetail(applicantA, { code: filed.code! })).ok).toBe(true);
  });

  it("a viewer of the filing organisation sees its submitted dossiers, not its drafts", async () => {
    const { createApplicant, createOrganisation } = await import("../support/fixtures");
    const owner = await createApplicant(db, "Đặng Văn Chủ");
    const colleague = await createApplicant(db, "Bùi Thị Đồng Nghiệp");
    const {
      id: organisationId,
      members: [ownerInOrg, colleagueInOrg],
    } = await createOrganisation(db, [owner, colleague], ["owner", "viewer"]);
    vi.setSystemTime(vn("2026-05-04T10:00:00"));
    const filed = await fileDossier(ownerInOrg!, "1.001193");
    const { dossierId: draftId } = expectOk(await startDraft(ownerInOrg!, { procedureCode: "1.001193" }));
    // Filing for a business is a later issue; the dossier row already names the organisation.
    await db
      .update(dossiers)
      .set({ organisationId })
      .where(inArray(dossiers.id, [filed.id, draftId]));

    expect(expectOk(await getDossierDetail(colleagueInOrg!, { code: filed.code! })).dossier.id).toBe(
      filed.id,
    );
    expect(await getDossierDetail(colleagueInOrg!, { id: draftId })).toEqual(notFound);
    expect((await listApplicantDossiers(colleagueInOrg!)).rows.map((d) => d.id)).toEqual([filed.id]);
    // A viewer changes nothing (owners and filers do: tests/integration/organisations.test.ts).
    expect(await saveDraft(colleagueInOrg!, { dossierId: draftId, answers: { childName: "x" } })).toEqual(
      notFound,
    );
    expect(await getDossierDetail(world.applicantB, { code: filed.code! })).toEqual(notFound);
  });

  it("nobody reads a dossier with a malformed id or code, and the anonymous read nothing", async () => {
    const filed = await fileDossier(world.applicantA, "1.001193");
    expect(await getDossierDetail(world.applicantA, { id: "not-a-uuid" })).toEqual(notFound);
    expect(await getDossierDetail(world.applicantA, { code: "" })).toEqual(notFound);
    expect(await getDossierDetail({ kind: "anonymous" }, { code: filed.code! })).toEqual(notFound);
    expect(await listQueue({ kind: "anonymous" }, { bucket: "all" })).toMatchObject({ rows: [], total: 0 });
  });
});

describe("officers act only within their agencies and roles", () => {
  let filed: DossierView;

  it("an officer of another agency gets not_found, for reading and acting", async () => {
    vi.setSystemTime(vn("2026-05-05T09:00:00"));
    filed = await fileDossier(world.applicantA, "1.001193");
    const code = filed.code!;
    expect(await getDossierDetail(world.otherReceiver, { code })).toEqual(notFound);
    expect(await getDossierDetail(world.otherReceiver, { id: filed.id })).toEqual(notFound);
    expect(
      await performStaffAction(world.otherReceiver, { action: "accept", code, version: filed.version }),
    ).toEqual(notFound);
    expect(await listAssignableSpecialists(world.otherReceiver, code)).toEqual([]);
    // A system administrator runs the portal, not the casework.
    expect(await getDossierDetail(world.sysadmin, { code })).toEqual(notFound);
    expect(
      await performStaffAction(world.sysadmin, { action: "accept", code, version: filed.version }),
    ).toEqual(notFound);
  });

  it("staff never see an applicant's draft", async () => {
    const { dossierId } = expectOk(await startDraft(world.applicantA, { procedureCode: "1.001193" }));
    expect(await getDossierDetail(world.receiver, { id: dossierId })).toEqual(notFound);
    const queue = await listQueue(world.receiver, { bucket: "all", pageSize: 200 });
    expect(queue.rows.map((r) => r.id)).not.toContain(dossierId);
  });

  it("a specialist may read but not accept; the receiver sees what it may do", async () => {
    const code = filed.code!;
    const seen = expectOk(await getDossierDetail(world.specialist, { code }));
    expect(seen.allowedActions).toEqual([]);
    expect(
      await performStaffAction(world.specialist, { action: "accept", code, version: filed.version }),
    ).toEqual({
      ok: false,
      error: "forbidden",
    });
    const atDesk = expectOk(await getDossierDetail(world.receiver, { code }));
    expect(atDesk.allowedActions).toEqual(expect.arrayContaining(["accept", "refuse", "request_supplement"]));
    expect(atDesk.allowedActions).not.toContain("approve");
  });

  it("assigns only to a specialist of the competent agency", async () => {
    const code = filed.code!;
    const accepted = expectOk(
      await performStaffAction(world.receiver, { action: "accept", code, version: filed.version }),
    );
    expect(await listAssignableSpecialists(world.receiver, code)).toEqual([
      { id: world.specialist.userId, name: world.specialist.name },
    ]);
    for (const assigneeId of [world.otherSpecialist.userId, world.head.userId]) {
      expect(
        await performStaffAction(world.head, {
          action: "assign",
          code,
          version: accepted.version,
          assigneeId,
        }),
      ).toEqual({ ok: false, error: "assignee_invalid" });
    }
    // Nothing moved: the right assignment still works on the same version.
    expect(
      (
        await performStaffAction(world.head, {
          action: "assign",
          code,
          version: accepted.version,
          assigneeId: world.specialist.userId,
        })
      ).ok,
    ).toBe(true);
  });

  it("reports bad input as invalid_input with issues, never an exception", async () => {
    const result = await performStaffAction(world.receiver, {
      action: "refuse",
      code: filed.code!,
      version: 1,
      comment: "  ",
    });
    expect(result).toEqual({
      ok: false,
      error: "invalid_input",
      issues: { comment: ["errors.commentRequired"] },
    });
    const bogus = await performStaffAction(world.receiver, { action: "explode" } as never);
    expect(bogus).toMatchObject({ ok: false, error: "invalid_input" });
  });
});

describe("the queue", () => {
  it("shows only the actor's agencies, with counts per bucket, ordered by due date", async () => {
    // A fresh agency pair keeps this test's numbers its own.
    const { createAgency, createStaff, createProcedure, createApplicant } =
      await import("../support/fixtures");
    const desk = await createAgency(db, { code: "000.00.01.H40", kind: "province_centre" });
    const dept = await createAgency(db, { code: "000.00.02.H40" });
    const farDesk = await createAgency(db, { code: "000.00.01.H41", kind: "province_centre" });
    const receiver = await createStaff(db, "Tiếp Nhận H40", [{ agencyId: desk.id, role: "receiver" }]);
    const specialist = await createStaff(db, "Chuyên Viên H40", [{ agencyId: dept.id, role: "specialist" }]);
    const farReceiver = await createStaff(db, "Tiếp Nhận H41", [{ agencyId: farDesk.id, role: "receiver" }]);
    const applicant = await createApplicant(db, "Vũ Thị Lan");
    await createProcedure(db, {
      code: "2.000001",
      places: [{ competentAgencyId: dept.id, receivingAgencyId: desk.id }],
    });
    await createProcedure(db, {
      code: "2.000002",
      places: [{ competentAgencyId: dept.id, receivingAgencyId: farDesk.id }],
    });

    // Mon 4 May: three dossiers at desk H40, one at the far desk (decided by the same department).
    vi.setSystemTime(vn("2026-05-04T09:00:00"));
    const early = await fileDossier(applicant, "2.000001");
    const acceptedEarly = expectOk(
      await performStaffAction(receiver, { action: "accept", code: early.code!, version: early.version }),
    ); // due Thu 7 May
    vi.setSystemTime(vn("2026-05-06T09:00:00"));
    const later = await fileDossier(applicant, "2.000001");
    expectOk(
      await performStaffAction(receiver, { action: "accept", code: later.code!, version: later.version }),
    ); // due Mon 11 May
    const fresh = await fileDossier(applicant, "2.000001");
    const far = await fileDossier(applicant, "2.000002");

    // Thu 7 May 09:00: "early" is due today, "later" in two working days.
    vi.setSystemTime(vn("2026-05-07T09:00:00"));
    const all = await listQueue(receiver, { bucket: "all" });
    expect(all.rows.map((r) => r.id)).toEqual([acceptedEarly.id, later.id, fresh.id]);
    expect(all.counts).toEqual({
      new: 1,
      mine: 0,
      waiting: 0,
      consulting: 0,
      transferred_out: 0,
      due_soon: 2,
      overdue: 0,
      finished: 0,
      all: 3,
    });
    expect(all.total).toBe(3);
    expect(all.rows[0]!.receivingAgency.code).toBe("000.00.01.H40");
    expect(all.rows[0]!.competentAgency.id).toBe(dept.id);
    expect(all.rows[0]!.procedure.code).toBe("2.000001");

    const newOnes = await listQueue(receiver, { bucket: "new" });
    expect(newOnes.rows.map((r) => r.id)).toEqual([fresh.id]);
    expect(newOnes.total).toBe(1);

    // The far desk's queue excludes H40's dossiers; the department sees both desks' dossiers.
    const farQueue = await listQueue(farReceiver, { bucket: "all" });
    expect(farQueue.rows.map((r) => r.id)).toEqual([far.id]);
    expect(farQueue.counts.all).toBe(1);
    const deptQueue = await listQueue(specialist, { bucket: "all" });
    expect(deptQueue.counts.all).toBe(4);
    // "New" is a desk's business: the department has nothing new to receive.
    expect(deptQueue.counts.new).toBe(0);

    // Fri 8 May: "early" is overdue; paging keeps the order.
    vi.setSystemTime(vn("2026-05-08T09:00:00"));
    const overdue = await listQueue(receiver, { bucket: "overdue" });
    expect(overdue.rows.map((r) => r.id)).toEqual([acceptedEarly.id]);
    expect(overdue.counts).toMatchObject({ overdue: 1, due_soon: 1 });
    const page1 = await listQueue(receiver, { bucket: "all", pageSize: 2 });
    expect(page1.previous).toBe(null);
    const page2 = await listQueue(receiver, { bucket: "all", after: page1.next, pageSize: 2 });
    expect(page2.rows.map((r) => r.id)).toEqual([fresh.id]);
    expect(page2.total).toBe(3);
    expect(page2.next).toBe(null);

    expect(await listQueue(world.sysadmin, { bucket: "all" })).toMatchObject({ rows: [], total: 0 });
  });
});
