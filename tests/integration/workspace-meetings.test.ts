import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { decisions } from "@/db/schema/decisions";
import { dossierEvents, dossiers } from "@/db/schema/dossiers";
import { outbox } from "@/db/schema/notify";
import { minutes, votes } from "@/db/schema/workspace";
import { workspaceHistory } from "@/lib/meetings/events";
import {
  addAgendaItem,
  addContribution,
  addItemDocument,
  createMeeting,
  getMeetingView,
  listMeetings,
  moveAgendaItem,
  publishMeeting,
  respondToInvitation,
  sendDossierToAgenda,
} from "@/lib/meetings/meetings";
import {
  advanceSpeakers,
  castVote,
  checkIn,
  closeSession,
  closeVote,
  concludeItem,
  liveState,
  openSession,
  openVote,
  setCurrentItem,
} from "@/lib/meetings/votes";
import { approveMinutes, draftMinutes, publishMinutes, saveMinutes } from "@/lib/meetings/minutes";
import { conclusionNoticePdf, publishConclusion } from "@/lib/meetings/conclusion";
import {
  createDossierRow,
  createStaff,
  expectOk,
  openWorld,
  pdfBytes,
  type StaffActor,
  type World,
} from "../support/fixtures";
import { addMember, createBody, markCommitteeProcedure, memberPassword } from "../support/workspace";

let db: Db;
let world: World;
let close: () => Promise<void>;
let chair: StaffActor, vice: StaffActor, member: StaffActor, member2: StaffActor, secretary: StaffActor;
let stranger: StaffActor;
let bodyId: string;
let dossierCode: string;
let dossierId: string;

const now = new Date("2026-12-01T02:00:00Z");
const starts = "2026-12-10T08:00";
const proof = { password: memberPassword };

beforeAll(async () => {
  ({ db, world, close } = await openWorld());
  const body = await createBody(db, { agencyId: world.justice.id });
  bodyId = body.id;
  chair = await createStaff(db, "Trịnh Quang Vinh", []);
  vice = await createStaff(db, "Lương Thị Hồng", []);
  member = await createStaff(db, "Đinh Công Sơn", []);
  member2 = await createStaff(db, "Vũ Đức Thắng", []);
  secretary = await createStaff(db, "Mai Thu Trang", []);
  stranger = await createStaff(db, "Người Ngoài", [{ agencyId: world.otherJustice.id, role: "head" }]);
  await addMember(db, bodyId, chair.userId, "chair");
  await addMember(db, bodyId, vice.userId, "vice_chair");
  await addMember(db, bodyId, member.userId, "member");
  await addMember(db, bodyId, member2.userId, "member");
  await addMember(db, bodyId, secretary.userId, "secretary");
  // Only a dossier whose procedure needs the committee's decision goes onto an agenda.
  await markCommitteeProcedure(db, world.procedure.id);
  dossierCode = "000.00.02.H33-261120-0001";
  const dossier = await createDossierRow(db, {
    code: dossierCode,
    status: "in_progress",
    procedure: world.procedure,
    applicant: world.applicantA,
    agencyId: world.justice.id,
    assigneeId: world.specialist.userId,
  });
  dossierId = dossier.id;
}, 60_000);

afterAll(async () => close());

async function newMeeting(title = "Phiên họp thường kỳ tháng 12") {
  const meeting = expectOk(
    await createMeeting(
      secretary,
      { bodyId, title, startsAt: starts, place: "Phòng họp số 1", onlineUrl: "https://meet.example.vn/ubnd" },
      now,
    ),
  );
  const item = expectOk(
    await addAgendaItem(secretary, meeting.id, {
      title: "Đề án A",
      summary: "Tóm tắt",
      presenterId: member.userId,
    }),
  );
  return { meeting, item };
}

async function toSession(meetingId: string) {
  expectOk(await publishMeeting(secretary, meetingId, {}, now));
  expectOk(await openSession(chair, meetingId));
}

