import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { outbox } from "@/db/schema/notify";
import { tasks, workspaceFiles } from "@/db/schema/workspace";
import { workspaceHistory } from "@/lib/meetings/events";
import { tasksCsv } from "@/lib/tasks/csv";
import { remindTasks } from "@/lib/tasks/reminders";
import {
  createTasksFromConclusion,
  getConclusionSource,
  getTask,
  listTasks,
  postTaskReport,
  reassignTask,
  taskDashboard,
} from "@/lib/tasks/service";
import { createI18n } from "@/lib/i18n/instance";
import { openTestDatabase } from "../support/database";
import {
  addHolidays,
  createAgency,
  createStaff,
  expectOk,
  pdfBytes,
  switchToTemporaryDataDir,
  type StaffActor,
} from "../support/fixtures";
import { createBody, createConcludedAgendaItem, createConcludedOpinionForm } from "../support/workspaceTasks";

/*
 * Tasks from conclusions against a real database: created by the chair from an agenda item's
 * conclusion, reported on by their owner, overdue by working time (weekends and the calendar's
 * holidays not counted), done on time or late, refused to strangers, counted on the dashboard and
 * exported whole to CSV, reminded once each.
 */

const at = (local: string) => new Date(`${local}+07:00`);
// Wednesday 2 December 2026; Friday the 4th; Monday the 14th is a holiday in this calendar.
const wednesday = at("2026-12-02T09:00:00");

let db: Db;
let close: () => Promise<void>;
let restoreDataDir: () => void;
let chair: StaffActor, secretary: StaffActor, member: StaffActor;
let owner: StaffActor,
  head: StaffActor,
  colleague: StaffActor,
  stranger: StaffActor,
  otherOfficer: StaffActor;
let agencyA: { id: string; code: string }, agencyB: { id: string; code: string };
let itemId: string, formId: string, bareItemId: string;

beforeAll(async () => {
  ({ db, close } = await openTestDatabase());
  restoreDataDir = switchToTemporaryDataDir();
  agencyA = await createAgency(db, { code: "SO-TP", nameVi: "Sở Tư pháp", nameEn: "Department of Justice" });
  agencyB = await createAgency(db, {
    code: "SO-XD",
    nameVi: "Sở Xây dựng",
    nameEn: "Department of Construction",
  });
  const office = await createAgency(db, { code: "VP-UBND" });
  chair = await createStaff(db, "Trịnh Quang Vinh", [{ agencyId: office.id, role: "head" }]);
  secretary = await createStaff(db, "Mai Thu Trang", [{ agencyId: office.id, role: "specialist" }]);
  member = await createStaff(db, "Đinh Công Sơn", [{ agencyId: office.id, role: "specialist" }]);
  owner = await createStaff(db, "Nguyễn Thị Chủ Trì", [{ agencyId: agencyA.id, role: "specialist" }]);
  head = await createStaff(db, "Vũ Đức Thắng", [{ agencyId: agencyA.id, role: "head" }]);
  colleague = await createStaff(db, "Lê Văn Đồng Nghiệp", [{ agencyId: agencyA.id, role: "receiver" }]);
  stranger = await createStaff(db, "Người Lạ", [{ agencyId: agencyB.id, role: "specialist" }]);
  otherOfficer = await createStaff(db, "Phạm Xây Dựng", [{ agencyId: agencyB.id, role: "specialist" }]);
  const body = await createBody(db, {
    code: "ubnd-test",
    agencyId: office.id,
    members: [
      { userId: chair.userId, role: "chair" },
      { userId: secretary.userId, role: "secretary" },
      { userId: member.userId, role: "member" },
    ],
  });
  ({ itemId } = await createConcludedAgendaItem(db, {
    bodyId: body.id,
    createdBy: secretary.userId,
    title: "Đề án chuyển đổi số năm 2027",
    conclusion: "Thống nhất thông qua; giao Sở Tư pháp hoàn thiện dự thảo quyết định.",
  }));
  ({ itemId: bareItemId } = await createConcludedAgendaItem(db, {
    bodyId: body.id,
    createdBy: secretary.userId,
    title: "Chưa kết luận",
    conclusion: null,
  }));
  ({ id: formId } = await createConcludedOpinionForm(db, {
    bodyId: body.id,
    preparedBy: secretary.userId,
    title: "Lấy ý kiến về quy hoạch",
    conclusion: "Đa số đồng ý; giao Sở Xây dựng báo cáo.",
  }));
  await addHolidays(db, [{ date: "2026-12-14", kind: "holiday", name: "Ngày nghỉ thử" }]);
});

