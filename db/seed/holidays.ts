import type { agencyWorkingHours, holidays } from "@/db/schema";
import type { AgencyKey } from "./agencies";
import { generateYear } from "@/lib/calendar/holidays";
import { calendarNotices, seededYears } from "./calendarNotices";

/** The demo calendar: the law's days off for each seeded year, as that year's notice fixed them. */
export const holidayRows: (typeof holidays.$inferInsert)[] = seededYears.flatMap((year) =>
  generateYear(
    year,
    calendarNotices.find((notice) => notice.year === year),
  ).map((day) => ({
    date: day.date,
    kind: day.kind,
    name: day.name,
    source: day.source,
    swapWith: day.swapWith ?? null,
  })),
);

/** Demo agencies with working hours of their own (minutes after midnight; null: the default). */
export const demoWorkingHours: Partial<
  Record<AgencyKey, Omit<typeof agencyWorkingHours.$inferInsert, "agencyId" | "updatedAt" | "updatedBy">>
> = {
  police: {
    morningStart: 7 * 60,
    morningEnd: 11 * 60 + 30,
    afternoonStart: 13 * 60 + 30,
    afternoonEnd: 17 * 60,
    cutoff: null,
  },
};
