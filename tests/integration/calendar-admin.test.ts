import { desc, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, dossiers, holidays } from "@/db/schema";
import {
  deleteCalendarDay,
  fillYearFromLaw,
  listAgencyHours,
  listCalendarYear,
  loadWorkingHours,
  saveCalendarDay,
  saveWorkingHours,
  yearHasEntries,
} from "@/lib/calendar/service";
import { defaultWorkingHours } from "@/lib/calendar/rules";
import { performStaffAction, supplementDossier } from "@/lib/dossiers/service";
import { createStaff, expectOk, fileDossier, openWorld, type World } from "../support/fixtures";

let db: Db;
let close: () => Promise<void>;
let world: World;

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

async function lastAudit(action: string) {
  const [row] = await db
    .select()
    .from(auditLog)
    .where(eq(auditLog.action, action))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row;
}

async function accepted(at: string) {
  vi.setSystemTime(vn(at));
  const filed = await fileDossier(world.applicantA, "1.001193");
  return expectOk(
    await performStaffAction(world.receiver, { action: "accept", code: filed.code!, version: filed.version }),
  );
}

describe("working hours per agency", () => {
  it("an agency's own hours and cut-off set the appointment on accept (the real transition path)", async () => {
    const { sysadmin, justice } = world;
    // The Department of Justice works 07:00–11:30 and 13:30–17:00 (8 h), cut-off 16:00.
    expectOk(
      await saveWorkingHours(sysadmin, {
        agencyId: justice.id,
        morningStart: "07:00",
        morningEnd: "",
        afternoonStart: "",
        afternoonEnd: "",
        cutoff: "16:00",
      }),
    );
    expect(await loadWorkingHours(justice.id)).toEqual({
      ...defaultWorkingHours,
      morningStart: 420,
      cutoff: 960,
    });

    // Wednesday 4 March 15:30: before this agency's cut-off, so 24 h run from now:
    // 1 h 30 today, Thu 5 and Fri 6 (16 h), then Mon 9 from 07:00 for the last 6 h 30:
    // 4 h 30 in the morning and 2 h after lunch -> 15:30.
    const dossier = await accepted("2026-03-04T15:30:00");
    expect(dossier.dueAt?.toISOString()).toBe(vn("2026-03-09T15:30:00").toISOString());
    const audit = await lastAudit("agency.working_hours_changed");
    expect(audit?.actorId).toBe(sysadmin.userId);
    expect(audit?.details).toMatchObject({
      agencyId: justice.id,
      before: { morningStart: null, cutoff: null },
      after: { morningStart: 420, cutoff: 960, afternoonEnd: null },
    });
  });

  it("moves the appointment by a clock stop's working time in the agency's hours", async () => {
    const { head, specialist, applicantA } = world;
    const dossier = await accepted("2026-03-04T10:00:00");
    // 24 h from Wed 4 10:00 in an 8-hour day: Mon 9 10:00.
    expect(dossier.dueAt?.toISOString()).toBe(vn("2026-03-09T10:00:00").toISOString());
    vi.setSystemTime(vn("2026-03-05T16:00:00"));
    const assigned = expectOk(
      await performStaffAction(head, {
        action: "assign",
        code: dossier.code!,
        version: dossier.version,
        assigneeId: specialist.userId,
      }),
    );
    const requested = expectOk(
      await performStaffAction(specialist, {
        action: "request_supplement",
        code: dossier.code!,
        version: assigned.version,
        comment: "Thiếu bản sao.",
      }),
    );
    // Answered Friday 6 at 08:00: 1 h on Thursday and 1 h on Friday morning (from 07:00).
    vi.setSystemTime(vn("2026-03-06T08:00:00"));
    const answered = expectOk(
      await supplementDossier(applicantA, {
        dossierId: dossier.id,
        version: requested.version,
        comment: "Đã bổ sung.",
      }),
    );
    // Mon 9 10:00 + 2 h: 1 h 30 until 11:30, 30 min after lunch.
    expect(answered.dueAt?.toISOString()).toBe(vn("2026-03-09T14:00:00").toISOString());
  });

  it("lets an agency's administrator change only its own agency; others not at all", async () => {
    const { justice, otherJustice, specialist } = world;
    const agencyAdmin = await createStaff(db, "Quản Trị Sở", [
      { agencyId: otherJustice.id, role: "agency_admin" },
    ]);
    const input = {
      agencyId: justice.id,
      morningStart: "",
      morningEnd: "",
      afternoonStart: "",
      afternoonEnd: "",
      cutoff: "",
    };
    expect(await saveWorkingHours(agencyAdmin, input)).toMatchObject({ ok: false, error: "forbidden" });
    expect(await saveWorkingHours(specialist, input)).toMatchObject({ ok: false, error: "forbidden" });
    expectOk(await saveWorkingHours(agencyAdmin, { ...input, agencyId: otherJustice.id, cutoff: "14:30" }));
    expect((await listAgencyHours(agencyAdmin)).map((row) => row.agency.id)).toEqual([otherJustice.id]);
    expect(
      await saveWorkingHours(agencyAdmin, { ...input, agencyId: otherJustice.id, morningEnd: "06:00" }),
    ).toMatchObject({
      ok: false,
      error: "invalid_input",
      issues: { afternoonEnd: ["calendar:fieldErrors.order"] },
    });
  });
});

