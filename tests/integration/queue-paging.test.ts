import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { listApplicantDossiers, listQueue } from "@/lib/dossiers/service";
import {
  createAgency,
  createApplicant,
  createDossierRow,
  createOrganisation,
  createProcedureRow,
  createStaff,
  type ApplicantActor,
  type StaffActor,
} from "../support/fixtures";
import { openTestDatabase } from "../support/database";

/*
 * Paging by cursor through every row, forwards and back: no row twice, none missing, in the list's
 * order, also where many rows share an appointment date (to the microsecond), have none, or were
 * created in the same microsecond.
 */

let db: Db;
let close: () => Promise<void>;
let receiver: StaffActor;
let departmentHead: StaffActor;
let applicant: ApplicantActor;
let member: ApplicantActor;
/** Queue order of the desk's dossiers, as the rule says: appointment (none last), submission, id. */
let expectedQueue: string[];
let expectedOpen: string[];
let expectedApplicant: string[];

const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  ({ db, close } = await openTestDatabase());
  const desk = await createAgency(db, { code: "000.00.01.H50", kind: "province_centre" });
  const department = await createAgency(db, { code: "000.00.02.H50", kind: "department" });
  const elsewhere = await createAgency(db, { code: "000.00.01.H51", kind: "province_centre" });
  receiver = await createStaff(db, "Người Tiếp Nhận", [{ agencyId: desk.id, role: "receiver" }]);
  // The department decides some of the desk's dossiers and some received elsewhere.
  departmentHead = await createStaff(db, "Trưởng Phòng", [{ agencyId: department.id, role: "head" }]);
  const organisation = await createOrganisation(db, [
    await createApplicant(db, "Nguyễn Văn Nộp"),
    await createApplicant(db, "Trần Thị Thành Viên"),
  ]);
  [applicant, member] = organisation.members as [ApplicantActor, ApplicantActor];
  const procedure = await createProcedureRow(db, {
    code: "3.000001",
    nameVi: "Thủ tục",
    nameEn: "Procedure",
    fieldVi: "Lĩnh vực",
    fieldEn: "Field",
    level: "province",
    searchText: "thu tuc",
    timeLimitHours: { online: 40, desk: 40, post: 40 },
  });

  const sameDue = at("2026-05-11T10:00:00.000Z");
  // The same submission time to the microsecond for a few, so only the id tells them apart.
  const sameSubmission = "2026-05-04 02:00:00.123456+00";
  for (let i = 0; i < 23; i++) {
    const dueAt =
      i % 3 === 0
        ? null
        : i % 3 === 1
          ? sameDue
          : at(`2026-05-${String(12 + (i % 5)).padStart(2, "0")}T10:00:00Z`);
    const submittedAt = at(`2026-05-0${1 + (i % 4)}T0${i % 7}:00:00Z`);
    const status = i % 4 === 0 ? "returned" : "in_progress";
    await createDossierRow(db, {
      code: `000.00.01.H50-260501-${String(i + 1).padStart(4, "0")}`,
      status,
      procedure,
      applicant: { userId: applicant.userId, name: applicant.name },
      agencyId: desk.id,
      competentAgencyId: i % 2 === 0 ? department.id : desk.id,
      organisationId: i % 5 === 0 ? organisation.id : null,
      dueAt,
      submittedAt,
      createdAt: at("2026-05-01T00:00:00Z"),
    });
  }
  // Microsecond times, as the database writes them (now()), which a JS Date would round.
  await db.execute(
    sql`update dossiers set submitted_at = ${sameSubmission}::timestamptz,
          created_at = '2026-05-01 00:00:00.000001+00'::timestamptz
        where code in ('000.00.01.H50-260501-0001', '000.00.01.H50-260501-0002', '000.00.01.H50-260501-0003')`,
  );
  // A dossier received elsewhere and decided by the department, and a draft (nobody's queue).
  await createDossierRow(db, {
    code: "000.00.01.H51-260501-0001",
    status: "received",
    procedure,
    applicant: { userId: member.userId, name: member.name },
    agencyId: elsewhere.id,
    competentAgencyId: department.id,
    dueAt: sameDue,
    submittedAt: at("2026-05-02T00:00:00Z"),
  });
  await createDossierRow(db, {
    code: null as never,
    status: "draft",
    procedure,
    applicant: { userId: applicant.userId, name: applicant.name },
    agencyId: desk.id,
  });

  const rows = await db.execute<{ id: string; open: boolean }>(
    sql`select id, status <> 'returned' as open from dossiers
        where receiving_agency_id = ${desk.id} and status <> 'draft'
        order by due_at asc nulls last, submitted_at, id`,
  );
  expectedQueue = rows.rows.map((r) => r.id);
  expectedOpen = rows.rows.filter((r) => r.open).map((r) => r.id);
  const mine = await db.execute<{ id: string }>(
    sql`select id from dossiers where applicant_id = ${applicant.userId}
          or (organisation_id = ${organisation.id} and status <> 'draft')
        order by created_at desc, id desc`,
  );
  expectedApplicant = mine.rows.map((r) => r.id);
});

