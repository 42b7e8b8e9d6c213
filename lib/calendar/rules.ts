/**
 * Working time (pure). Vietnam keeps no daylight saving, so a fixed UTC+7 offset gives the local
 * date and time exactly; every instant is stored in UTC.
 *
 * Two things make up working time: the per-date calendar (which days are worked: the normal week,
 * changed by holidays, make-up days, swapped days and worked Saturdays, each stored with its legal
 * source) and the competent agency's working hours (two sessions a day and a cut-off hour).
 */

const offsetMs = 7 * 60 * 60 * 1000;
const dayMs = 24 * 60 * 60 * 1000;
const minuteMs = 60 * 1000;

/* ---- The per-date calendar ---- */

/** What a stored date says; a date not stored is a working day or a weekend by its weekday. */
export const specialDayKinds = ["holiday", "makeup_off", "swap_off", "swap_work"] as const;
export type SpecialDayKind = (typeof specialDayKinds)[number];
export type DayKind = SpecialDayKind | "working" | "weekend";

export function isSpecialDayKind(value: unknown): value is SpecialDayKind {
  return typeof value === "string" && (specialDayKinds as readonly string[]).includes(value);
}

/** Kinds that make a day off; "off" and "working" are the table's values before the kinds were kept apart. */
const offKinds: ReadonlySet<string> = new Set(["holiday", "makeup_off", "swap_off", "off"]);
const workedKinds: ReadonlySet<string> = new Set(["swap_work", "working"]);

/** One stored date of the calendar. */
export type CalendarDay = {
  date: string;
  kind: SpecialDayKind;
  name: string;
  /** The legal text or notice that set it. */
  source: string | null;
  /** For a swapped day: the day it was traded with. */
  swapWith?: string | null;
};

export type WorkingCalendar = {
  /** Local dates (YYYY-MM-DD) that are days off although they may fall on a weekday. */
  offDays: ReadonlySet<string>;
  /** Local dates that are worked although they fall on a weekend (swapped Saturdays). */
  workedDays: ReadonlySet<string>;
  /** The default cut-off (minutes after local midnight) for the day-based helpers below. */
  cutoffMinutes: number;
  /** The default close of the working day (minutes after local midnight) for the day-based helpers. */
  closeMinutes: number;
};

export const defaultCutoffMinutes = 15 * 60;
export const defaultCloseMinutes = 17 * 60;
/** A time limit's working day, in the hours the catalogue stores (8 h = 1 day, 4 h = half a day). */
export const hoursPerWorkingDay = 8;
/** A time limit of 0 hours: "within the day" (until the close of the day it counts from). */
export const withinTheDayHours = 0;

export function makeCalendar(
  rows: readonly { date: string; kind: string }[],
  options: Partial<Pick<WorkingCalendar, "cutoffMinutes" | "closeMinutes">> = {},
): WorkingCalendar {
  return {
    offDays: new Set(rows.filter((r) => offKinds.has(r.kind)).map((r) => r.date)),
    workedDays: new Set(rows.filter((r) => workedKinds.has(r.kind)).map((r) => r.date)),
    cutoffMinutes: options.cutoffMinutes ?? defaultCutoffMinutes,
    closeMinutes: options.closeMinutes ?? defaultCloseMinutes,
  };
}

/** The local (Vietnam) calendar date of an instant, as YYYY-MM-DD. */
export function localDate(instant: Date): string {
  return new Date(instant.getTime() + offsetMs).toISOString().slice(0, 10);
}

function localMinutes(instant: Date): number {
  const local = new Date(instant.getTime() + offsetMs);
  return local.getUTCHours() * 60 + local.getUTCMinutes();
}

export function nextDate(isoDate: string, days = 1): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(isoDate: string): number {
  return new Date(`${isoDate}T00:00:00Z`).getUTCDay();
}

export function isWeekend(isoDate: string): boolean {
  const weekday = weekdayOf(isoDate);
  return weekday === 0 || weekday === 6;
}

export function isWorkingDay(isoDate: string, calendar: WorkingCalendar): boolean {
  if (calendar.offDays.has(isoDate)) return false;
  if (calendar.workedDays.has(isoDate)) return true;
  return !isWeekend(isoDate);
}

/** What a date is: its stored kind, or a working day or a weekend by its weekday. */
export function dayKind(isoDate: string, stored: ReadonlyMap<string, SpecialDayKind>): DayKind {
  return stored.get(isoDate) ?? (isWeekend(isoDate) ? "weekend" : "working");
}

/** A stored day that says nothing the weekday does not (a Saturday "worked" that is a weekday…) is a mistake. */
export function calendarDayIssue(day: Pick<CalendarDay, "date" | "kind">): "work_not_weekend" | null {
  return day.kind === "swap_work" && !isWeekend(day.date) ? "work_not_weekend" : null;
}

