import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { dossierEvents } from "@/db/schema/dossiers";
import { users } from "@/db/schema/identity";
import { outbox } from "@/db/schema/notify";
import { agendaContributions, agendaItems, meetings, opinionForms } from "@/db/schema/workspace";
import { committeeWorkOf } from "@/lib/dossiers/committee";
import { workspaceHistory } from "@/lib/meetings/events";
import {
  addAgendaItem,
  addContribution,
  cancelMeeting,
  createMeeting,
  deferAgendaItem,
  getMeetingView,
  inviteGuest,
  publishMeeting,
  sendDossierToAgenda,
  withdrawSpeakRequest,
} from "@/lib/meetings/meetings";
import { advanceSpeakers, checkIn, openSession, openVote, setCurrentItem } from "@/lib/meetings/votes";
import {
  answerOpinionForm,
  approveOpinionForm,
  createOpinionForm,
  getOpinionForm,
  submitOpinionForm,
  withdrawOpinionForm,
} from "@/lib/meetings/opinions";
import {
  createDossierRow,
  createStaff,
  expectOk,
  openWorld,
  type StaffActor,
  type World,
} from "../support/fixtures";
import { addMember, createBody, markCommitteeProcedure, memberPassword } from "../support/workspace";

/*
 * Changes of plan in the workspace: a meeting cancelled, an item deferred, a request to speak
 * withdrawn, a stale post refused, an opinion form withdrawn.
 */

let db: Db;
let world: World;
let close: () => Promise<void>;
let chair: StaffActor, member: StaffActor, member2: StaffActor, secretary: StaffActor, guest: StaffActor;
let bodyId: string;
let dossierCode: string;
let dossierId: string;
let guestEmail: string;

const now = new Date("2026-12-01T02:00:00Z");

beforeAll(async () => {
  ({ db, world, close } = await openWorld());
  bodyId = (await createBody(db, { agencyId: world.justice.id })).id;
  chair = await createStaff(db, "Trịnh Quang Vinh", []);
  member = await createStaff(db, "Đinh Công Sơn", []);
  member2 = await createStaff(db, "Vũ Đức Thắng", []);
  secretary = await createStaff(db, "Mai Thu Trang", []);
  guest = await createStaff(db, "Khách Mời", []);
  guestEmail = (await db.select({ email: users.email }).from(users).where(eq(users.id, guest.userId)))[0]!
    .email!;
  await addMember(db, bodyId, chair.userId, "chair");
  await addMember(db, bodyId, member.userId, "member");
  await addMember(db, bodyId, member2.userId, "member");
  await addMember(db, bodyId, secretary.userId, "secretary");
  // Only a dossier whose procedure needs the committee's decision goes onto an agenda.
  await markCommitteeProcedure(db, world.procedure.id);
  dossierCode = "000.00.02.H33-261120-0042";
  dossierId = (
    await createDossierRow(db, {
      code: dossierCode,
      status: "in_progress",
      procedure: world.procedure,
      applicant: world.applicantA,
      agencyId: world.justice.id,
      assigneeId: world.specialist.userId,
    })
  ).id;
}, 60_000);

afterAll(async () => close());

async function newMeeting(title: string, startsAt = "2026-12-10T08:00") {
  const meeting = expectOk(
    await createMeeting(secretary, { bodyId, title, startsAt, place: "Phòng họp số 1" }, now),
  );
  const item = expectOk(await addAgendaItem(secretary, meeting.id, { title: `${title}: đề án` }));
  return { meeting, item };
}

const versionOf = async (meetingId: string) =>
  (await db.select({ version: meetings.version }).from(meetings).where(eq(meetings.id, meetingId)))[0]!
    .version;

const dossierActions = async () =>
  (await db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, dossierId))).map((e) => e.action);

