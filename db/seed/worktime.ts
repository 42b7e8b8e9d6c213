import { isWorkingDay, localDate, type WorkingCalendar } from "@/lib/calendar/rules";

/**
 * Working time as a number line: minute i of the line is a minute of office hours (08:00–12:00 and
 * 13:00–17:00, Vietnam time) on a working day. Seeded events are placed on this line, so officers
 * act in office hours and "three working days later" is plain arithmetic.
 */
const offsetMs = 7 * 60 * 60 * 1000;
const dayMs = 24 * 60 * 60 * 1000;
export const minutesPerDay = 480;

export type WorkTime = {
  /** The instant of a working minute. */
  at: (index: number) => Date;
  /** The working minutes before an instant (an instant outside office hours maps to the next opening). */
  indexOf: (instant: Date) => number;
  /** The first working minute of the day of `index`. */
  dayStart: (index: number) => number;
};

export function makeWorkTime(calendar: WorkingCalendar, from: Date, to: Date): WorkTime {
  const days: string[] = [];
  const dayIndex = new Map<string, number>();
  for (let t = from.getTime(); t <= to.getTime(); t += dayMs) {
    const day = localDate(new Date(t));
    if (isWorkingDay(day, calendar)) {
      dayIndex.set(day, days.length);
      days.push(day);
    }
  }

  const at = (index: number): Date => {
    const day = days[Math.floor(index / minutesPerDay)];
    if (day === undefined || index < 0)
      throw new Error(`Working minute ${index} is outside the seeded range`);
    const minute = index % minutesPerDay;
    const local = minute < 240 ? 8 * 60 + minute : 13 * 60 + (minute - 240);
    return new Date(Date.parse(`${day}T00:00:00Z`) - offsetMs + local * 60_000);
  };

  const indexOf = (instant: Date): number => {
    let day = localDate(instant);
    const local = new Date(instant.getTime() + offsetMs);
    let minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
    for (let guard = 0; !dayIndex.has(day); guard++) {
      if (guard > 20) throw new Error(`${instant.toISOString()} is outside the seeded range`);
      day = localDate(new Date(Date.parse(`${day}T12:00:00Z`) + dayMs));
      minutes = 0;
    }
    const base = dayIndex.get(day)! * minutesPerDay;
    if (minutes < 8 * 60) return base;
    if (minutes < 12 * 60) return base + minutes - 8 * 60;
    if (minutes < 13 * 60) return base + 240;
    if (minutes < 17 * 60) return base + 240 + minutes - 13 * 60;
    return base + minutesPerDay;
  };

  return { at, indexOf, dayStart: (index) => index - (index % minutesPerDay) };
}