afterAll(async () => {
  restoreDataDir();
  await close();
});

const create = (actor: StaffActor, sourceId: string, task: Record<string, unknown>, now = wednesday) =>
  createTasksFromConclusion(actor, { sourceKind: "agenda_item", sourceId, tasks: [task as never] }, now);

describe("creating tasks from a conclusion", () => {
  it("reads the source's title and conclusion for the chair, and hides it from strangers", async () => {
    const source = expectOk(
      await getConclusionSource(chair, { sourceKind: "agenda_item", sourceId: itemId }),
    );
    expect(source.title).toBe("Đề án chuyển đổi số năm 2027");
    expect(source.conclusion).toContain("Sở Tư pháp");
    expect(await getConclusionSource(stranger, { sourceKind: "agenda_item", sourceId: itemId })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await getConclusionSource(member, { sourceKind: "agenda_item", sourceId: itemId })).toEqual({
      ok: false,
      error: "forbidden",
    });
  });

  it("is for the chair, secretary or support staff only; a stranger learns nothing", async () => {
    const task = {
      title: "Hoàn thiện dự thảo",
      ownerAgencyId: agencyA.id,
      ownerUserId: owner.userId,
      deadline: { kind: "date", date: "2026-12-04" },
    };
    expect((await create(member, itemId, task)).ok).toBe(false);
    expect(await create(member, itemId, task)).toMatchObject({ error: "forbidden" });
    expect(await create(stranger, itemId, task)).toMatchObject({ error: "not_found" });
    expect(await create(chair, bareItemId, task)).toMatchObject({ error: "no_conclusion" });
  });

  it("refuses an officer who does not work at the owner agency, and a deadline in the past", async () => {
    const wrongOfficer = await create(chair, itemId, {
      title: "X",
      ownerAgencyId: agencyA.id,
      ownerUserId: otherOfficer.userId,
      deadline: { kind: "date", date: "2026-12-04" },
    });
    expect(wrongOfficer).toMatchObject({ error: "invalid_input" });
    expect(!wrongOfficer.ok && wrongOfficer.issues).toEqual({
      "tasks.0.ownerUserId": ["workspace:tasks.errors.officer"],
    });
    const past = await create(chair, itemId, {
      title: "X",
      ownerAgencyId: agencyA.id,
      deadline: { kind: "date", date: "2026-12-01" },
    });
    expect(!past.ok && past.issues).toEqual({ "tasks.0.deadline": ["workspace:tasks.errors.past"] });
  });
});