describe("cancelling a meeting", () => {
  it("is refused in session; otherwise tells everyone invited, releases its dossiers, and leaves it read-only", async () => {
    // In session: too late to cancel.
    const running = await newMeeting("Phiên đang họp");
    expectOk(await publishMeeting(secretary, running.meeting.id, {}, now));
    expectOk(await openSession(chair, running.meeting.id));
    expect(await cancelMeeting(chair, running.meeting.id, "Lý do")).toMatchObject({
      ok: false,
      error: "invalid_state",
    });

    const { meeting, item } = await newMeeting("Phiên sẽ hủy");
    expectOk(await inviteGuest(secretary, meeting.id, guestEmail));
    expectOk(await sendDossierToAgenda(world.specialist, { dossierCode, itemId: item.id }));
    expectOk(await publishMeeting(secretary, meeting.id, {}, now));
    // A member does not cancel; a reason is needed.
    expect(await cancelMeeting(member, meeting.id, "Lý do")).toMatchObject({ ok: false, error: "forbidden" });
    expect(await cancelMeeting(secretary, meeting.id, "  ")).toMatchObject({
      ok: false,
      error: "invalid_input",
      issues: { reason: ["errors.required"] },
    });

    // The dossier is on this agenda: another meeting cannot take it yet.
    const other = await newMeeting("Phiên sau", "2026-12-20T08:00");
    expect(await sendDossierToAgenda(world.specialist, { dossierCode, itemId: other.item.id })).toMatchObject(
      {
        ok: false,
        issues: { dossierCode: ["meetings.errors.dossier_on_agenda"] },
      },
    );

    // A page opened before the last change: refused, nothing applied.
    const version = await versionOf(meeting.id);
    expect(
      await cancelMeeting(chair, meeting.id, "Chủ tịch đi công tác", { version: version - 1 }),
    ).toMatchObject({ ok: false, error: "stale" });
    expect((await getMeetingView(chair, meeting.id))!.meeting.status).toBe("published");
    expect(await db.select().from(outbox).where(eq(outbox.kind, "meeting.cancelled"))).toHaveLength(0);

    const done = expectOk(await cancelMeeting(chair, meeting.id, "Chủ tịch đi công tác", { version }));
    expect(done.dossiers).toEqual([dossierCode]);
    const notices = await db.select().from(outbox).where(eq(outbox.kind, "meeting.cancelled"));
    // Every member and the guest, but not the chair who cancelled it; each with the reason.
    expect(notices.map((n) => n.recipientId).sort()).toEqual(
      [member, member2, secretary, guest].map((p) => p.userId).sort(),
    );
    expect(notices[0]!.payload).toMatchObject({
      code: meeting.code,
      link: `/workspace/meetings/${meeting.id}`,
      details: { reason: "Chủ tịch đi công tác" },
    });
    const view = (await getMeetingView(member, meeting.id))!;
    expect(view.meeting.status).toBe("cancelled");
    expect(view.cancelled?.reason).toBe("Chủ tịch đi công tác");
    expect(view.items[0]!.dossiers).toEqual([{ code: dossierCode, returned: true }]);
    // Read-only from now on.
    expect(await addAgendaItem(secretary, meeting.id, { title: "X" })).toMatchObject({
      ok: false,
      error: "invalid_state",
    });
    expect(await cancelMeeting(chair, meeting.id, "Lại")).toMatchObject({
      ok: false,
      error: "invalid_state",
    });
    // The dossier's history says so, and it can go to another meeting now.
    const events = await db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, dossierId));
    expect(events.find((e) => e.action === "committee_cancelled")?.comment).toBe("Chủ tịch đi công tác");
    expectOk(await sendDossierToAgenda(world.specialist, { dossierCode, itemId: other.item.id }));
    expect((await workspaceHistory(db as never, { kind: "meeting", id: meeting.id })).chainHolds).toBe(true);

    // Deferring that item (still pending, before the meeting) releases it again.
    const deferred = expectOk(await deferAgendaItem(secretary, other.item.id, "Chờ ý kiến Sở Tài chính"));
    expect(deferred.dossiers).toEqual([dossierCode]);
  });
});