describe("meetings before the session", () => {
  it("prepares, refuses classified documents, publishes with notices, and hides it from strangers", async () => {
    const { meeting, item } = await newMeeting();
    const second = expectOk(await addAgendaItem(secretary, meeting.id, { title: "Đề án B" }));
    expectOk(await moveAgendaItem(secretary, second.id, "up"));
    expect(
      (await addItemDocument(secretary, item.id, { fileName: "du-thao-mật.pdf", bytes: pdfBytes() })).ok,
    ).toBe(false);
    const secret = await addItemDocument(secretary, item.id, {
      fileName: "a.pdf",
      description: "Tài liệu Tối mật",
      bytes: pdfBytes(),
    });
    expect(secret).toMatchObject({ ok: false, error: "classified" });
    expectOk(
      await addItemDocument(secretary, item.id, {
        fileName: "du-thao.pdf",
        description: "Dự thảo",
        bytes: pdfBytes(),
      }),
    );
    // Members do not prepare; strangers see nothing.
    expect(await addAgendaItem(member, meeting.id, { title: "X" })).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    expect(await addAgendaItem(stranger, meeting.id, { title: "X" })).toMatchObject({
      ok: false,
      error: "not_found",
    });
    expect(await getMeetingView(stranger, meeting.id)).toBeNull();
    expect((await listMeetings(stranger)).map((m) => m.id)).not.toContain(meeting.id);
    expect(await liveState(stranger, meeting.id)).toMatchObject({ ok: false, error: "not_found" });

    // Too late: 3 days ahead are needed; only the chair may allow it.
    const late = new Date("2026-12-08T02:00:00Z");
    expect(await publishMeeting(secretary, meeting.id, { allowLate: true }, late)).toMatchObject({
      ok: false,
      error: "too_late",
    });
    expect(await publishMeeting(chair, meeting.id, {}, late)).toMatchObject({ ok: false, error: "too_late" });
    expect(expectOk(await publishMeeting(chair, meeting.id, { allowLate: true }, late))).toEqual({
      late: true,
    });
    const notices = await db.select().from(outbox).where(eq(outbox.kind, "meeting.published"));
    expect(notices.length).toBeGreaterThanOrEqual(4);

    expectOk(await respondToInvitation(member, meeting.id, { response: "attending" }));
    expect(await respondToInvitation(vice, meeting.id, { response: "absent" })).toMatchObject({
      ok: false,
      error: "invalid_input",
    });
    expectOk(await respondToInvitation(vice, meeting.id, { response: "absent", reason: "Đi công tác" }));
    expectOk(await addContribution(member, item.id, { kind: "comment", text: "Đề nghị bổ sung số liệu" }));
    expectOk(await addContribution(member2, item.id, { kind: "speak" }));
    const view = (await getMeetingView(chair, meeting.id))!;
    expect(view.notAnswered.map((p) => p.name).sort()).toEqual(["Trịnh Quang Vinh", "Vũ Đức Thắng"]);
    expect(view.items.map((i) => i.title)).toEqual(["Đề án B", "Đề án A"]);
    expect(view.items[1]!.documents).toHaveLength(1);
    expect((await workspaceHistory(db as never, { kind: "meeting", id: meeting.id })).chainHolds).toBe(true);
  });
});