afterAll(async () => {
  await close();
});

/** Follows "next" from the first page to the last, then "previous" back to the first. */
async function walk(
  read: (start: { after?: string | null; before?: string | null }) => Promise<{
    rows: { id: string }[];
    next: string | null;
    previous: string | null;
  }>,
) {
  const forward: string[][] = [];
  let page = await read({});
  expect(page.previous).toBe(null);
  forward.push(page.rows.map((r) => r.id));
  while (page.next) {
    page = await read({ after: page.next });
    forward.push(page.rows.map((r) => r.id));
  }
  const backward: string[][] = [page.rows.map((r) => r.id)];
  while (page.previous) {
    page = await read({ before: page.previous });
    backward.unshift(page.rows.map((r) => r.id));
  }
  return { forward, backward };
}

describe("the staff queue by cursor", () => {
  it("pages through every dossier once, in order, with equal and missing appointment dates", async () => {
    expect(expectedQueue.length).toBe(23);
    const { forward, backward } = await walk((start) =>
      listQueue(receiver, { bucket: "all", pageSize: 4, ...start }),
    );
    expect(forward.flat()).toEqual(expectedQueue);
    expect(forward.map((p) => p.length)).toEqual([4, 4, 4, 4, 4, 3]);
    expect(backward).toEqual(forward);
  });

  it("pages through a filtered view (open dossiers) the same way, with its count", async () => {
    const view = { status: "in_progress" as const };
    const first = await listQueue(receiver, { bucket: "all", pageSize: 5, view });
    expect(first.total).toBe(expectedOpen.length);
    const { forward } = await walk((start) =>
      listQueue(receiver, { bucket: "all", pageSize: 5, view, ...start }),
    );
    expect(forward.flat()).toEqual(expectedOpen);
  });

  it("counts a dossier decided by the agency once, whether it received it or another desk did", async () => {
    const page = await listQueue(departmentHead, { bucket: "all", pageSize: 100 });
    // Every other desk dossier (competent = department) plus the one received elsewhere.
    expect(page.counts.all).toBe(13);
    expect(page.rows).toHaveLength(13);
    expect(new Set(page.rows.map((r) => r.id)).size).toBe(13);
  });

  it("stops counting 'all' at its limit and says so; the others below it stay exact", async () => {
    const capped = await listQueue(receiver, { bucket: "all", pageSize: 4, allCountLimit: 10 });
    expect(capped).toMatchObject({ allCapped: true, total: 10 });
    expect(capped.counts.all).toBe(10);
    expect(capped.counts.finished).toBe(23 - expectedOpen.length);
    expect(capped.capped).toEqual(["all"]);
    expect(capped.next).not.toBe(null);
    const exact = await listQueue(receiver, { bucket: "all", pageSize: 4, allCountLimit: 23 });
    expect(exact).toMatchObject({ allCapped: false, total: 23 });
  });

  it("treats a malformed or foreign cursor as the first page, never an error", async () => {
    const first = await listQueue(receiver, { bucket: "all", pageSize: 4 });
    for (const cursor of [
      "",
      "%%%",
      "bm90IGpzb24",
      Buffer.from('["1","2","x"]').toString("base64url"),
      "a".repeat(5000),
    ]) {
      const page = await listQueue(receiver, { bucket: "all", pageSize: 4, after: cursor });
      expect(page.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    }
  });
});

describe("the applicant's list by cursor", () => {
  it("pages through their own and their organisation's dossiers, newest first, drafts included", async () => {
    const { forward, backward } = await walk((start) =>
      listApplicantDossiers(applicant, { pageSize: 4, ...start }),
    );
    expect(forward.flat()).toEqual(expectedApplicant);
    expect(backward).toEqual(forward);
  });

  it("a member sees the organisation's submitted dossiers and their own, not another's draft", async () => {
    const page = await listApplicantDossiers(member, { pageSize: 50 });
    const ids = page.rows.map((r) => r.id);
    expect(ids).toHaveLength(new Set(ids).size);
    // 5 of the organisation's (i = 0, 5, 10, 15, 20) and the member's own one.
    expect(ids).toHaveLength(6);
  });
});