describe("deferring an item", () => {
  it("during the session: no vote on it, its speakers' queue ends, its dossier goes back and can be sent again", async () => {
    const { meeting, item } = await newMeeting("Phiên có nội dung hoãn");
    const kept = expectOk(await addAgendaItem(secretary, meeting.id, { title: "Nội dung giữ lại" }));
    expectOk(await sendDossierToAgenda(world.specialist, { dossierCode, itemId: item.id }));
    expectOk(await publishMeeting(secretary, meeting.id, {}, now));
    expectOk(await addContribution(member, item.id, { kind: "speak" }));
    expectOk(await openSession(chair, meeting.id));
    expectOk(await setCurrentItem(chair, item.id));
    expect(await deferAgendaItem(member, item.id, "Lý do")).toMatchObject({ ok: false, error: "forbidden" });

    const done = expectOk(await deferAgendaItem(chair, item.id, "Cần thêm ý kiến thẩm định"));
    expect(done.dossiers).toEqual([dossierCode]);
    const [row] = await db.select().from(agendaItems).where(eq(agendaItems.id, item.id));
    expect(row!.status).toBe("deferred");
    // Not voted on, not current, nobody waits to speak on it; the other item goes on.
    expect(await openVote(chair, item.id)).toMatchObject({ ok: false, error: "invalid_state" });
    expect(await setCurrentItem(chair, item.id)).toMatchObject({ ok: false, error: "invalid_state" });
    expect(await addContribution(member2, item.id, { kind: "speak" })).toMatchObject({
      ok: false,
      error: "invalid_state",
    });
    const speakers = await db
      .select()
      .from(agendaContributions)
      .where(eq(agendaContributions.itemId, item.id));
    expect(speakers.map((s) => s.speakStatus)).toEqual(["withdrawn"]);
    expect(await deferAgendaItem(chair, item.id, "Lại")).toMatchObject({ ok: false, error: "invalid_state" });
    expectOk(await openVote(chair, kept.id));
    // An item whose vote is open is not deferred (the vote is closed first).
    expect(await deferAgendaItem(chair, kept.id, "Lý do")).toMatchObject({
      ok: false,
      error: "invalid_state",
    });

    const view = (await getMeetingView(secretary, meeting.id))!;
    expect(view.meeting.currentItemId).toBe(kept.id);
    expect(view.items.find((i) => i.id === item.id)?.deferReason).toBe("Cần thêm ý kiến thẩm định");
    const deferredEvent = (
      await db
        .select()
        .from(dossierEvents)
        .where(and(eq(dossierEvents.dossierId, dossierId), eq(dossierEvents.action, "committee_deferred")))
    ).at(-1);
    expect(deferredEvent?.comment).toBe("Cần thêm ý kiến thẩm định");
    expect(deferredEvent?.details).toMatchObject({ meetingCode: meeting.code });
    // The staff dossier page says it came back deferred, not with a conclusion.
    const work = (await committeeWorkOf(world.specialist, dossierCode))!;
    expect(work.agendaItems.find((entry) => entry.meetingId === meeting.id)?.outcome).toBe("deferred");

    const later = await newMeeting("Phiên tháng sau", "2027-01-10T08:00");
    expectOk(await sendDossierToAgenda(world.specialist, { dossierCode, itemId: later.item.id }));
    expect((await dossierActions()).filter((a) => a === "committee_sent").length).toBeGreaterThanOrEqual(3);
  });
});

describe("withdrawing a request to speak", () => {
  it("takes the member out of the speakers' queue", async () => {
    const { meeting, item } = await newMeeting("Phiên phát biểu");
    expectOk(await publishMeeting(secretary, meeting.id, {}, now));
    expectOk(await addContribution(member, item.id, { kind: "speak" }));
    expectOk(await addContribution(member2, item.id, { kind: "speak" }));
    expect(await withdrawSpeakRequest(member2, item.id)).toMatchObject({ ok: true });
    // Nothing left to withdraw; a secretary had not asked.
    expect(await withdrawSpeakRequest(member2, item.id)).toMatchObject({ ok: false, error: "invalid_state" });
    expect(await withdrawSpeakRequest(secretary, item.id)).toMatchObject({ ok: false, error: "forbidden" });
    expectOk(await openSession(chair, meeting.id));
    expectOk(await checkIn(member, meeting.id, "in_room"));
    expectOk(await advanceSpeakers(chair, item.id, "next"));
    expectOk(await advanceSpeakers(chair, item.id, "next"));
    const view = (await getMeetingView(member, meeting.id))!;
    expect(view.items[0]!.speakers.map((s) => [s.name, s.status])).toEqual([
      ["Đinh Công Sơn", "done"],
      ["Vũ Đức Thắng", "withdrawn"],
    ]);
    // Asking again is a new request at the end of the queue.
    expectOk(await addContribution(member2, item.id, { kind: "speak" }));
    expect((await getMeetingView(member2, meeting.id))!.items[0]!.mySpeakWaiting).toBe(true);
  });
});