/** Whether a year has no stored day at all: its notice has not been entered yet. */
export function isYearMissing(year: number, storedDates: readonly string[]): boolean {
  return !storedDates.some((date) => date.startsWith(`${year}-`));
}

/* ---- Working hours ---- */

/** An agency's working hours, in minutes after local midnight. */
export type WorkingHours = {
  morningStart: number;
  morningEnd: number;
  afternoonStart: number;
  afternoonEnd: number;
  /** Dossiers accepted at or after this count from the next working day. */
  cutoff: number;
};

export const defaultWorkingHours: WorkingHours = {
  morningStart: 7 * 60 + 30,
  morningEnd: 11 * 60 + 30,
  afternoonStart: 13 * 60 + 30,
  afternoonEnd: 17 * 60,
  cutoff: 15 * 60,
};

/** An agency's stored hours (null: the default for that field) as the arithmetic uses them. */
export function workingHoursOf(
  stored: Partial<Record<keyof WorkingHours, number | null>> | null,
): WorkingHours {
  const hours = { ...defaultWorkingHours };
  if (stored) {
    for (const key of Object.keys(hours) as (keyof WorkingHours)[]) {
      const value = stored[key];
      if (typeof value === "number") hours[key] = value;
    }
  }
  return hours;
}

/** What is wrong with a set of hours, or null: the sessions in order, the cut-off inside the day. */
export function workingHoursIssue(hours: WorkingHours): "order" | "cutoff" | null {
  const { morningStart, morningEnd, afternoonStart, afternoonEnd, cutoff } = hours;
  const inDay = (m: number) => m >= 0 && m <= 24 * 60;
  if (![morningStart, morningEnd, afternoonStart, afternoonEnd].every(inDay)) return "order";
  if (!(morningStart < morningEnd && morningEnd <= afternoonStart && afternoonStart < afternoonEnd))
    return "order";
  if (!(cutoff > morningStart && cutoff <= afternoonEnd)) return "cutoff";
  return null;
}