describe("a task in working time", () => {
  let fridayTask: string;

  it("is created with its deadline at the close of the day, an event and a notice to its owner", async () => {
    const { codes } = expectOk(
      await create(secretary, itemId, {
        title: "Hoàn thiện dự thảo quyết định",
        details: "Trình UBND tỉnh trước ngày 04/12.",
        ownerAgencyId: agencyA.id,
        ownerUserId: owner.userId,
        deadline: { kind: "date", date: "2026-12-04" },
      }),
    );
    fridayTask = codes[0]!;
    expect(fridayTask).toMatch(/^NV-2026-\d{4}$/);
    const [row] = await db.select().from(tasks).where(eq(tasks.code, fridayTask));
    expect(row!.dueAt.toISOString()).toBe(at("2026-12-04T17:00:00").toISOString());
    const history = await workspaceHistory(db as never, { kind: "task", id: row!.id });
    expect(history.events.map((e) => e.action)).toEqual(["created"]);
    expect(history.chainHolds).toBe(true);
    const notices = await db.select().from(outbox).where(eq(outbox.recipientId, owner.userId));
    expect(notices.map((n) => n.kind)).toEqual(["task.assigned"]);
  });

  it("shows in progress, due soon, then overdue by one working day on Monday (not three)", async () => {
    const status = async (now: string) => {
      const detail = expectOk(await getTask(owner, fridayTask, at(now)));
      return [detail.task.status, detail.task.lateDays];
    };
    expect(await status("2026-12-02T09:00:00")).toEqual(["in_progress", 0]);
    expect(await status("2026-12-04T09:00:00")).toEqual(["due_soon", 0]);
    expect(await status("2026-12-05T10:00:00")).toEqual(["overdue", 1]);
    expect(await status("2026-12-07T10:00:00")).toEqual(["overdue", 1]);
    expect(await status("2026-12-08T10:00:00")).toEqual(["overdue", 2]);
  });

  it("skips the calendar's holiday: due Friday the 11th, seen Tuesday the 15th after a holiday Monday, one day late", async () => {
    const { codes } = expectOk(
      await create(chair, itemId, {
        title: "Báo cáo tuần",
        ownerAgencyId: agencyA.id,
        ownerUserId: owner.userId,
        deadline: { kind: "date", date: "2026-12-11" },
      }),
    );
    const detail = expectOk(await getTask(owner, codes[0]!, at("2026-12-15T10:00:00")));
    expect([detail.task.status, detail.task.lateDays]).toEqual(["overdue", 1]);
  });

  it("counts N working days past weekends and holidays: 3 from Thursday the 10th is Wednesday the 16th", async () => {
    const { codes } = expectOk(
      await create(
        chair,
        itemId,
        {
          title: "Rà soát",
          ownerAgencyId: agencyA.id,
          ownerUserId: owner.userId,
          deadline: { kind: "working_days", days: "3" },
        },
        at("2026-12-10T09:00:00"),
      ),
    );
    const [row] = await db.select().from(tasks).where(eq(tasks.code, codes[0]!));
    expect(row!.dueAt.toISOString()).toBe(at("2026-12-16T17:00:00").toISOString());
  });

  it("takes reports from its owner only: a stranger gets not_found, a colleague is refused, a stale post too", async () => {
    const detail = expectOk(await getTask(owner, fridayTask, wednesday));
    const version = detail.task.version;
    expect(await postTaskReport(stranger, fridayTask, { version, text: "Tôi báo cáo" })).toMatchObject({
      ok: false,
      error: "not_found",
    });
    expect(await getTask(stranger, fridayTask)).toEqual({ ok: false, error: "not_found" });
    expect(await postTaskReport(colleague, fridayTask, { version, text: "Tôi báo cáo" })).toMatchObject({
      error: "forbidden",
    });
    expect(await postTaskReport(member, fridayTask, { version, text: "Tôi báo cáo" })).toMatchObject({
      error: "forbidden",
    });
    const first = await postTaskReport(
      owner,
      fridayTask,
      { version, text: "Đã xây dựng dự thảo lần 1." },
      [{ fileName: "du-thao-lan-1.pdf", bytes: pdfBytes("draft") }],
      at("2026-12-03T10:00:00"),
    );
    expect(expectOk(first).done).toBe(false);
    // The same version again: someone posted in between.
    expect(await postTaskReport(owner, fridayTask, { version, text: "Lần nữa" })).toMatchObject({
      error: "stale",
    });
  });

  it("refuses classified documents by their name or the note about them, storing nothing", async () => {
    const { version } = expectOk(await getTask(owner, fridayTask, wednesday)).task;
    const before = await db.select().from(workspaceFiles);
    expect(
      await postTaskReport(owner, fridayTask, { version, text: "Kèm phụ lục" }, [
        { fileName: "Phu luc TOI MAT.pdf", bytes: pdfBytes() },
        { fileName: "Phụ lục tối mật.pdf", bytes: pdfBytes() },
      ]),
    ).toMatchObject({ error: "classified" });
    expect(
      await postTaskReport(
        owner,
        fridayTask,
        { version, text: "Kèm phụ lục", documentsNote: "Tài liệu mật" },
        [{ fileName: "phu-luc.pdf", bytes: pdfBytes() }],
      ),
    ).toMatchObject({ error: "classified" });
    expect(
      await postTaskReport(owner, fridayTask, { version, text: "Kèm phụ lục" }, [
        { fileName: "secret-annex.pdf", bytes: pdfBytes() },
      ]),
    ).toMatchObject({ error: "classified" });
    expect(await db.select().from(workspaceFiles)).toEqual(before);
  });

  it("is done late when the completing report comes after the deadline, with its file and the events chained", async () => {
    const { version } = expectOk(await getTask(owner, fridayTask, wednesday)).task;
    expectOk(
      await postTaskReport(
        owner,
        fridayTask,
        { version, text: "Đã trình dự thảo quyết định.", completes: true },
        [{ fileName: "to-trinh.pdf", bytes: pdfBytes("final") }],
        at("2026-12-07T09:00:00"),
      ),
    );
    const detail = expectOk(await getTask(chair, fridayTask, at("2026-12-20T09:00:00")));
    expect([detail.task.status, detail.task.lateDays]).toEqual(["done_late", 1]);
    expect(detail.reports.map((r) => [r.text, r.files.map((f) => f.fileName)])).toEqual([
      ["Đã xây dựng dự thảo lần 1.", ["du-thao-lan-1.pdf"]],
      ["Đã trình dự thảo quyết định.", ["to-trinh.pdf"]],
    ]);
    expect(detail.may.report).toBe(false);
    const history = await workspaceHistory(db as never, { kind: "task", id: detail.task.id });
    expect(history.events.map((e) => e.action)).toEqual(["created", "reported", "completed"]);
    expect(history.chainHolds).toBe(true);
    // Done is done: nothing more is taken.
    expect(
      await postTaskReport(owner, fridayTask, { version: detail.task.version, text: "Thêm" }),
    ).toMatchObject({ error: "stale" });
  });

  it("is done on time when completed before the deadline, here by the head of the owner agency", async () => {
    const { codes } = expectOk(
      await create(chair, itemId, {
        title: "Gửi báo cáo",
        ownerAgencyId: agencyA.id,
        deadline: { kind: "date", date: "2026-12-04" },
      }),
    );
    const { version } = expectOk(await getTask(head, codes[0]!, wednesday)).task;
    expectOk(
      await postTaskReport(
        head,
        codes[0]!,
        { version, text: "Đã gửi.", completes: true },
        [],
        at("2026-12-04T16:59:00"),
      ),
    );
    expect(expectOk(await getTask(head, codes[0]!, at("2026-12-10T09:00:00"))).task.status).toBe(
      "done_on_time",
    );
  });
});