describe("the version guard", () => {
  it("refuses a stale post by the secretary or chair and applies nothing; a member's own answer goes through", async () => {
    const { meeting, item } = await newMeeting("Phiên kiểm tra phiên bản");
    const seen = await versionOf(meeting.id);
    expectOk(await addAgendaItem(secretary, meeting.id, { title: "Thêm" }, { version: seen }));
    // The page still shows `seen`: its next post is refused, and nothing is added.
    expect(await addAgendaItem(secretary, meeting.id, { title: "Lần hai" }, { version: seen })).toMatchObject(
      {
        ok: false,
        error: "stale",
      },
    );
    // A garbled or missing version counts as stale.
    expect(await publishMeeting(secretary, meeting.id, {}, now, { version: Number.NaN })).toMatchObject({
      ok: false,
      error: "stale",
    });
    const view = (await getMeetingView(secretary, meeting.id))!;
    expect(view.items.map((i) => i.title)).toEqual([item && "Phiên kiểm tra phiên bản: đề án", "Thêm"]);
    expect(view.meeting.status).toBe("planned");
    expect(view.meeting.version).toBe(seen + 1);
    expectOk(await publishMeeting(secretary, meeting.id, {}, now, { version: seen + 1 }));
    // A member's comment moves the version; their own posts are not guarded by it.
    expectOk(await addContribution(member, item.id, { kind: "comment", text: "Góp ý" }));
    expect(await versionOf(meeting.id)).toBe(seen + 3);
  });
});

describe("withdrawing an opinion form", () => {
  it("tells the members of an open form, takes no more answers, and shows it withdrawn", async () => {
    const created = await createOpinionForm(
      secretary,
      { bodyId, title: "Phiếu sẽ hủy", question: "Đề nghị cho ý kiến.", workingDays: "3" },
      { drafts: [], requestLetter: null },
      now,
    );
    if (!created.ok) throw new Error(created.error);
    const formId = created.value.id;
    expect((await submitOpinionForm(secretary, formId, 1)).ok).toBe(true);
    expect((await approveOpinionForm(chair, formId, 2, now)).ok).toBe(true);
    const at = new Date("2026-12-02T03:00:00Z");
    expect(
      (await answerOpinionForm(member, formId, { answer: "agree", password: memberPassword }, at)).ok,
    ).toBe(true);
    expect(await withdrawOpinionForm(member, formId, 4, "Lý do")).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    expect(await withdrawOpinionForm(secretary, formId, 4, "")).toMatchObject({
      ok: false,
      error: "invalid_input",
    });
    expect(await withdrawOpinionForm(secretary, formId, 3, "Lý do")).toMatchObject({
      ok: false,
      error: "stale",
    });
    expect((await withdrawOpinionForm(secretary, formId, 4, "Văn bản đã được ban hành")).ok).toBe(true);
    const [row] = await db.select().from(opinionForms).where(eq(opinionForms.id, formId));
    expect(row!.status).toBe("withdrawn");
    const notices = await db.select().from(outbox).where(eq(outbox.kind, "opinion.withdrawn"));
    expect(notices.map((n) => n.recipientId).sort()).toEqual(
      [chair, member, member2].map((p) => p.userId).sort(),
    );
    expect(notices[0]!.payload).toMatchObject({ details: { reason: "Văn bản đã được ban hành" } });
    expect(
      await answerOpinionForm(member2, formId, { answer: "agree", password: memberPassword }, at),
    ).toMatchObject({ ok: false, error: "wrong_status" });
    const seenByMember = await getOpinionForm(member2, formId, at);
    if (!seenByMember.ok) throw new Error(seenByMember.error);
    expect([
      seenByMember.value.status,
      seenByMember.value.withdrawnReason,
      seenByMember.value.may.answer,
    ]).toEqual(["withdrawn", "Văn bản đã được ban hành", false]);
    expect(seenByMember.value.myStatus).toBeNull();
    expect(await withdrawOpinionForm(chair, formId, 5, "Lại")).toMatchObject({
      ok: false,
      error: "wrong_status",
    });
  });
});
