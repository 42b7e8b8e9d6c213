import { formFields } from "@/lib/forms/definition";
import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { holidays, procedureVersions } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { agencySeeds } from "@/db/seed/agencies";
import { holidayRows } from "@/db/seed/holidays";
import { procedureAgencyPairs, seedProcedures } from "@/db/seed/procedures";
import {
  appointmentDate,
  defaultCloseMinutes,
  defaultCutoffMinutes,
  isWorkingDay,
} from "@/lib/calendar/rules";
import { loadCalendar } from "@/lib/calendar/service";
import { getProcedureByCode } from "@/lib/catalog/service";
import { getFilingVersion, listFilingAgencies } from "@/lib/dossiers/filing";
import { openTestDatabase } from "../support/database";
import { createAgency, createProcedure, defaultDocuments, defaultForm } from "../support/fixtures";

let db: Db;
let close: () => Promise<void>;
/** A procedure of our own: version 1 is old, version 2 current (see createProcedure). */
let revised: { id: string; code: string; versionId: string };
let oldVersionId: string;

const agencyByKey = new Map(agencySeeds.map((agency) => [agency.key, agency]));

beforeAll(async () => {
  ({ db, close } = await openTestDatabase());
  // The catalogue and calendar are what matter here; dossiers would only slow the seed down.
  await seedDemo(db, { now: new Date("2026-06-15T03:00:00Z"), dossierCount: 0 });

  const court = await createAgency(db, { code: "000.00.09.H22", nameVi: "Cơ quan A", nameEn: "Agency A" });
  const office = await createAgency(db, { code: "000.00.08.H22", nameVi: "Cơ quan B", nameEn: "Agency B" });
  revised = await createProcedure(db, {
    code: "9.999001",
    places: [{ competentAgencyId: court.id, receivingAgencyId: office.id }],
    timeLimitHours: { online: 40, desk: 48, post: null },
  });
  const [old] = await db
    .select({ id: procedureVersions.id })
    .from(procedureVersions)
    .where(and(eq(procedureVersions.procedureId, revised.id), eq(procedureVersions.isCurrent, false)));
  oldVersionId = old!.id;
});

afterAll(async () => {
  await close();
});

describe("listFilingAgencies", () => {
  it("offers a commune-level procedure at each ward, each receiving its own dossiers, in name order", async () => {
    const places = await listFilingAgencies("1.001193");
    expect(places.map((p) => [p.competent.code, p.receiving.code])).toEqual([
      ["000.01.01.H33", "000.01.01.H33"],
      ["000.01.02.H33", "000.01.02.H33"],
    ]);
    expect(places[0]!.competent).toEqual({
      id: expect.any(String),
      code: "000.01.01.H33",
      nameVi: "Ủy ban nhân dân phường Phố Hiến",
      nameEn: "People's Committee of Pho Hien Ward",
    });
  });

  it("offers a province-level procedure at its department, received by the service centre", async () => {
    const province = seedProcedures.find((p) => p.level === "province")!;
    const places = await listFilingAgencies(province.code);
    expect(places).toHaveLength(1);
    expect(places[0]!.competent.code).toBe(agencyByKey.get(province.competent!)!.code);
    expect(places[0]!.receiving).toMatchObject({
      code: "000.00.01.H33",
      nameVi: "Trung tâm Phục vụ hành chính công tỉnh Hưng Yên",
    });
  });

  it("matches the seed's places for every procedure in the catalogue", async () => {
    for (const procedure of seedProcedures) {
      const expected = procedureAgencyPairs(procedure)
        .map((pair) => [agencyByKey.get(pair.competent)!.code, agencyByKey.get(pair.receiving)!.code])
        .sort();
      const places = await listFilingAgencies(procedure.code);
      expect(places.map((p) => [p.competent.code, p.receiving.code]).sort(), procedure.code).toEqual(
        expected,
      );
    }
  });

  it("gives no places for an unknown code, an empty one, or one that only looks like a code", async () => {
    expect(await listFilingAgencies("9.000000")).toEqual([]);
    expect(await listFilingAgencies("")).toEqual([]);
    expect(await listFilingAgencies("1.001193' or '1'='1")).toEqual([]);
    expect(await listFilingAgencies("1.00119%")).toEqual([]);
  });
});

