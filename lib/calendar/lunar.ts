/**
 * Vietnam's lunar calendar (âm lịch), computed for UTC+7 with Hồ Ngọc Đức's published algorithm
 * ("Computing the Vietnamese lunar calendar", astronomical new moons and solar terms after Jean
 * Meeus, "Astronomical Algorithms", 1998).
 *
 * Why our own code rather than a package: the npm lunar-calendar packages that are maintained
 * (lunar-javascript, lunar-typescript, tyme4ts) compute China's calendar, for UTC+8, and put some
 * new years on a different day than Vietnam (Tết 2007 and 2030 are a day apart); the packages made
 * for Vietnam have one release each, no tests, or ship obfuscated code. The algorithm is short and
 * its results are pinned by tests against published Tết and Giỗ Tổ dates.
 */

/** Vietnam's time zone for the calendar: the day a new moon falls on depends on it. */
export const vietnamTimeZone = 7;

const { floor, sin, PI } = Math;

/** The Julian day number of a Gregorian date. */
export function julianDay(day: number, month: number, year: number): number {
  const a = floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return day + floor((153 * m + 2) / 5) + 365 * y + floor(y / 4) - floor(y / 100) + floor(y / 400) - 32045;
}

/** The Gregorian date of a Julian day number. */
export function fromJulianDay(jd: number): { day: number; month: number; year: number } {
  const a = jd + 32044;
  const b = floor((4 * a + 3) / 146097);
  const c = a - floor((b * 146097) / 4);
  const d = floor((4 * c + 3) / 1461);
  const e = c - floor((1461 * d) / 4);
  const m = floor((5 * e + 2) / 153);
  return {
    day: e - floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * floor(m / 10),
    year: b * 100 + d - 4800 + floor(m / 10),
  };
}

/** The k-th new moon after 1 January 1900 (Julian date, Universal Time). */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const dr = PI / 180;
  let Jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  Jd1 += 0.00033 * sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let C1 = (0.1734 - 0.000393 * T) * sin(M * dr) + 0.0021 * sin(2 * dr * M);
  C1 = C1 - 0.4068 * sin(Mpr * dr) + 0.0161 * sin(dr * 2 * Mpr);
  C1 = C1 - 0.0004 * sin(dr * 3 * Mpr);
  C1 = C1 + 0.0104 * sin(dr * 2 * F) - 0.0051 * sin(dr * (M + Mpr));
  C1 = C1 - 0.0074 * sin(dr * (M - Mpr)) + 0.0004 * sin(dr * (2 * F + M));
  C1 = C1 - 0.0004 * sin(dr * (2 * F - M)) - 0.0006 * sin(dr * (2 * F + Mpr));
  C1 = C1 + 0.001 * sin(dr * (2 * F - Mpr)) + 0.0005 * sin(dr * (2 * Mpr + M));
  const deltat =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return Jd1 + C1 - deltat;
}

/** The sun's longitude at a Julian date (radians, 0..2π). */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525;
  const T2 = T * T;
  const dr = PI / 180;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * sin(dr * M);
  DL = DL + (0.019993 - 0.000101 * T) * sin(dr * 2 * M) + 0.00029 * sin(dr * 3 * M);
  let L = (L0 + DL) * dr;
  L = L - PI * 2 * floor(L / (PI * 2));
  return L;
}

/** The local day (Julian day number) of the k-th new moon. */
function newMoonDay(k: number, timeZone: number): number {
  return floor(newMoon(k) + 0.5 + timeZone / 24);
}

/** Which of the 12 thirty-degree sectors the sun is in at the start of a local day. */
function sunSector(dayNumber: number, timeZone: number): number {
  return floor((sunLongitude(dayNumber - 0.5 - timeZone / 24) / PI) * 6);
}

/** The first day of the 11th lunar month (the one with the winter solstice) of a Gregorian year. */
function lunarMonth11(year: number, timeZone: number): number {
  const off = julianDay(31, 12, year) - 2415021;
  const k = floor(off / 29.530588853);
  let nm = newMoonDay(k, timeZone);
  if (sunSector(nm, timeZone) >= 9) nm = newMoonDay(k - 1, timeZone);
  return nm;
}

/** In a 13-month year, which month after the 11th is the leap one (the first without a major solar term). */
function leapMonthOffset(a11: number, timeZone: number): number {
  const k = floor((a11 - 2415021.076998695) / 29.530588853 + 0.5);
  let last: number;
  let i = 1;
  let arc = sunSector(newMoonDay(k + i, timeZone), timeZone);
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i, timeZone), timeZone);
  } while (arc !== last && i < 14);
  return i - 1;
}

export type LunarDate = { day: number; month: number; year: number; leap: boolean };

/** The lunar date of a Gregorian date, in Vietnam. */
export function toLunar(day: number, month: number, year: number, timeZone = vietnamTimeZone): LunarDate {
  const dayNumber = julianDay(day, month, year);
  const k = floor((dayNumber - 2415021.076998695) / 29.530588853);
  let monthStart = newMoonDay(k + 1, timeZone);
  if (monthStart > dayNumber) monthStart = newMoonDay(k, timeZone);
  let a11 = lunarMonth11(year, timeZone);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = year;
    a11 = lunarMonth11(year - 1, timeZone);
  } else {
    lunarYear = year + 1;
    b11 = lunarMonth11(year + 1, timeZone);
  }
  const lunarDay = dayNumber - monthStart + 1;
  const diff = floor((monthStart - a11) / 29);
  let leap = false;
  let lunarMonth = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, timeZone);
    if (diff >= leapDiff) {
      lunarMonth = diff + 10;
      if (diff === leapDiff) leap = true;
    }
  }
  if (lunarMonth > 12) lunarMonth -= 12;
  if (lunarMonth >= 11 && diff < 4) lunarYear -= 1;
  return { day: lunarDay, month: lunarMonth, year: lunarYear, leap };
}

/** The Gregorian date (YYYY-MM-DD) of a lunar date in Vietnam, or null when no such day exists. */
export function fromLunar(
  lunar: { day: number; month: number; year: number; leap?: boolean },
  timeZone = vietnamTimeZone,
): string | null {
  const { day, month, year } = lunar;
  const leap = lunar.leap ?? false;
  let a11: number;
  let b11: number;
  if (month < 11) {
    a11 = lunarMonth11(year - 1, timeZone);
    b11 = lunarMonth11(year, timeZone);
  } else {
    a11 = lunarMonth11(year, timeZone);
    b11 = lunarMonth11(year + 1, timeZone);
  }
  const k = floor(0.5 + (a11 - 2415021.076998695) / 29.530588853);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, timeZone);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) return null;
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    return null;
  }
  const monthStart = newMoonDay(k + off, timeZone);
  const { day: d, month: m, year: y } = fromJulianDay(monthStart + day - 1);
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Mùng 1 Tết (lunar new year's day) of the lunar year that starts in a Gregorian year. */
export function lunarNewYear(year: number, timeZone = vietnamTimeZone): string {
  return fromLunar({ day: 1, month: 1, year }, timeZone)!;
}

const stems = ["Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"];
const branches = ["Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"];

/** A lunar year's name in the sexagenary cycle, as Vietnam says it (2026: Bính Ngọ). */
export function lunarYearName(year: number): string {
  return `${stems[(year + 6) % 10]} ${branches[(year + 8) % 12]}`;
}
