/**
 * The days off the law fixes, generated for a year (pure): the statutory holidays of the Labour
 * Code (Bộ luật Lao động 2019, Điều 112 khoản 1), the lunar ones computed for Vietnam (Tết, Giỗ Tổ
 * Hùng Vương), make-up days when one falls on a weekend (Điều 111 khoản 3), and Vietnamese Culture
 * Day from 2026. Each year's civil-service notice then fixes what the law leaves open (which five
 * days of Tết, which day beside 2 September) and the swapped days: `YearNotice`.
 */
import { fromLunar, lunarNewYear, lunarYearName, toLunar } from "./lunar";
import { isWeekend, nextDate, weekdayOf, type CalendarDay } from "./rules";

export const laborCode = "Bộ luật Lao động 45/2019/QH14, Điều 112 khoản 1";
export const makeupLaw = "Bộ luật Lao động 45/2019/QH14, Điều 111 khoản 3";
export const cultureDayLaw = "Nghị quyết 28/2026/QH16, Điều 2";

/** What a year's civil-service notice decides. */
export type YearNotice = {
  year: number;
  /** The notice's number and date, e.g. "Thông báo 9441/TB-BNV". */
  source: string;
  /** The weekdays off for Tết, inclusive (the notice picks them around mùng 1). */
  tet?: { from: string; to: string };
  /** The day beside 2 September (the law says "one adjacent day, before or after"). */
  nationalDayAdjacent?: string;
  /** A weekday off traded for a Saturday worked; its own source when another text set it. */
  swaps?: { off: string; work: string; source?: string }[];
  /** Texts that confirmed a make-up day, added to its source. */
  makeupSources?: Record<string, string>;
};

const iso = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

const weekdayNames = ["Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"];

/** "26/4/2025" as the notices write a date. */
function shortDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return `${String(d).padStart(2, "0")}/${m}/${y}`;
}

function lunarOf(date: string) {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return toLunar(day, month, year);
}

/** "Tết Âm lịch (29 tháng Chạp Ất Tỵ, ngày cuối năm)" or "Tết Âm lịch (Mùng 1 Tết Bính Ngọ)". */
function tetDayName(date: string): string {
  const lunar = lunarOf(date);
  const yearName = lunarYearName(lunar.year);
  if (lunar.month === 1) return `Tết Âm lịch (Mùng ${lunar.day} Tết ${yearName})`;
  const lastOfYear = lunarOf(nextDate(date)).month === 1;
  const month = lunar.month === 12 ? "Chạp" : String(lunar.month);
  return `Tết Âm lịch (${lunar.day} tháng ${month} ${yearName}${lastOfYear ? ", ngày cuối năm" : ""})`;
}

/** The default five days of Tết when no notice says otherwise: the year's last day and mùng 1–4. */
function defaultTet(year: number): { from: string; to: string } {
  const newYear = lunarNewYear(year);
  return { from: nextDate(newYear, -1), to: nextDate(newYear, 3) };
}

/** The day beside 2 September: after it when that joins a weekend (Monday, Thursday), else before. */
function defaultNationalDayAdjacent(year: number): string {
  const second = iso(year, 9, 2);
  const weekday = weekdayOf(second);
  return weekday === 1 || weekday === 4 ? iso(year, 9, 3) : iso(year, 9, 1);
}

/**
 * A year's calendar as the law and the year's notice make it, sorted by date. Weekend days inside
 * a break are not listed (they are weekends anyway) unless a holiday itself falls on one.
 */
export function generateYear(year: number, notice?: YearNotice): CalendarDay[] {
  const days = new Map<string, CalendarDay>();
  /** Holidays of Điều 112 khoản 1 that fall on a weekend earn a make-up day. */
  const earnsMakeup: CalendarDay[] = [];
  const add = (day: CalendarDay, makeup = true) => {
    days.set(day.date, day);
    if (makeup && isWeekend(day.date)) earnsMakeup.push(day);
  };
  const noticeOr = (law: string) => (notice ? `${notice.source}; ${law}` : law);

  add({ date: iso(year, 1, 1), kind: "holiday", name: "Tết Dương lịch", source: laborCode });

  const tet = notice?.tet ?? defaultTet(year);
  for (let date = tet.from; date <= tet.to; date = nextDate(date)) {
    // A notice lists the weekdays; the weekend days of its break are weekends.
    if (notice?.tet && isWeekend(date)) continue;
    add({ date, kind: "holiday", name: tetDayName(date), source: notice?.tet ? notice.source : laborCode });
  }

  const hungKings = fromLunar({ day: 10, month: 3, year });
  if (hungKings) {
    add({
      date: hungKings,
      kind: "holiday",
      name: isWeekend(hungKings)
        ? `Giỗ Tổ Hùng Vương (10/3 âm lịch) – trùng ${weekdayNames[weekdayOf(hungKings)]}`
        : "Giỗ Tổ Hùng Vương (10/3 âm lịch)",
      source: laborCode,
    });
  }
  add({ date: iso(year, 4, 30), kind: "holiday", name: "Ngày Chiến thắng (30/4)", source: laborCode });
  add({ date: iso(year, 5, 1), kind: "holiday", name: "Ngày Quốc tế Lao động (1/5)", source: laborCode });

  const adjacent = notice?.nationalDayAdjacent ?? defaultNationalDayAdjacent(year);
  add({
    date: adjacent,
    kind: "holiday",
    name: `Quốc khánh (ngày liền kề ${adjacent < iso(year, 9, 2) ? "trước" : "sau"} 2/9)`,
    source: notice?.nationalDayAdjacent ? notice.source : laborCode,
  });
  add({ date: iso(year, 9, 2), kind: "holiday", name: "Quốc khánh (2/9)", source: noticeOr(laborCode) });

  if (year >= 2026) {
    // Not a holiday of Điều 112 khoản 1, so a weekend 24 November earns no make-up day.
    add(
      { date: iso(year, 11, 24), kind: "holiday", name: "Ngày Văn hóa Việt Nam", source: cultureDayLaw },
      false,
    );
  }

  for (const swap of notice?.swaps ?? []) {
    const source = swap.source ?? notice!.source;
    const off = weekdayNames[weekdayOf(swap.off)]!;
    add(
      {
        date: swap.off,
        kind: "swap_off",
        name: `Nghỉ hoán đổi (làm bù thứ Bảy ${shortDate(swap.work)})`,
        source,
        swapWith: swap.work,
      },
      false,
    );
    add(
      {
        date: swap.work,
        kind: "swap_work",
        name: `Làm việc bù (hoán đổi cho ${off} ${shortDate(swap.off)})`,
        source,
        swapWith: swap.off,
      },
      false,
    );
  }

  // Each weekend holiday moves to the next weekday that is not already off.
  for (const holiday of earnsMakeup.sort((a, b) => a.date.localeCompare(b.date))) {
    let date = nextDate(holiday.date);
    while (isWeekend(date) || days.has(date)) date = nextDate(date);
    const extra = notice?.makeupSources?.[date];
    days.set(date, {
      date,
      kind: "makeup_off",
      name: `Nghỉ bù ${holiday.name.replace(/ – trùng .*$/, "")} (${shortDate(holiday.date)} trùng ${weekdayNames[weekdayOf(holiday.date)]})`,
      source: extra ? `${makeupLaw}; ${extra}` : makeupLaw,
    });
  }

  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
}
