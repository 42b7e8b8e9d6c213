/**
 * Working-day arithmetic (pure). Vietnam keeps no daylight saving, so a fixed UTC+7 offset gives
 * the local date and time exactly; every instant is stored in UTC.
 */

const offsetMs = 7 * 60 * 60 * 1000;
const dayMs = 24 * 60 * 60 * 1000;

export type WorkingCalendar = {
  /** Local dates (YYYY-MM-DD) that are days off although they fall on a weekday. */
  offDays: ReadonlySet<string>;
  /** Local dates that are worked although they fall on a weekend (swapped Saturdays). */
  workedDays: ReadonlySet<string>;
  /** Minutes after local midnight from which an accepted dossier counts from the next working day. */
  cutoffMinutes: number;
  /** Minutes after local midnight at which the working day ends: the appointment time. */
  closeMinutes: number;
};

export const defaultCutoffMinutes = 15 * 60;
export const defaultCloseMinutes = 17 * 60;
export const hoursPerWorkingDay = 8;

export function makeCalendar(
  rows: { date: string; kind: string }[],
  options: Partial<Pick<WorkingCalendar, "cutoffMinutes" | "closeMinutes">> = {},
): WorkingCalendar {
  return {
    offDays: new Set(rows.filter((r) => r.kind === "off").map((r) => r.date)),
    workedDays: new Set(rows.filter((r) => r.kind === "working").map((r) => r.date)),
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

function nextDate(isoDate: string, days = 1): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

export function isWorkingDay(isoDate: string, calendar: WorkingCalendar): boolean {
  if (calendar.offDays.has(isoDate)) return false;
  if (calendar.workedDays.has(isoDate)) return true;
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The instant at which the given local date's working day closes. */
function closeOf(isoDate: string, calendar: WorkingCalendar): Date {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) - offsetMs + calendar.closeMinutes * 60 * 1000);
}

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

/**
 * The appointment date: the close of the Nth working day after the counting start day
 * (the start day itself is partly spent, so it is not counted).
 */
export function appointmentDate(acceptedAt: Date, workingDays: number, calendar: WorkingCalendar): Date {
  const start = countingStartDay(acceptedAt, calendar);
  return closeOf(addWorkingDaysToDate(start, workingDays, calendar), calendar);
}

/** Working days in (from's day, to's day]: the time a clock stop adds to the deadline. */
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

/** Moves a due date later by the working days a clock stop lasted. */
export function extendDueDate(
  dueAt: Date,
  stoppedAt: Date,
  resumedAt: Date,
  calendar: WorkingCalendar,
): Date {
  const extra = workingDaysBetween(stoppedAt, resumedAt, calendar);
  if (extra === 0) return dueAt;
  return closeOf(addWorkingDaysToDate(localDate(dueAt), extra, calendar), calendar);
}

/** Working days left until a due date (negative when overdue), for queues and "due soon". */
export function workingDaysLeft(now: Date, dueAt: Date, calendar: WorkingCalendar): number {
  if (now.getTime() > dueAt.getTime()) return -workingDaysBetween(dueAt, now, calendar) || -1;
  return workingDaysBetween(now, dueAt, calendar);
}