describe("the calendar", () => {
  it("a calendar edit does not move a dossier already accepted; new acceptances use it", async () => {
    const { sysadmin } = world;
    const before = await accepted("2026-03-11T09:00:00");
    const dueDay = before.dueAt!.toISOString();
    // The administrator makes Friday 13 March a day off after the dossier was accepted.
    expectOk(
      await saveCalendarDay(sysadmin, {
        date: "2026-03-13",
        kind: "swap_off",
        name: "Nghỉ hoán đổi (thử nghiệm)",
        source: "Công văn 1/TEST",
      }),
    );
    const [row] = await db.select({ dueAt: dossiers.dueAt }).from(dossiers).where(eq(dossiers.id, before.id));
    expect(row!.dueAt?.toISOString()).toBe(dueDay);
    const after = await accepted("2026-03-11T09:00:00");
    expect(after.dueAt!.getTime()).toBeGreaterThan(before.dueAt!.getTime());
  });

  it("saves, changes and deletes a day, each audited with before and after; only a system administrator", async () => {
    const { sysadmin, receiver } = world;
    const day = {
      date: "2027-01-04",
      kind: "makeup_off" as const,
      name: "Nghỉ bù",
      source: "Thông báo 1/TEST",
    };
    expect(await saveCalendarDay(receiver, day)).toMatchObject({ ok: false, error: "forbidden" });
    expectOk(await saveCalendarDay(sysadmin, day));
    let audit = await lastAudit("calendar.day_saved");
    expect(audit?.details).toMatchObject({ date: "2027-01-04", before: null, after: { kind: "makeup_off" } });

    expectOk(await saveCalendarDay(sysadmin, { ...day, kind: "holiday", name: "Ngày lễ" }));
    audit = await lastAudit("calendar.day_saved");
    expect(audit?.details).toMatchObject({
      before: { kind: "makeup_off", name: "Nghỉ bù" },
      after: { kind: "holiday", name: "Ngày lễ" },
    });
    expect((await listCalendarYear(2027)).map((d) => d.date)).toEqual(["2027-01-04"]);

    expectOk(await deleteCalendarDay(sysadmin, { date: "2027-01-04" }));
    audit = await lastAudit("calendar.day_deleted");
    expect(audit?.details).toMatchObject({ before: { date: "2027-01-04", kind: "holiday" }, after: null });
    expect(await deleteCalendarDay(sysadmin, { date: "2027-01-04" })).toMatchObject({
      ok: false,
      error: "not_found",
    });
    expect(await yearHasEntries(2027)).toBe(false);
  });

  it("refuses a worked day that is not a weekend, and a day without its source", async () => {
    const result = await saveCalendarDay(world.sysadmin, {
      date: "2027-03-03",
      kind: "swap_work",
      name: "Làm bù",
      source: "",
    });
    expect(result).toMatchObject({
      ok: false,
      error: "invalid_input",
      issues: { kind: ["calendar:fieldErrors.workNotWeekend"], source: ["calendar:fieldErrors.required"] },
    });
  });

  it("fills a year with what the law fixes, keeping days already there", async () => {
    const { sysadmin } = world;
    await db.insert(holidays).values({ date: "2028-01-01", kind: "holiday", name: "Đã có", source: "X" });
    const added = expectOk(await fillYearFromLaw(sysadmin, 2028));
    expect(added).toBeGreaterThan(8);
    const days = await listCalendarYear(2028);
    expect(days.find((d) => d.date === "2028-01-01")?.name).toBe("Đã có");
    expect(days.some((d) => d.name.startsWith("Tết Âm lịch"))).toBe(true);
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, "calendar.year_filled"));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.details).toMatchObject({ year: 2028, before: null });
  });
});