describe("several tasks in one post", () => {
  it("gives them all, or none when one names an officer of another agency (on that task's row)", async () => {
    const two = [
      {
        title: "Hoàn thiện dự thảo quyết định",
        ownerAgencyId: agencyA.id,
        ownerUserId: owner.userId,
        deadline: { kind: "working_days" as const, days: 5 },
      },
      {
        title: "Báo cáo quy hoạch",
        ownerAgencyId: agencyB.id,
        ownerUserId: owner.userId,
        deadline: { kind: "working_days" as const, days: 5 },
      },
    ];
    const refused = await createTasksFromConclusion(
      chair,
      { sourceKind: "agenda_item", sourceId: itemId, tasks: two },
      wednesday,
    );
    expect(refused).toMatchObject({
      ok: false,
      error: "invalid_input",
      issues: { "tasks.1.ownerUserId": ["workspace:tasks.errors.officer"] },
    });
    expect(Object.keys((refused as { issues: Record<string, string[]> }).issues)).toEqual([
      "tasks.1.ownerUserId",
    ]);
    const before = await db.select({ id: tasks.id }).from(tasks);
    const { codes } = expectOk(
      await createTasksFromConclusion(
        chair,
        {
          sourceKind: "agenda_item",
          sourceId: itemId,
          tasks: [two[0]!, { ...two[1]!, ownerUserId: otherOfficer.userId }],
        },
        wednesday,
      ),
    );
    expect(codes).toHaveLength(2);
    expect((await db.select({ id: tasks.id }).from(tasks)).length).toBe(before.length + 2);
    // Each task's page shows its history: given by the chair.
    const detail = expectOk(await getTask(chair, codes[1]!, wednesday));
    expect(detail.history.chainHolds).toBe(true);
    expect(detail.history.events).toEqual([
      expect.objectContaining({ action: "created", actorName: "Trịnh Quang Vinh", reason: null }),
    ]);
  });
});

