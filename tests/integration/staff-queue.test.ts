import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { dossierClockStops, dossiers } from "@/db/schema/dossiers";
import { users } from "@/db/schema/identity";
import { bulkAssign } from "@/lib/dossiers/bulkAssign";
import { parseQueueView } from "@/lib/dossiers/queueFilters";
import { listQueue, type QueueBucket } from "@/lib/dossiers/service";
import { getDossierWorkingTime } from "@/lib/dossiers/workingTime";
import {
  createAgency,
  createApplicant,
  createDossierRow,
  createProcedureRow,
  createStaff,
  type StaffActor,
} from "../support/fixtures";
import { openTestDatabase } from "../support/database";

/*
 * The busy desk's queue against the database: each tab's count and list, the filters, the search
 * without accents and by ID number, paging with filters kept, and bulk assign with one stale row.
 */

let db: Db;
let close: () => Promise<void>;
let head: StaffActor;
let specialist: StaffActor;
const ids: Record<string, string> = {};
let procedureB: { id: string; versionId: string };

const vn = (local: string) => new Date(`${local}+07:00`);
// Monday 4 May 2026, 09:00: "due within 2 working days" reaches Wednesday 09:00 (15 working hours).
const now = vn("2026-05-04T09:00:00");
const code = (name: string) => `000.00.01.H60-260501-${name}`;

beforeAll(async () => {
  ({ db, close } = await openTestDatabase());
  const desk = await createAgency(db, { code: "000.00.01.H60", kind: "province_centre" });
  head = await createStaff(db, "Trưởng Bộ Phận", [
    { agencyId: desk.id, role: "head" },
    { agencyId: desk.id, role: "receiver" },
  ]);
  specialist = await createStaff(db, "Chuyên Viên Một", [{ agencyId: desk.id, role: "specialist" }]);
  const an = await createApplicant(db, "Nguyễn Văn An");
  await db.update(users).set({ idNumber: "001203004567" }).where(eq(users.id, an.userId));
  const binh = await createApplicant(db, "Trần Thị Bình");
  const procedureRow = (code: string) =>
    createProcedureRow(db, {
      code,
      nameVi: `Thủ tục ${code}`,
      nameEn: `Procedure ${code}`,
      fieldVi: "Lĩnh vực",
      fieldEn: "Field",
      level: "province",
      searchText: "thu tuc",
      timeLimitHours: { online: 40, desk: 40, post: 40 },
    });
  const procedureA = await procedureRow("3.000101");
  procedureB = await procedureRow("3.000102");
  type Columns = Omit<Partial<typeof dossiers.$inferInsert>, "code"> & { status: string };
  const rows: [string, Columns, typeof an][] = [
    ["0001", { status: "submitted", channel: 1, submittedAt: vn("2026-05-01T08:00:00") }, an],
    ["0002", { status: "submitted", channel: 2, submittedAt: vn("2026-04-20T08:00:00") }, binh],
    ["0003", { status: "in_progress", assigneeId: specialist.userId, dueAt: vn("2026-05-05T10:00:00") }, an],
    [
      "0004",
      {
        status: "supplement_requested",
        dueAt: vn("2026-05-06T09:00:00"),
        clockStoppedAt: vn("2026-05-01T09:00:00"),
      },
      binh,
    ],
    ["0005", { status: "in_progress", dueAt: vn("2026-04-30T10:00:00") }, binh],
    ["0006", { status: "returned", dueAt: vn("2026-04-10T10:00:00") }, binh],
    ["0007", { status: "done", dueAt: vn("2026-04-11T10:00:00") }, binh],
    ["0008", { status: "received", dueAt: vn("2026-05-20T10:00:00") }, an],
    ["0009", { status: "received", dueAt: vn("2026-05-21T10:00:00") }, binh],
    ["0010", { status: "received", dueAt: vn("2026-05-22T10:00:00") }, binh],
  ];
  for (const [name, columns, applicant] of rows) {
    const row = await createDossierRow(db, {
      code: code(name),
      procedure: name === "0005" ? procedureB : procedureA,
      applicant: { userId: applicant.userId, name: applicant.name },
      agencyId: desk.id,
      submittedAt: vn("2026-04-28T08:00:00"),
      ...columns,
    });
    ids[name] = row.id;
  }
  await db.insert(dossierClockStops).values({
    dossierId: ids["0004"]!,
    reason: "supplement",
    startedAt: vn("2026-05-01T09:00:00"),
  });
});

afterAll(async () => {
  await close();
});

const codesOf = (page: { rows: { code: string | null }[] }) => page.rows.map((row) => row.code!.slice(-4));

describe("the tabs", () => {
  it("count and list each tab by its rule", async () => {
    const expected: Record<QueueBucket, string[]> = {
      new: ["0002", "0001"],
      mine: [],
      waiting: ["0004"],
      consulting: [],
      transferred_out: [],
      due_soon: ["0003"],
      overdue: ["0005"],
      finished: ["0006", "0007"],
      all: ["0006", "0007", "0005", "0003", "0004", "0008", "0009", "0010", "0002", "0001"],
    };
    for (const [bucket, codes] of Object.entries(expected) as [QueueBucket, string[]][]) {
      const page = await listQueue(head, { bucket, now, pageSize: 50 });
      expect(codesOf(page), bucket).toEqual(codes);
      expect(page.counts[bucket], bucket).toBe(codes.length);
    }
    const mine = await listQueue(specialist, { bucket: "mine", now });
    expect(codesOf(mine)).toEqual(["0003"]);
  });
});