describe("votes", () => {
  it("counts one vote per member under a concurrent double post, checks quorum and the password", async () => {
    const { meeting, item } = await newMeeting("Phiên biểu quyết");
    await toSession(meeting.id);
    expectOk(await setCurrentItem(chair, item.id));
    expectOk(await addContribution(member, item.id, { kind: "speak" }));
    expectOk(await advanceSpeakers(secretary, item.id, "next"));
    expectOk(await openVote(secretary, item.id));
    // Not checked in: refused.
    expect(await castVote(member, item.id, { choice: "yes", proof })).toMatchObject({
      ok: false,
      error: "not_checked_in",
    });
    for (const who of [chair, member, member2]) expectOk(await checkIn(who, meeting.id, "remote"));
    expect(await castVote(member, item.id, { choice: "yes", proof: { password: "wrong" } })).toMatchObject({
      ok: false,
      error: "identity_not_confirmed",
    });
    expect(await castVote(secretary, item.id, { choice: "yes", proof })).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    expect(await castVote(stranger, item.id, { choice: "yes", proof })).toMatchObject({
      ok: false,
      error: "not_found",
    });
    const both = await Promise.all([
      castVote(member, item.id, { choice: "yes", proof }),
      castVote(member, item.id, { choice: "yes", proof }),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.filter((r) => !r.ok)[0]).toMatchObject({ error: "already_voted" });
    const [{ n }] = (await db
      .select({ n: sql<number>`count(*)::int` })
      .from(votes)
      .where(eq(votes.itemId, item.id))) as [{ n: number }];
    expect(n).toBe(1);
    expectOk(await castVote(member2, item.id, { choice: "yes", proof }));
    expectOk(await castVote(chair, item.id, { choice: "yes", proof }));
    const live = expectOk(await liveState(vice, meeting.id));
    expect(live.voting?.count).toMatchObject({ yes: 3, present: 3, quorum: true });
    const result = expectOk(await closeVote(chair, item.id));
    // 3 of 4 present (more than half): quorum; 3 yes of 4 members: adopted.
    expect(result).toMatchObject({ yes: 3, no: 0, quorum: true, outcome: "adopted", votingMembers: 4 });
    expect(await castVote(vice, item.id, { choice: "no", proof })).toMatchObject({ ok: false });
  });

  it("has no quorum with two of four members present", async () => {
    const { meeting, item } = await newMeeting("Phiên thiếu số");
    await toSession(meeting.id);
    for (const who of [member, member2]) expectOk(await checkIn(who, meeting.id, "in_room"));
    expectOk(await openVote(chair, item.id));
    expectOk(await castVote(member, item.id, { choice: "yes", proof }));
    expectOk(await castVote(member2, item.id, { choice: "yes", proof }));
    expect(expectOk(await closeVote(chair, item.id))).toMatchObject({ quorum: false, outcome: "no_quorum" });
  });
});

describe("after the meeting", () => {
  it("sends a dossier to the agenda and back to its desk with the conclusion, freezes and corrects minutes, publishes the notice", async () => {
    const { meeting, item } = await newMeeting("Phiên có hồ sơ");
    // A stranger (another province) cannot send it; the officer of the competent agency can.
    expect((await sendDossierToAgenda(stranger, { dossierCode, itemId: item.id })).ok).toBe(false);
    expectOk(await sendDossierToAgenda(world.specialist, { dossierCode, itemId: item.id }));
    await toSession(meeting.id);
    for (const who of [chair, member, member2]) expectOk(await checkIn(who, meeting.id, "remote"));
    expectOk(await openVote(chair, item.id));
    for (const who of [chair, member, member2])
      expectOk(await castVote(who, item.id, { choice: "yes", proof }));
    expectOk(await closeVote(chair, item.id));
    expectOk(await concludeItem(chair, item.id, "Đồng ý chủ trương, giao Sở Tư pháp hoàn thiện hồ sơ."));
    const events = await db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, dossierId));
    const conclusion = events.find((e) => e.action === "committee_conclusion");
    expect(events.map((e) => e.action)).toContain("committee_sent");
    expect(conclusion?.comment).toContain("Đồng ý chủ trương");
    const [dossier] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    expect(dossier!.status).toBe("in_progress");
    expectOk(await closeSession(secretary, meeting.id));

    // Minutes: drafted, approved, published = frozen.
    const first = expectOk(await draftMinutes(secretary, meeting.id));
    const [draft] = await db.select().from(minutes).where(eq(minutes.id, first.id));
    expect(draft!.body).toContain("Đồng ý chủ trương");
    expectOk(await saveMinutes(secretary, meeting.id, first.id, `${draft!.body}\nBổ sung.`));
    expect(await approveMinutes(secretary, meeting.id, first.id)).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    expectOk(await approveMinutes(chair, meeting.id, first.id));
    expectOk(await publishMinutes(chair, meeting.id, first.id));
    expect(await saveMinutes(secretary, meeting.id, first.id, "changed")).toMatchObject({
      ok: false,
      error: "invalid_state",
    });
    await expect(
      db.update(minutes).set({ body: "changed" }).where(eq(minutes.id, first.id)),
    ).rejects.toThrow();
    await expect(db.delete(minutes).where(eq(minutes.id, first.id))).rejects.toThrow();

    // A correction: a new version with a change note; the old one superseded and kept.
    expect(await draftMinutes(secretary, meeting.id)).toMatchObject({
      ok: false,
      error: "change_note_required",
    });
    const second = expectOk(
      await draftMinutes(secretary, meeting.id, { changeNote: "Sửa tên người phát biểu" }),
    );
    expect(second.version).toBe(2);
    expectOk(await approveMinutes(chair, meeting.id, second.id));
    expectOk(await publishMinutes(chair, meeting.id, second.id));
    const all = await db.select().from(minutes).where(eq(minutes.meetingId, meeting.id));
    expect(all.map((m) => [m.version, m.status]).sort()).toEqual([
      [1, "superseded"],
      [2, "published"],
    ]);

    const pdf = expectOk(await conclusionNoticePdf(member, meeting.id, "vi"));
    expect(Buffer.from(pdf.bytes).subarray(0, 5).toString()).toBe("%PDF-");
    expect((await conclusionNoticePdf(stranger, meeting.id, "vi")).ok).toBe(false);

    // The registry refuses the applicant's name; then takes a clean summary.
    const leaked = await publishConclusion(
      chair,
      meeting.id,
      {
        number: "12/TB-UBND",
        issuedOn: "2026-12-01",
        summaryVi: `Kết luận về hồ sơ của ông ${world.applicantA.name}`,
        summaryEn: "Conclusion",
      },
      now,
    );
    expect(leaked).toMatchObject({ ok: false, error: "invalid_input" });
    const published = expectOk(
      await publishConclusion(
        chair,
        meeting.id,
        {
          number: "12/TB-UBND",
          issuedOn: "2026-12-01",
          summaryVi: "Thông báo kết luận phiên họp tháng 12.",
          summaryEn: "Conclusions of the December meeting.",
        },
        now,
      ),
    );
    const [row] = await db.select().from(decisions).where(eq(decisions.id, published.decisionId));
    expect(row!.number).toBe("12/TB-UBND");
    expect((await workspaceHistory(db as never, { kind: "meeting", id: meeting.id })).chainHolds).toBe(true);
  });
});