describe("reassigning", () => {
  it("moves a task to another agency's officer with a new deadline; the head of the owner agency may not move it out", async () => {
    const { codes } = expectOk(
      await createTasksFromConclusion(
        chair,
        {
          sourceKind: "opinion_form",
          sourceId: formId,
          tasks: [
            {
              title: "Báo cáo quy hoạch",
              ownerAgencyId: agencyA.id,
              ownerUserId: owner.userId,
              deadline: { kind: "working_days", days: 5 },
            },
          ],
        },
        wednesday,
      ),
    );
    const code = codes[0]!;
    const { version } = expectOk(await getTask(chair, code, wednesday)).task;
    expect(
      await reassignTask(head, code, {
        version,
        ownerAgencyId: agencyB.id,
        ownerUserId: otherOfficer.userId,
      }),
    ).toMatchObject({ error: "forbidden" });
    expect(await reassignTask(stranger, code, { version, ownerAgencyId: agencyB.id })).toMatchObject({
      error: "not_found",
    });
    expectOk(
      await reassignTask(
        chair,
        code,
        {
          version,
          ownerAgencyId: agencyB.id,
          ownerUserId: otherOfficer.userId,
          deadline: { kind: "date", date: "2026-12-18" },
          reason: "Đúng chức năng Sở Xây dựng",
        },
        wednesday,
      ),
    );
    expect(await reassignTask(chair, code, { version, ownerAgencyId: agencyA.id }, wednesday)).toMatchObject({
      error: "stale",
    });
    const detail = expectOk(await getTask(otherOfficer, code, wednesday));
    expect([detail.task.agency?.code, detail.task.ownerUserId]).toEqual(["SO-XD", otherOfficer.userId]);
    // The first owner no longer owns it and, outside the body and the agency, no longer sees it.
    expect(await getTask(owner, code, wednesday)).toEqual({ ok: false, error: "not_found" });
    const history = await workspaceHistory(db as never, { kind: "task", id: detail.task.id });
    expect(history.events.map((e) => e.action)).toEqual(["created", "reassigned"]);
  });
});

