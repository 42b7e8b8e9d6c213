import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { bodies, meetingGuests, meetings, opinionForms } from "@/db/schema/workspace";
import { archiveBody, getBody, listBodies, setBodyMember, updateBody } from "@/lib/meetings/bodies";
import { workspaceHistory } from "@/lib/meetings/events";
import { isWorkspaceMember, meetingRoleOf, roleIn, seatsOf } from "@/lib/meetings/access";
import { getMeetingView, listMeetings } from "@/lib/meetings/meetings";
import { getOpinionForm, listOpinionForms } from "@/lib/meetings/opinions";
import {
  createTasksFromConclusion,
  followsTasks,
  getTask,
  listTasks,
  taskDashboard,
} from "@/lib/tasks/service";
import { openTestDatabase } from "../support/database";
import {
  createAgency,
  createStaff,
  expectOk,
  switchToTemporaryDataDir,
  type StaffActor,
} from "../support/fixtures";
import { createBody, createConcludedAgendaItem, createConcludedOpinionForm } from "../support/workspaceTasks";

/*
 * Who sees a body's work is read in one place (lib/meetings/access.ts): its members and its
 * meetings' guests, while the body is not archived. Archiving (the administrator's) waits until no
 * opinion form or meeting is under way; afterwards the body is read-only and its members and guests
 * see nothing of it: no form, no meeting, no task.
 */

const now = new Date("2026-12-02T02:00:00Z");

let db: Db;
let close: () => Promise<void>;
let restoreDataDir: () => void;
let admin: StaffActor, chair: StaffActor, secretary: StaffActor, member: StaffActor;
let guest: StaffActor, owner: StaffActor;
let bodyId: string, meetingId: string, formId: string, taskCode: string;
let openMeetingId: string, openFormId: string;

beforeAll(async () => {
  ({ db, close } = await openTestDatabase());
  restoreDataDir = switchToTemporaryDataDir();
  const centre = await createAgency(db, { code: "TT-HCC" });
  const office = await createAgency(db, { code: "VP-UBND" });
  const justice = await createAgency(db, { code: "SO-TP" });
  admin = await createStaff(db, "Quản Trị", [{ agencyId: centre.id, role: "system_admin" }]);
  chair = await createStaff(db, "Trịnh Quang Vinh", [{ agencyId: office.id, role: "head" }]);
  secretary = await createStaff(db, "Mai Thu Trang", [{ agencyId: office.id, role: "specialist" }]);
  member = await createStaff(db, "Đinh Công Sơn", [{ agencyId: office.id, role: "specialist" }]);
  guest = await createStaff(db, "Khách Mời", [{ agencyId: justice.id, role: "head" }]);
  owner = await createStaff(db, "Nguyễn Chủ Trì", [{ agencyId: justice.id, role: "specialist" }]);
  const body = await createBody(db, {
    code: "ubnd-luu-tru",
    agencyId: office.id,
    members: [
      { userId: chair.userId, role: "chair" },
      { userId: secretary.userId, role: "secretary" },
      { userId: member.userId, role: "member" },
    ],
  });
  bodyId = body.id;
  let itemId: string;
  ({ meetingId, itemId } = await createConcludedAgendaItem(db, {
    bodyId,
    createdBy: secretary.userId,
    title: "Đề án đã kết luận",
    conclusion: "Thống nhất; giao Sở Tư pháp thực hiện.",
  }));
  await db.insert(meetingGuests).values({ meetingId, userId: guest.userId, invitedBy: secretary.userId });
  ({ id: formId } = await createConcludedOpinionForm(db, {
    bodyId,
    preparedBy: secretary.userId,
    title: "Phiếu đã kết luận",
    conclusion: "Đa số đồng ý.",
  }));
  ({
    codes: [taskCode],
  } = expectOk(
    await createTasksFromConclusion(
      chair,
      {
        sourceKind: "agenda_item",
        sourceId: itemId,
        tasks: [
          {
            title: "Hoàn thiện dự thảo",
            ownerAgencyId: justice.id,
            ownerUserId: owner.userId,
            deadline: { kind: "date", date: "2026-12-18" },
          } as never,
        ],
      },
      now,
    ),
  ) as { codes: [string] });
  // Work under way: a planned meeting and an open opinion form.
  const [planned] = await db
    .insert(meetings)
    .values({
      bodyId,
      code: "HOP-2026-0900",
      title: "Phiên họp sắp tới",
      startsAt: new Date("2026-12-20T01:00:00Z"),
      createdBy: secretary.userId,
    })
    .returning({ id: meetings.id });
  openMeetingId = planned!.id;
  const [open] = await db
    .insert(opinionForms)
    .values({
      bodyId,
      code: "PYK-2026-0900",
      title: "Phiếu đang lấy ý kiến",
      question: "Đồng ý?",
      status: "open",
      preparedBy: secretary.userId,
    })
    .returning({ id: opinionForms.id });
  openFormId = open!.id;
}, 240_000);

afterAll(async () => {
  restoreDataDir();
  await close();
});

