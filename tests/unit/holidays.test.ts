import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { calendarNotices, seededYears } from "@/db/seed/calendarNotices";
import { holidayRows } from "@/db/seed/holidays";
import { generateYear } from "@/lib/calendar/holidays";
import { fromLunar, lunarNewYear, lunarYearName, toLunar } from "@/lib/calendar/lunar";
import reference from "./data/calendar-2025-2026.json";

type Reference = { date: string; kind: string; name: string; source: string };

/** The project's reference data (../shared/data), when this checkout has it beside it. */
const sharedCopy = [
  resolve(process.cwd(), "../shared/data/calendar-2025-2026.json"),
  resolve(process.cwd(), "../../shared/data/calendar-2025-2026.json"),
].find((path) => existsSync(path));

describe("Vietnam's lunar calendar (UTC+7)", () => {
  it("puts Tết on Vietnam's day, also in the years China's calendar differs", () => {
    expect(lunarNewYear(2025)).toBe("2025-01-29");
    expect(lunarNewYear(2026)).toBe("2026-02-17");
    expect(lunarNewYear(2027)).toBe("2027-02-06");
    // Computed for UTC+8 (China) the new moon falls a day later.
    expect(lunarNewYear(2007)).toBe("2007-02-17");
    expect(lunarNewYear(2007, 8)).toBe("2007-02-18");
    expect(lunarNewYear(2030)).toBe("2030-02-02");
    expect(lunarNewYear(2030, 8)).toBe("2030-02-03");
    expect(lunarNewYear(1985)).toBe("1985-01-21");
  });

  it("finds Giỗ Tổ Hùng Vương (10/3) and converts both ways", () => {
    expect(fromLunar({ day: 10, month: 3, year: 2025 })).toBe("2025-04-07");
    expect(fromLunar({ day: 10, month: 3, year: 2026 })).toBe("2026-04-26");
    expect(toLunar(16, 2, 2026)).toEqual({ day: 29, month: 12, year: 2025, leap: false });
    expect(lunarYearName(2026)).toBe("Bính Ngọ");
    expect(lunarYearName(2025)).toBe("Ất Tỵ");
  });

  it("knows leap months (2025 had a leap 6th month)", () => {
    expect(fromLunar({ day: 1, month: 6, year: 2025, leap: true })).toBe("2025-07-25");
    expect(fromLunar({ day: 1, month: 7, year: 2025, leap: true })).toBeNull();
  });
});

describe("the generated calendar against the published 2025–2026 schedule", () => {
  const generated = holidayRows;

  it("has exactly the published days, each of the published kind", () => {
    const published = (reference as Reference[]).map((day) => `${day.date} ${day.kind}`).sort();
    expect(generated.map((day) => `${day.date} ${day.kind}`).sort()).toEqual(published);
  });

  it("cites a text the schedule cites for every day (the notice, or the article of the Labour Code)", () => {
    for (const day of reference as Reference[]) {
      const mine = generated.find((row) => row.date === day.date)!;
      const cited = day.source.split(";").map((text) => text.replace(/\s*\(.*\)$/, "").trim());
      expect(
        cited.some((text) => mine.source?.includes(text)),
        `${day.date}: ${mine.source} / ${day.source}`,
      ).toBe(true);
    }
  });

  it("names the lunar days as the notices do", () => {
    const names = new Map(generated.map((row) => [row.date, row.name]));
    expect(names.get("2026-02-16")).toBe("Tết Âm lịch (29 tháng Chạp Ất Tỵ, ngày cuối năm)");
    expect(names.get("2026-02-17")).toBe("Tết Âm lịch (Mùng 1 Tết Bính Ngọ)");
    expect(names.get("2025-01-27")).toBe("Tết Âm lịch (28 tháng Chạp Giáp Thìn)");
    expect(names.get("2026-04-27")).toMatch(/^Nghỉ bù Giỗ Tổ Hùng Vương/);
  });

  it("follows the 2026 civil-service schedule as published", () => {
    const kindOf = new Map(generated.map((row) => [row.date, row.kind]));
    for (const date of ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"])
      expect(kindOf.get(date), date).toBe("holiday");
    expect(kindOf.get("2026-01-10")).toBe("swap_work");
    expect(kindOf.get("2026-08-22")).toBe("swap_work");
    expect(kindOf.get("2026-04-27")).toBe("makeup_off");
    expect(kindOf.get("2026-08-31")).toBe("swap_off");
    expect(kindOf.get("2026-09-01")).toBe("holiday");
    expect(kindOf.get("2026-09-02")).toBe("holiday");
    expect(kindOf.get("2026-11-24")).toBe("holiday");
  });

  it.runIf(sharedCopy)("uses the same reference as the project's shared data", () => {
    const shared = JSON.parse(readFileSync(sharedCopy!, "utf8")) as Reference[];
    expect(shared.map((d) => [d.date, d.kind, d.source])).toEqual(
      (reference as Reference[]).map((d) => [d.date, d.kind, d.source]),
    );
  });

  it("covers the seeded years only, from their notices", () => {
    expect(seededYears).toEqual(calendarNotices.map((notice) => notice.year));
    expect(new Set(generated.map((row) => row.date.slice(0, 4)))).toEqual(new Set(["2025", "2026"]));
  });
});

describe("a year without a notice yet (2027)", () => {
  const days = generateYear(2027);
  const kindOf = new Map(days.map((day) => [day.date, day.kind]));

  it("has the law's holidays, the lunar ones included", () => {
    expect(kindOf.get("2027-01-01")).toBe("holiday");
    expect(kindOf.get("2027-04-16")).toBe("holiday"); // 10/3 Đinh Mùi
    expect(kindOf.get("2027-04-30")).toBe("holiday");
    expect(kindOf.get("2027-09-02")).toBe("holiday");
    expect(kindOf.get("2027-09-03")).toBe("holiday"); // 2 September is a Thursday: the day after
    expect(kindOf.get("2027-11-24")).toBe("holiday");
  });

  it("gives Tết five days (the year's last and mùng 1–4) and make-up days for those on the weekend", () => {
    // Mùng 1 Đinh Mùi is Saturday 6 February 2027.
    for (const date of ["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09"])
      expect(kindOf.get(date), date).toBe("holiday");
    expect(kindOf.get("2027-02-10")).toBe("makeup_off");
    expect(kindOf.get("2027-02-11")).toBe("makeup_off");
    expect(days.every((day) => day.source)).toBe(true);
  });

  it("gives no make-up day for 24 November on a weekend (not a holiday of Điều 112 khoản 1)", () => {
    // 24 November 2029 is a Saturday.
    const later = generateYear(2029);
    expect(later.find((day) => day.date === "2029-11-24")?.kind).toBe("holiday");
    expect(later.some((day) => day.kind === "makeup_off" && day.name.includes("Văn hóa"))).toBe(false);
  });
});