describe("getFilingVersion", () => {
  it("gives the current version's form, documents and time limits", async () => {
    const detail = await getProcedureByCode("1.001193");
    const version = await getFilingVersion(detail!.version.id);
    expect(version).toEqual({
      id: detail!.version.id,
      form: detail!.version.form,
      documents: detail!.version.documents,
      timeLimitHours: detail!.version.timeLimitHours,
      handlingChain: null,
    });
    expect(formFields(version!.form).length).toBeGreaterThan(0);
    expect(version!.documents.length).toBeGreaterThan(0);
  });

  it("gives the version a draft was started under, even after a newer one became current", async () => {
    expect(await getFilingVersion(revised.versionId)).toEqual({
      id: revised.versionId,
      form: defaultForm,
      documents: defaultDocuments,
      timeLimitHours: { online: 40, desk: 48, post: null },
      handlingChain: null,
    });
    expect(await getFilingVersion(oldVersionId)).toEqual({
      id: oldVersionId,
      form: { pages: [] },
      documents: [],
      timeLimitHours: { online: 80, desk: 80, post: null },
      handlingChain: null,
    });
  });

  it("gives null for a version that does not exist", async () => {
    expect(await getFilingVersion(crypto.randomUUID())).toBeNull();
  });
});

describe("loadCalendar", () => {
  const offDates = holidayRows.filter((row) => row.kind !== "swap_work").map((row) => row.date);
  const workedDates = holidayRows.filter((row) => row.kind === "swap_work").map((row) => row.date);

  it("has every day off and every swapped working Saturday the seed loaded", async () => {
    const calendar = await loadCalendar();
    expect([...calendar.offDays].sort()).toEqual([...offDates].sort());
    expect([...calendar.workedDays].sort()).toEqual([...workedDates].sort());
    expect(calendar.cutoffMinutes).toBe(defaultCutoffMinutes);
    expect(calendar.closeMinutes).toBe(defaultCloseMinutes);
  });

  it("knows Tết 2026 and the swaps around New Year 2026", async () => {
    const calendar = await loadCalendar();
    for (const day of ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"]) {
      expect(isWorkingDay(day, calendar), day).toBe(false);
    }
    expect(isWorkingDay("2026-01-02", calendar)).toBe(false); // a Friday given off
    expect(isWorkingDay("2026-01-10", calendar)).toBe(true); // the Saturday worked for it
    expect(isWorkingDay("2026-02-23", calendar)).toBe(true);
  });

  it("gives a deadline that skips Tết: one working day from Friday 13 February 2026 is Monday 23 February", async () => {
    const calendar = await loadCalendar();
    const acceptedAt = new Date("2026-02-13T02:00:00Z"); // 09:00 in Hanoi
    // One working day of working time: the rest of Friday, then Monday until 09:00.
    expect(appointmentDate(acceptedAt, 1, calendar).toISOString()).toBe("2026-02-23T02:00:00.000Z");
  });

  it("reads inside the caller's transaction, and sees a day off added in it", async () => {
    const rollback = new Error("roll back");
    await expect(
      db.transaction(async (tx) => {
        await tx
          .insert(holidays)
          .values({ date: "2026-03-10", kind: "holiday", name: "Ngày nghỉ thử nghiệm" });
        const inside = await loadCalendar(tx);
        expect(inside.offDays.has("2026-03-10")).toBe(true);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect((await loadCalendar()).offDays.has("2026-03-10")).toBe(false);
    expect(await db.select().from(holidays).where(eq(holidays.date, "2026-03-10"))).toEqual([]);
  });
});