describe("a body's work, before it is archived", () => {
  it("is seen by its members and its meetings' guests", async () => {
    expect(await roleIn(member, bodyId)).toBe("member");
    expect(await meetingRoleOf(guest, { id: meetingId, bodyId })).toBe("guest");
    expect((await listOpinionForms(member, now)).map((f) => f.id)).toContain(formId);
    expect((await getOpinionForm(member, formId, now)).ok).toBe(true);
    expect((await listMeetings(member)).map((m) => m.id)).toEqual(expect.arrayContaining([meetingId]));
    expect((await listMeetings(guest)).map((m) => m.id)).toEqual([meetingId]);
    expect(await getMeetingView(guest, meetingId)).not.toBeNull();
    expect((await listTasks(member, "body", now)).map((t) => t.code)).toEqual([taskCode]);
    expect((await getTask(member, taskCode, now)).ok).toBe(true);
    expect((await taskDashboard(chair, null, now)).ok).toBe(true);
  });
});

describe("archiving a body", () => {
  it("is the system administrator's, with a reason and a confirmation", async () => {
    expect(await archiveBody(chair, bodyId, { reason: "Hết nhiệm kỳ", confirm: "yes" })).toEqual({
      ok: false,
      error: "forbidden",
    });
    const missing = await archiveBody(admin, bodyId, { reason: " ", confirm: "" });
    expect(missing).toMatchObject({ ok: false, error: "invalid_input" });
    expect(!missing.ok && Object.keys(missing.issues ?? {}).sort()).toEqual(["confirm", "reason"]);
  });

  it("is refused while an opinion form or a meeting is under way, and says how many", async () => {
    const view = expectOk(await getBody(admin, bodyId));
    expect(view.openWork).toEqual({ forms: 1, meetings: 1 });
    const input = { reason: "Hết nhiệm kỳ", confirm: "yes" };
    expect(await archiveBody(admin, bodyId, input, now)).toEqual({ ok: false, error: "open_work" });
    await db.update(meetings).set({ status: "cancelled" }).where(eq(meetings.id, openMeetingId));
    expect(await archiveBody(admin, bodyId, input, now)).toEqual({ ok: false, error: "open_work" });
    expect(expectOk(await getBody(admin, bodyId)).openWork).toEqual({ forms: 1, meetings: 0 });
    await db.update(opinionForms).set({ status: "withdrawn" }).where(eq(opinionForms.id, openFormId));
    const [row] = await db.select().from(bodies).where(eq(bodies.id, bodyId));
    expect(row!.archivedAt).toBeNull();
  });

  it("archives it with an event; the body is then read-only and listed as archived", async () => {
    expectOk(await archiveBody(admin, bodyId, { reason: "Hết nhiệm kỳ 2021–2026", confirm: "yes" }, now));
    const view = expectOk(await getBody(admin, bodyId));
    expect(view.archived).toEqual({ at: now, reason: "Hết nhiệm kỳ 2021–2026" });
    const history = await db.transaction((tx) => workspaceHistory(tx, { kind: "body", id: bodyId }));
    expect(history.events.at(-1)).toMatchObject({
      action: "body.archived",
      actorId: admin.userId,
      details: { reason: "Hết nhiệm kỳ 2021–2026" },
    });
    expect(history.chainHolds).toBe(true);
    expect(expectOk(await listBodies(admin)).find((b) => b.id === bodyId)?.archived).toBe(true);
    expect(await archiveBody(admin, bodyId, { reason: "Lần nữa", confirm: "yes" })).toMatchObject({
      error: "archived",
    });
    expect(
      await updateBody(admin, bodyId, {
        code: "ubnd-luu-tru",
        nameVi: "Tên mới",
        nameEn: "New name",
        quorumPercent: "50",
        majorityPercent: "50",
        majorityBase: "all_members",
        chairBreaksTie: "yes",
        documentsAheadDays: "3",
      }),
    ).toMatchObject({ error: "archived" });
    expect(
      await setBodyMember(admin, bodyId, { email: "x@example.vn", role: "member", title: "" }),
    ).toMatchObject({ error: "archived" });
  });
});

describe("an archived body's work", () => {
  it("is seen by none of its members: no opinion form, no meeting, no task", async () => {
    for (const person of [chair, secretary, member]) {
      expect(await roleIn(person, bodyId)).toBeNull();
      expect(await seatsOf(person)).toEqual([]);
      expect(await isWorkspaceMember(person)).toBe(false);
      expect(await listOpinionForms(person, now)).toEqual([]);
      expect(await getOpinionForm(person, formId, now)).toEqual({ ok: false, error: "not_found" });
      expect(await listMeetings(person)).toEqual([]);
      expect(await getMeetingView(person, meetingId)).toBeNull();
      expect(await listTasks(person, "body", now)).toEqual([]);
      expect(await getTask(person, taskCode, now)).toEqual({ ok: false, error: "not_found" });
      expect(await followsTasks(person)).toBe(false);
    }
    expect(await taskDashboard(chair, null, now)).toEqual({ ok: false, error: "not_found" });
  });

  it("is not seen by its meetings' guests either", async () => {
    expect(await meetingRoleOf(guest, { id: meetingId, bodyId })).toBeNull();
    expect(await listMeetings(guest)).toEqual([]);
    expect(await getMeetingView(guest, meetingId)).toBeNull();
  });

  it("leaves a task with the officer who owns it (their agency's work, not the body's)", async () => {
    expect((await getTask(owner, taskCode, now)).ok).toBe(true);
    expect((await listTasks(owner, "mine", now)).map((t) => t.code)).toEqual([taskCode]);
    const [guestRow] = await db
      .select()
      .from(meetingGuests)
      .where(and(eq(meetingGuests.meetingId, meetingId), eq(meetingGuests.userId, guest.userId)));
    expect(guestRow).toBeDefined();
  });
});