describe("lists, the dashboard and the CSV", () => {
  const now = at("2026-12-15T10:00:00");

  it("lists mine, my agency's and the body's tasks, overdue first", async () => {
    const mine = await listTasks(owner, "mine", now);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((t) => t.ownerUserId === owner.userId)).toBe(true);
    expect(mine[0]!.status).toBe("overdue");
    const agency = await listTasks(colleague, "agency", now);
    expect(agency.every((t) => t.ownerAgencyId === agencyA.id)).toBe(true);
    expect(agency.length).toBeGreaterThanOrEqual(mine.length);
    expect(await listTasks(stranger, "body", now)).toEqual([]);
    const body = await listTasks(member, "body", now);
    expect(body.length).toBe((await db.select().from(tasks)).length);
  });

  it("counts tasks by agency and status for the chair, overdue first; nothing for a member", async () => {
    expect(await taskDashboard(member, null, now)).toEqual({ ok: false, error: "not_found" });
    expect(await taskDashboard(stranger, null, now)).toEqual({ ok: false, error: "not_found" });
    const dashboard = expectOk(await taskDashboard(chair, "ubnd-test", now));
    const all = await db.select().from(tasks);
    expect(dashboard.totals.total).toBe(all.length);
    const first = dashboard.rows[0]!;
    expect(first.agency.code).toBe("SO-TP");
    expect(first.counts.overdue).toBeGreaterThan(0);
    expect(first.counts.done_late).toBe(1);
    expect(first.counts.done_on_time).toBe(1);
    expect(dashboard.rows.reduce((sum, row) => sum + row.total, 0)).toBe(all.length);
    expect(dashboard.tasks[0]!.status).toBe("overdue");
  });

  it("exports every task with its status to CSV, UTF-8 with a byte-order mark", async () => {
    const dashboard = expectOk(await taskDashboard(chair, "ubnd-test", now));
    for (const lang of ["vi", "en"] as const) {
      const t = createI18n(lang).getFixedT(lang, "workspace");
      const csv = tasksCsv(dashboard, lang, (key) => t(`tasks.${key}`));
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      const lines = csv.slice(1).trim().split("\r\n");
      expect(lines.length).toBe(dashboard.tasks.length + 1);
      for (const task of dashboard.tasks) {
        const line = lines.find((l) => l.startsWith(`${task.code},`));
        expect(line, task.code).toBeDefined();
        expect(line).toContain(`,${task.status},`);
      }
      expect(
        lines.some((line) => line.includes("Sở Tư pháp") || line.includes("Department of Justice")),
      ).toBe(true);
    }
    const statuses = Object.fromEntries(dashboard.tasks.map((task) => [task.code, task.status]));
    expect(Object.values(statuses)).toEqual(expect.arrayContaining(["overdue", "done_late", "done_on_time"]));
  });
});

describe("reminders", () => {
  it("tells the owner once when due soon and once when overdue", async () => {
    const { codes } = expectOk(
      await create(
        chair,
        itemId,
        {
          title: "Nhắc việc",
          ownerAgencyId: agencyA.id,
          ownerUserId: owner.userId,
          deadline: { kind: "date", date: "2026-12-22" },
        },
        at("2026-12-15T09:00:00"),
      ),
    );
    const [row] = await db.select().from(tasks).where(eq(tasks.code, codes[0]!));
    const kinds = async () =>
      (
        await db
          .select({ kind: outbox.kind, payload: outbox.payload })
          .from(outbox)
          .where(and(eq(outbox.recipientId, owner.userId)))
      )
        .filter((n) => n.payload.code === codes[0])
        .map((n) => n.kind);
    await remindTasks(at("2026-12-16T09:00:00"));
    expect(await kinds()).toEqual(["task.assigned"]);
    await remindTasks(at("2026-12-21T17:30:00"));
    await remindTasks(at("2026-12-22T08:00:00"));
    expect(await kinds()).toEqual(["task.assigned", "task.due_soon"]);
    await remindTasks(at("2026-12-23T08:00:00"));
    await remindTasks(at("2026-12-24T08:00:00"));
    expect(await kinds()).toEqual(["task.assigned", "task.due_soon", "task.overdue"]);
    const history = await workspaceHistory(db as never, { kind: "task", id: row!.id });
    expect(history.events.map((e) => e.action)).toEqual(["created", "reminded_due_soon", "reminded_overdue"]);
  });
});