/** "07:30" -> 450; null for anything else. */
export function parseClock(text: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)(?::00)?$/.exec(text.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** 450 -> "07:30". */
export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

export function workingMinutesPerDay(hours: WorkingHours): number {
  return hours.morningEnd - hours.morningStart + (hours.afternoonEnd - hours.afternoonStart);
}

/** A local time of a local date, as an instant. */
function instantOf(isoDate: string, minutes: number): number {
  return Date.parse(`${isoDate}T00:00:00Z`) - offsetMs + minutes * minuteMs;
}

/** The working sessions of a day, as [start, end) instants; none on a day off. */
function sessionsOf(isoDate: string, calendar: WorkingCalendar, hours: WorkingHours): [number, number][] {
  if (!isWorkingDay(isoDate, calendar)) return [];
  return [
    [instantOf(isoDate, hours.morningStart), instantOf(isoDate, hours.morningEnd)],
    [instantOf(isoDate, hours.afternoonStart), instantOf(isoDate, hours.afternoonEnd)],
  ];
}

/** Far enough for any time limit or clock stop; a calendar with no working day at all is a bug. */
const maxDays = 3 * 366;

/**
 * The instant `minutes` of working time after `start`: time runs only inside the agency's
 * sessions on working days. The end of a session is a valid answer (a limit that ends as the
 * morning closes ends at 11:30, not at 13:30).
 */
export function addWorkingTime(
  calendar: WorkingCalendar,
  hours: WorkingHours,
  start: Date,
  minutes: number,
): Date {
  if (!(minutes > 0)) return start;
  let remaining = minutes * minuteMs;
  let day = localDate(start);
  for (let i = 0; i < maxDays; i++, day = nextDate(day)) {
    for (const [open, close] of sessionsOf(day, calendar, hours)) {
      const from = Math.max(open, start.getTime());
      if (from >= close) continue;
      if (from + remaining <= close) return new Date(from + remaining);
      remaining -= close - from;
    }
  }
  throw new Error("addWorkingTime: no working time within three years");
}

/** The working time (minutes, possibly fractional) between two instants; 0 when b is not after a. */
export function workingTimeBetween(calendar: WorkingCalendar, hours: WorkingHours, a: Date, b: Date): number {
  if (b.getTime() <= a.getTime()) return 0;
  let total = 0;
  const last = localDate(b);
  for (let day = localDate(a); day <= last; day = nextDate(day)) {
    for (const [open, close] of sessionsOf(day, calendar, hours)) {
      const from = Math.max(open, a.getTime());
      const to = Math.min(close, b.getTime());
      if (to > from) total += to - from;
    }
  }
  return total / minuteMs;
}

/**
 * When the time limit starts to run for a dossier accepted at `acceptedAt`: at once inside the
 * sessions before the cut-off; at the opening (or after lunch) when accepted before it; at the next
 * working day's opening when accepted at or after the cut-off or on a day off.
 */
export function countingStart(calendar: WorkingCalendar, hours: WorkingHours, acceptedAt: Date): Date {
  const day = localDate(acceptedAt);
  if (isWorkingDay(day, calendar) && localMinutes(acceptedAt) < hours.cutoff) {
    const t = acceptedAt.getTime();
    for (const [open, close] of sessionsOf(day, calendar, hours)) {
      if (t < close) return new Date(Math.max(open, t));
    }
  }
  let next = nextDate(day);
  while (!isWorkingDay(next, calendar)) next = nextDate(next);
  return new Date(instantOf(next, hours.morningStart));
}

/** A time limit in the catalogue's hours (8 h = one working day), in the agency's working minutes. */
export function limitMinutes(limitHours: number, hours: WorkingHours): number {
  return Math.round((limitHours / hoursPerWorkingDay) * workingMinutesPerDay(hours));
}

/**
 * The appointment: the end of the time limit's working time from acceptance. A limit of N working
 * days is N of the agency's working days (N × 8 h when its day is 8 h; with the default 7 h 30 day
 * an hour of the limit is an eighth of that day, so N days never become N + 1); 4 h is half a day;
 * 0 ("within the day") is the close of the day it counts from.
 */
export function appointmentAt(
  calendar: WorkingCalendar,
  hours: WorkingHours,
  acceptedAt: Date,
  limitHours: number,
): Date {
  const start = countingStart(calendar, hours, acceptedAt);
  if (limitHours <= withinTheDayHours) return new Date(instantOf(localDate(start), hours.afternoonEnd));
  return addWorkingTime(calendar, hours, start, limitMinutes(limitHours, hours));
}

/** The appointment for a limit in working days (kept for callers that count in days). */
export function appointmentDate(
  acceptedAt: Date,
  workingDays: number,
  calendar: WorkingCalendar,
  hours: WorkingHours = defaultWorkingHours,
): Date {
  return appointmentAt(calendar, hours, acceptedAt, workingDays * hoursPerWorkingDay);
}

/** Moves a due date later by the working time a clock stop lasted (never earlier). */
export function extendDueDate(
  dueAt: Date,
  stoppedAt: Date,
  resumedAt: Date,
  calendar: WorkingCalendar,
  hours: WorkingHours = defaultWorkingHours,
): Date {
  const stopped = workingTimeBetween(calendar, hours, stoppedAt, resumedAt);
  return stopped > 0 ? addWorkingTime(calendar, hours, dueAt, stopped) : dueAt;
}

/** Working time left until a due date, in whole minutes: negative when overdue. */
export function workingTimeLeft(
  calendar: WorkingCalendar,
  hours: WorkingHours,
  now: Date,
  dueAt: Date,
): number {
  if (now.getTime() <= dueAt.getTime()) return Math.floor(workingTimeBetween(calendar, hours, now, dueAt));
  const late = workingTimeBetween(calendar, hours, dueAt, now);
  return -Math.max(1, Math.ceil(late));
}

/** Minutes as hours and minutes, for pages ("12 h 30 min"). */
export function hoursAndMinutes(minutes: number): { hours: number; minutes: number } {
  const whole = Math.abs(Math.trunc(minutes));
  return { hours: Math.floor(whole / 60), minutes: whole % 60 };
}

/* ---- Day-based helpers (queues, "due soon", the seed) ---- */

/** Working days needed for a time limit stored in working hours (1 day = 8 h). */
export function workingDaysFor(hours: number): number {
  return Math.max(0, Math.ceil(hours / hoursPerWorkingDay));
}

/**
 * The local day from which the time limit counts: the acceptance day when it is a working day and
 * the dossier came in before the cut-off, otherwise the next working day.
 */
export function countingStartDay(acceptedAt: Date, calendar: WorkingCalendar): string {
  let day = localDate(acceptedAt);
  if (isWorkingDay(day, calendar) && localMinutes(acceptedAt) < calendar.cutoffMinutes) return day;
  do day = nextDate(day);
  while (!isWorkingDay(day, calendar));
  return day;
}

/** Adds working days after a local day, skipping weekends and days off. */
export function addWorkingDaysToDate(isoDate: string, days: number, calendar: WorkingCalendar): string {
  let day = isoDate;
  let remaining = days;
  while (remaining > 0) {
    day = nextDate(day);
    if (isWorkingDay(day, calendar)) remaining--;
  }
  return day;
}

/** Working days in (from's day, to's day]. */
export function workingDaysBetween(from: Date, to: Date, calendar: WorkingCalendar): number {
  let day = localDate(from);
  const last = localDate(to);
  let count = 0;
  while (day < last) {
    day = nextDate(day);
    if (isWorkingDay(day, calendar)) count++;
  }
  return count;
}

/** Working days left until a due date (negative when overdue), for queues and "due soon". */
export function workingDaysLeft(now: Date, dueAt: Date, calendar: WorkingCalendar): number {
  if (now.getTime() > dueAt.getTime()) return -workingDaysBetween(dueAt, now, calendar) || -1;
  return workingDaysBetween(now, dueAt, calendar);
}
