import { and, asc, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import {
  attachments,
  dossierClockStops,
  dossierConsultations,
  dossierEvents,
  dossiers,
  dossierTransferLegs,
  outbox,
} from "@/db/schema";
import {
  getDossierDetail,
  listOpenConsultations,
  listQueue,
  performStaffAction,
  readAttachment,
} from "@/lib/dossiers/service";
import type { StaffActionCommand } from "@/lib/dossiers/schema";
import type { DossierView } from "@/lib/dossiers/types";
import type { Actor } from "@/lib/identity/types";
import { getTransparencyReport, getTransparencyReportFromEvents } from "@/lib/reports/service";
import {
  createProcedure,
  createStaff,
  expectOk,
  fileDossier,
  openWorld,
  pdfBytes,
  type StaffActor,
  type World,
} from "../support/fixtures";

/* Consultations, transfers along a chain, the apology, release, and the ways a result is returned. */

let db: Db;
let close: () => Promise<void>;
let world: World;
let otherHead: StaffActor;

const vn = (local: string) => new Date(`${local}+07:00`);
/**
 * The reports' "now": after every event these tests write, and in March 2026, so March stays the
 * open month (a closed month's figures are summed once: no test writes into one afterwards). Made
 * on each call: under a set clock, a Date from before it is not a Date to the database driver.
 */
const reportNow = () => vn("2026-03-31T12:00:00");

async function lateFinished(agencyCode: string) {
  const query = { from: "2026-03", to: "2026-03", agencyCode };
  const [fromRollups, fromEvents] = await Promise.all([
    getTransparencyReport(query, reportNow()),
    getTransparencyReportFromEvents(query, reportNow()),
  ]);
  expect(fromRollups).toEqual(fromEvents);
  if (!fromRollups.ok) throw new Error(fromRollups.error);
  return fromRollups.value.total.finishedLate;
}

beforeAll(async () => {
  ({ db, world, close } = await openWorld());
  otherHead = await createStaff(db, "Ngô Văn Lãnh Đạo Sở Khác", [
    { agencyId: world.otherJustice.id, role: "head" },
  ]);
});

afterAll(async () => {
  vi.useRealTimers();
  await close();
});

afterEach(() => {
  vi.useRealTimers();
});

async function act(
  actor: Actor,
  command: StaffActionCommand,
  files: { fileName: string; bytes: Uint8Array }[] = [],
) {
  return performStaffAction(actor, command, files);
}

/** Filed Friday 6 March 2026, accepted 09:30 (due Thursday 12 March 17:00), assigned Monday 9 March. */
async function inProgress(procedureCode = "1.001193"): Promise<DossierView> {
  const { applicantA, receiver, head, specialist } = world;
  vi.setSystemTime(vn("2026-03-06T09:00:00"));
  const filed = await fileDossier(applicantA, procedureCode);
  vi.setSystemTime(vn("2026-03-06T09:30:00"));
  const accepted = expectOk(
    await act(receiver, { action: "accept", code: filed.code!, version: filed.version }),
  );
  vi.setSystemTime(vn("2026-03-09T08:00:00"));
  return expectOk(
    await act(head, {
      action: "assign",
      code: filed.code!,
      version: accepted.version,
      assigneeId: specialist.userId,
    }),
  );
}

const noticesOf = async (dossierId: string) =>
  (await db.select().from(outbox).orderBy(asc(outbox.id))).filter((n) => n.payload.dossierId === dossierId);

describe("consult another agency", () => {
  it("asks with a document, the other agency answers in the app, the clock runs on, all in the history", async () => {
    const { specialist, otherSpecialist, otherJustice, justice, applicantA, applicantB } = world;
    const dossier = await inProgress();
    const code = dossier.code!;

    vi.setSystemTime(vn("2026-03-09T10:00:00"));
    const asked = expectOk(
      await act(
        specialist,
        {
          action: "consult",
          code,
          version: dossier.version,
          toAgencyId: otherJustice.id,
          comment: "Đề nghị cho ý kiến về nơi cư trú của người mẹ.",
        },
        [{ fileName: "công văn hỏi.pdf", bytes: pdfBytes("question") }],
      ),
    );
    // The dossier waits without stopping its clock.
    expect(asked).toMatchObject({ status: "in_progress", clockStoppedAt: null });
    expect(asked.dueAt).toEqual(dossier.dueAt);
    expect(
      await db.select().from(dossierClockStops).where(eq(dossierClockStops.dossierId, dossier.id)),
    ).toEqual([]);
    // The asking agency's queue shows it under "asked another agency".
    expect((await listQueue(specialist, { bucket: "consulting" })).rows.map((r) => r.code)).toContain(code);
    const [consultation] = await db
      .select()
      .from(dossierConsultations)
      .where(eq(dossierConsultations.dossierId, dossier.id));
    expect(consultation).toMatchObject({
      fromAgencyId: justice.id,
      toAgencyId: otherJustice.id,
      askedBy: specialist.userId,
      answer: null,
    });

    // The other agency sees it in its list, and the dossier with the question's document.
    const open = await listOpenConsultations(otherSpecialist);
    expect(open.map((c) => [c.dossierCode, c.question])).toEqual([
      [code, "Đề nghị cho ý kiến về nơi cư trú của người mẹ."],
    ]);
    expect(await listOpenConsultations(specialist)).toEqual([]);
    const seen = expectOk(await getDossierDetail(otherSpecialist, { code }));
    expect(seen.allowedActions).toEqual(["answer_consultation"]);
    const [question] = seen.consultations;
    expect(question!.questionDocuments.map((d) => d.fileName)).toEqual(["công văn hỏi.pdf"]);
    expect(expectOk(await readAttachment(otherSpecialist, question!.questionDocuments[0]!.id)).fileName).toBe(
      "công văn hỏi.pdf",
    );
    // The applicant sees that another agency is asked, not the exchange nor its documents.
    const mine = expectOk(await getDossierDetail(applicantA, { code }));
    expect(mine.consultations).toEqual([]);
    expect(mine.attachments.map((a) => a.documentKey)).toEqual(["birth_notice"]);
    expect(mine.events[0]).toMatchObject({ action: "consult", comment: null, details: null });
    expect((await readAttachment(applicantA, question!.questionDocuments[0]!.id)).ok).toBe(false);
    expect(await getDossierDetail(applicantB, { code })).toMatchObject({ ok: false });

    vi.setSystemTime(vn("2026-03-10T15:00:00"));
    const answered = expectOk(
      await act(
        otherSpecialist,
        {
          action: "answer_consultation",
          code,
          version: seen.dossier.version,
          consultationId: consultation!.id,
          comment: "Người mẹ thường trú tại địa phương.",
        },
        [{ fileName: "trả lời.pdf", bytes: pdfBytes("answer") }],
      ),
    );
    expect(answered).toMatchObject({ status: "in_progress", dueAt: dossier.dueAt });
    const staffView = expectOk(await getDossierDetail(specialist, { code }));
    expect(staffView.consultations[0]).toMatchObject({
      answer: "Người mẹ thường trú tại địa phương.",
      answeredBy: otherSpecialist.name,
      answeredAt: vn("2026-03-10T15:00:00"),
    });
    expect(staffView.consultations[0]!.answerDocuments.map((d) => d.fileName)).toEqual(["trả lời.pdf"]);
    const [answerEvent, askEvent] = staffView.events;
    expect(askEvent).toMatchObject({
      action: "consult",
      comment: "Đề nghị cho ý kiến về nơi cư trú của người mẹ.",
      details: { consultationId: consultation!.id, toAgencyId: otherJustice.id },
    });
    expect(answerEvent).toMatchObject({
      action: "answer_consultation",
      actorName: otherSpecialist.name,
      comment: "Người mẹ thường trú tại địa phương.",
      details: {
        consultationId: consultation!.id,
        documents: [{ id: staffView.consultations[0]!.answerDocuments[0]!.id, fileName: "trả lời.pdf" }],
      },
    });
    expect(await listOpenConsultations(otherSpecialist)).toEqual([]);

    const notices = await noticesOf(dossier.id);
    expect(notices.slice(-2)).toMatchObject([
      { kind: "dossier.consulted", recipientId: null, payload: { agencyId: otherJustice.id } },
      { kind: "dossier.consultation_answered", recipientId: specialist.userId },
    ]);

    // Answered once: a second answer (a stale page) changes nothing.
    expect(
      await act(otherSpecialist, {
        action: "answer_consultation",
        code,
        version: answered.version,
        consultationId: consultation!.id,
        comment: "Lần nữa",
      }),
    ).toMatchObject({ ok: false, error: "invalid_transition" });
  });

  it("refuses a stale page, the dossier's own agency, and a file of the wrong type, keeping nothing", async () => {
    const { specialist, justice, otherJustice } = world;
    const dossier = await inProgress();
    const command = {
      action: "consult" as const,
      code: dossier.code!,
      version: dossier.version,
      toAgencyId: otherJustice.id,
      comment: "Câu hỏi",
    };
    expect(await act(specialist, { ...command, version: dossier.version - 1 })).toMatchObject({
      ok: false,
      error: "conflict",
    });
    expect(await act(specialist, { ...command, toAgencyId: justice.id })).toMatchObject({
      ok: false,
      error: "agency_invalid",
    });
    expect(
      await act(specialist, command, [{ fileName: "a.exe", bytes: new TextEncoder().encode("MZ program") }]),
    ).toMatchObject({
      ok: false,
      error: "invalid_input",
      issues: { files: [expect.stringContaining("file_type")] },
    });
    // A stale page posting a file: the file is not kept either.
    expect(
      await act(specialist, { ...command, version: 1 }, [{ fileName: "q.pdf", bytes: pdfBytes() }]),
    ).toMatchObject({ ok: false, error: "conflict" });
    expect(
      await db
        .select()
        .from(attachments)
        .where(
          and(eq(attachments.dossierId, dossier.id), eq(attachments.documentKey, "consultation_question")),
        ),
    ).toEqual([]);
  });
});

describe("transfer along the procedure's chain", () => {
  it("moves to the next agency with its documents, tracks each share, and the receiving desk returns the result online", async () => {
    const {
      justice,
      otherJustice,
      centre,
      head,
      specialist,
      otherSpecialist,
      receiver,
      applicantA,
      applicantB,
    } = world;
    await createProcedure(db, {
      code: "2.000001",
      places: [{ competentAgencyId: justice.id, receivingAgencyId: centre.id }],
      timeLimitHours: { online: 40, desk: 40, post: null },
      handlingChain: [
        { agencyId: justice.id, days: 3 },
        { agencyId: otherJustice.id, days: 2 },
      ],
    });

    const dossier = await inProgress("2.000001");
    const code = dossier.code!;
    vi.setSystemTime(vn("2026-03-11T10:00:00"));
    const transferred = expectOk(
      await act(head, { action: "transfer", code, version: dossier.version, comment: "Chuyển phần cư trú." }),
    );
    expect(transferred).toMatchObject({
      status: "in_progress",
      chainStep: 1,
      assignee: null,
      competentAgency: { id: otherJustice.id },
      dueAt: dossier.dueAt,
    });
    // The first agency still sees what it worked on, but has no say now; the next one does.
    const first = expectOk(await getDossierDetail(specialist, { code }));
    expect(first.allowedActions).toEqual([]);
    const next = expectOk(await getDossierDetail(otherHead, { code }));
    expect(next.allowedActions).toContain("assign");
    // The documents travel with it.
    expect(next.attachments.map((a) => a.documentKey)).toEqual(["birth_notice"]);
    expect((await listQueue(otherSpecialist, { bucket: "all" })).rows.map((r) => r.code)).toContain(code);
    // The desk that received it sees it sent on.
    expect((await listQueue(receiver, { bucket: "transferred_out" })).rows.map((r) => r.code)).toContain(
      code,
    );

    const legsNow = next.transferLegs;
    expect(legsNow.map((l) => [l.step, l.agency.id, l.plannedDays, l.endedAt === null])).toEqual([
      [0, justice.id, 3, false],
      [1, otherJustice.id, 2, true],
    ]);
    // Accepted Friday 6 before the cut-off, handed on Wednesday 11: Mon 9, (Tue 10 off), Wed 11.
    expect(legsNow[0]!.usedDays).toBe(2);

    vi.setSystemTime(vn("2026-03-12T08:00:00"));
    const assigned = expectOk(
      await act(otherHead, {
        action: "assign",
        code,
        version: transferred.version,
        assigneeId: otherSpecialist.userId,
      }),
    );
    const proposed = expectOk(
      await act(otherSpecialist, {
        action: "propose",
        code,
        version: assigned.version,
        proposal: "approve",
        comment: "Đủ điều kiện.",
      }),
    );
    vi.setSystemTime(vn("2026-03-12T14:00:00"));
    const done = expectOk(await act(otherHead, { action: "approve", code, version: proposed.version }));
    expect(done.status).toBe("done");
    const legs = await db
      .select()
      .from(dossierTransferLegs)
      .where(eq(dossierTransferLegs.dossierId, dossier.id));
    expect(legs.every((l) => l.endedAt !== null)).toBe(true);

    // The result goes back to the receiving desk, which hands it over: not the deciding agency.
    expect(
      await act(otherHead, { action: "return_result", code, version: done.version, method: "desk" }),
    ).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    expect(
      await act(receiver, { action: "return_result", code, version: done.version, method: "online" }),
    ).toMatchObject({ ok: false, error: "result_file_required" });
    vi.setSystemTime(vn("2026-03-12T16:00:00"));
    const returned = expectOk(
      await act(receiver, { action: "return_result", code, version: done.version, method: "online" }, [
        { fileName: "kết quả điện tử.pdf", bytes: pdfBytes("e-result") },
      ]),
    );
    expect(returned.status).toBe("returned");

    const view = expectOk(await getDossierDetail(applicantA, { code }));
    const returnEvent = view.events.find((e) => e.action === "return_result")!;
    const resultFile = returnEvent.details!.resultFile as { id: string; fileName: string };
    expect(returnEvent.details).toMatchObject({
      method: "online",
      resultFile: { fileName: "kết quả điện tử.pdf" },
    });
    expect(expectOk(await readAttachment(applicantA, resultFile.id)).fileName).toBe("kết quả điện tử.pdf");
    expect(expectOk(await readAttachment(receiver, resultFile.id)).fileName).toBe("kết quả điện tử.pdf");
    expect((await readAttachment(applicantB, resultFile.id)).ok).toBe(false);
    expect(view.events.find((e) => e.action === "transfer")).toMatchObject({ comment: null, details: null });

    const kinds = (await noticesOf(dossier.id)).map((n) => [n.kind, n.payload.agencyId ?? n.recipientId]);
    expect(kinds).toContainEqual(["dossier.transferred", otherJustice.id]);
    expect(kinds).toContainEqual(["dossier.decided", centre.id]);
  });

  it("moves the figures a transferred dossier already counts in, past month ends included", async () => {
    const { justice, otherJustice, centre, head, applicantA, receiver, specialist } = world;
    await createProcedure(db, {
      code: "2.000002",
      places: [{ competentAgencyId: justice.id, receivingAgencyId: centre.id }],
      timeLimitHours: { online: 16, desk: 16, post: null },
      handlingChain: [
        { agencyId: justice.id, days: 1 },
        { agencyId: otherJustice.id, days: 1 },
      ],
    });
    vi.setSystemTime(vn("2026-01-06T09:00:00"));
    const filed = await fileDossier(applicantA, "2.000002");
    const accepted = expectOk(
      await act(receiver, { action: "accept", code: filed.code!, version: filed.version }),
    );
    const assigned = expectOk(
      await act(head, {
        action: "assign",
        code: filed.code!,
        version: accepted.version,
        assigneeId: specialist.userId,
      }),
    );
    // A report fills the month ends of January and February while it sits at the first agency, late.
    const window = { from: "2026-01", to: "2026-02" };
    vi.useRealTimers();
    for (const agencyCode of [undefined, justice.code])
      await getTransparencyReport({ ...window, agencyCode }, reportNow());
    vi.setSystemTime(vn("2026-03-02T09:00:00"));
    expectOk(await act(head, { action: "transfer", code: filed.code!, version: assigned.version }));
    vi.useRealTimers();
    for (const agencyCode of [undefined, justice.code, otherJustice.code]) {
      for (const months of [window, { from: "2026-01", to: "2026-03" }]) {
        const query = { ...months, agencyCode };
        expect(await getTransparencyReport(query, reportNow()), `${agencyCode}`).toEqual(
          await getTransparencyReportFromEvents(query, reportNow()),
        );
      }
    }
  });

  it("records a result sent by post with its tracking number", async () => {
    const { head, specialist, receiver } = world;
    const dossier = await inProgress();
    const code = dossier.code!;
    const proposed = expectOk(
      await act(specialist, {
        action: "propose",
        code,
        version: dossier.version,
        proposal: "approve",
        comment: "Đủ.",
      }),
    );
    const done = expectOk(await act(head, { action: "approve", code, version: proposed.version }));
    expect(
      await act(receiver, { action: "return_result", code, version: done.version, method: "post" }),
    ).toMatchObject({
      ok: false,
      error: "tracking_required",
    });
    expectOk(
      await act(receiver, {
        action: "return_result",
        code,
        version: done.version,
        method: "post",
        trackingNumber: "EV123456789VN",
      }),
    );
    const [event] = await db
      .select()
      .from(dossierEvents)
      .where(and(eq(dossierEvents.dossierId, dossier.id), eq(dossierEvents.action, "return_result")));
    expect(event!.details).toEqual({ method: "post", trackingNumber: "EV123456789VN" });
  });
});

describe("will be late: the apology", () => {
  it("moves the date on the head's approval, tells the applicant, keeps the original, and still counts late", async () => {
    const { specialist, head, receiver, applicantA, justice } = world;
    const dossier = await inProgress();
    const code = dossier.code!;
    expect(dossier.dueAt).toEqual(vn("2026-03-12T09:30:00"));

    vi.setSystemTime(vn("2026-03-11T09:00:00"));
    expect(
      await act(specialist, {
        action: "propose_delay",
        code,
        version: dossier.version,
        newDueDate: "2026-03-12",
        comment: "Chờ xác minh.",
      }),
    ).toMatchObject({ ok: false, error: "delay_date_invalid" });
    const proposed = expectOk(
      await act(specialist, {
        action: "propose_delay",
        code,
        version: dossier.version,
        newDueDate: "2026-03-18",
        comment: "Chờ kết quả xác minh của công an.",
      }),
    );
    // Nothing changes for the applicant until the head approves.
    expect(proposed.dueAt).toEqual(dossier.dueAt);
    expect(proposed.pendingDelay).toMatchObject({ newDueAt: vn("2026-03-18T17:00:00").toISOString() });
    expect(expectOk(await getDossierDetail(applicantA, { code })).dossier.pendingDelay).toBeNull();
    expect(await act(specialist, { action: "approve_delay", code, version: proposed.version })).toMatchObject(
      {
        ok: false,
        error: "forbidden",
      },
    );

    vi.setSystemTime(vn("2026-03-11T14:00:00"));
    const approved = expectOk(await act(head, { action: "approve_delay", code, version: proposed.version }));
    expect(approved).toMatchObject({
      dueAt: vn("2026-03-18T17:00:00"),
      originalDueAt: vn("2026-03-12T09:30:00"),
      pendingDelay: null,
    });
    const [event] = await db
      .select()
      .from(dossierEvents)
      .where(and(eq(dossierEvents.dossierId, dossier.id), eq(dossierEvents.action, "approve_delay")));
    expect(event!.details).toMatchObject({
      reason: "Chờ kết quả xác minh của công an.",
      originalDueAt: vn("2026-03-12T09:30:00").toISOString(),
      newDueAt: vn("2026-03-18T17:00:00").toISOString(),
    });
    const notices = await noticesOf(dossier.id);
    expect(notices.find((n) => n.kind === "dossier.delayed")).toMatchObject({
      recipientId: applicantA.userId,
    });
    // The applicant reads the apology and both dates.
    const mine = expectOk(await getDossierDetail(applicantA, { code }));
    expect(mine.dossier).toMatchObject({
      dueAt: vn("2026-03-18T17:00:00"),
      originalDueAt: vn("2026-03-12T09:30:00"),
    });
    expect(mine.events[0]).toMatchObject({
      action: "approve_delay",
      details: { reason: "Chờ kết quả xác minh của công an." },
    });

    // Finished on Monday 16 March: before the new date, after the original one.
    const lateBefore = await lateFinished(justice.code);
    vi.setSystemTime(vn("2026-03-16T09:00:00"));
    const withProposal = expectOk(
      await act(specialist, {
        action: "propose",
        code,
        version: approved.version,
        proposal: "approve",
        comment: "Đủ.",
      }),
    );
    const done = expectOk(await act(head, { action: "approve", code, version: withProposal.version }));
    expectOk(await act(receiver, { action: "return_result", code, version: done.version }));
    // Late in the figures (rollups and direct aggregate alike), the apology notwithstanding.
    expect(await lateFinished(justice.code)).toBe(lateBefore + 1);
    const [row] = await db.select().from(dossiers).where(eq(dossiers.id, dossier.id));
    expect(row!.originalDueAt).toEqual(vn("2026-03-12T09:30:00"));
  });
});

describe("reassign and release", () => {
  it("the holder gives it back, the head assigns it to another specialist; one holder at a time", async () => {
    const { specialist, head, justice } = world;
    const second = await createStaff(db, "Đinh Văn Chuyên Viên Hai", [
      { agencyId: justice.id, role: "specialist" },
    ]);
    const dossier = await inProgress();
    const code = dossier.code!;
    expect(await act(second, { action: "release", code, version: dossier.version })).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    const released = expectOk(await act(specialist, { action: "release", code, version: dossier.version }));
    expect(released).toMatchObject({ status: "in_progress", assignee: null });
    const reassigned = expectOk(
      await act(head, { action: "assign", code, version: released.version, assigneeId: second.userId }),
    );
    expect(reassigned.assignee).toEqual({ id: second.userId, name: second.name });
    // The one who gave it back no longer holds it.
    expect(await act(specialist, { action: "release", code, version: reassigned.version })).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    const events = expectOk(await getDossierDetail(head, { code })).events;
    expect(events.slice(0, 2).map((e) => [e.action, e.details])).toEqual([
      ["assign", { assigneeId: second.userId, previousAssigneeId: null }],
      ["release", { previousAssigneeId: specialist.userId }],
    ]);
  });
});