describe("filters and search", () => {
  const read = (query: Record<string, string>, pageSize = 50) => {
    const view = parseQueueView(query);
    return listQueue(head, { bucket: view.bucket, view, now, pageSize });
  };

  it("filter by channel, procedure, state, officer and submission dates, counts following", async () => {
    const desk = await read({ channel: "desk" });
    expect(codesOf(desk)).toEqual(["0001"]);
    expect(desk.counts.all).toBe(1);
    expect(codesOf(await read({ bucket: "all", procedure: procedureB.id }))).toEqual(["0005"]);
    expect(codesOf(await read({ bucket: "all", status: "received" }))).toEqual(["0008", "0009", "0010"]);
    expect(codesOf(await read({ bucket: "all", officer: specialist.userId }))).toEqual(["0003"]);
    // Local dates, both ends included: 1 May (0001) in, 20 April (0002) and 28 April out.
    expect(codesOf(await read({ bucket: "all", from: "2026-04-29", to: "2026-05-01" }))).toEqual(["0001"]);
  });

  it("finds applicants without accents, by ID number and by code", async () => {
    const byName = await read({ bucket: "all", q: "nguyen van" });
    expect(codesOf(byName)).toEqual(["0003", "0008", "0001"]);
    expect(codesOf(await read({ bucket: "all", q: "NGUYEN VĂN an" }))).toEqual(["0003", "0008", "0001"]);
    expect(codesOf(await read({ bucket: "all", q: "tran thi binh" }))).toHaveLength(7);
    expect(codesOf(await read({ bucket: "all", q: "001203004567" }))).toEqual(["0003", "0008", "0001"]);
    expect(codesOf(await read({ bucket: "all", q: "001203004568" }))).toEqual([]);
    expect(codesOf(await read({ bucket: "all", q: code("0009") }))).toEqual(["0009"]);
    // LIKE's own characters are only characters.
    expect(codesOf(await read({ bucket: "all", q: "%" }))).toEqual([]);
  });

  it("sorts by submission date when asked", async () => {
    expect(codesOf(await read({ bucket: "new", sort: "submitted" }))).toEqual(["0002", "0001"]);
  });

  it("pages with the filters kept, forwards and back", async () => {
    for (const sort of ["due", "submitted"]) {
      const query = { bucket: "all", q: "nguyen", sort };
      const whole = codesOf(await read(query));
      expect(whole).toHaveLength(3);
      const seen: string[] = [];
      let page = await read(query, 1);
      seen.push(...codesOf(page));
      while (page.next) {
        const view = parseQueueView(query);
        page = await listQueue(head, { bucket: "all", view, now, pageSize: 1, after: page.next });
        seen.push(...codesOf(page));
      }
      expect(seen).toEqual(whole);
      const view = parseQueueView(query);
      const back = await listQueue(head, { bucket: "all", view, now, pageSize: 1, before: page.previous });
      expect(codesOf(back)).toEqual([whole[1]]);
    }
  });
});

describe("bulk assign", () => {
  it("assigns every fresh row and reports a conflict for the stale one", async () => {
    // Someone changed 0010 after the list was read: the list still shows version 1.
    await db.execute(sql`update dossiers set version = version + 1 where id = ${ids["0010"]!}`);
    const outcomes = await bulkAssign(head, {
      assigneeId: specialist.userId,
      items: [
        { code: code("0008"), version: 1 },
        { code: code("0010"), version: 1 },
        { code: code("0009"), version: 1 },
      ],
    });
    expect(outcomes).toEqual([
      { code: code("0008"), ok: true },
      { code: code("0010"), ok: false, error: "conflict" },
      { code: code("0009"), ok: true },
    ]);
    const mine = await listQueue(specialist, { bucket: "mine", now });
    expect(codesOf(mine).sort()).toEqual(["0003", "0008", "0009"]);
    const untouched = await db.select().from(dossiers).where(eq(dossiers.id, ids["0010"]!));
    expect(untouched[0]).toMatchObject({ status: "received", assigneeId: null });
  });

  it("refuses a specialist's bulk assign, row by row", async () => {
    const outcomes = await bulkAssign(specialist, {
      assigneeId: specialist.userId,
      items: [{ code: code("0010"), version: 2 }],
    });
    expect(outcomes[0]).toMatchObject({ ok: false });
  });
});

describe("working time on the dossier page", () => {
  it("freezes the time left while the clock is stopped and explains the stop", async () => {
    const dossier = {
      id: ids["0004"]!,
      status: "supplement_requested" as const,
      dueAt: vn("2026-05-06T09:00:00"),
      clockStoppedAt: vn("2026-05-01T09:00:00"),
      competentAgencyId: head.roles[0]!.agencyId,
    };
    const time = await getDossierWorkingTime(head, dossier, now);
    // Fri 6 h + Mon 7 h 30 + Tue 7 h 30 + Wed 1 h 30, counted from the stop, not from now.
    expect(time.left).toEqual({ minutes: 22 * 60 + 30, stopped: true });
    // So far: Friday from 09:00 (6 h) and Monday until 09:00 (1 h 30).
    expect(time.stops).toEqual([
      { reason: "supplement", startedAt: dossier.clockStoppedAt, endedAt: null, addedMinutes: 450 },
    ]);
    const stranger = await createStaff(db, "Người Khác", [
      {
        agencyId: (await createAgency(db, { code: "000.00.01.H61", kind: "province_centre" })).id,
        role: "head",
      },
    ]);
    expect((await getDossierWorkingTime(stranger, dossier, now)).stops).toEqual([]);
  });
});
