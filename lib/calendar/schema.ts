import { z } from "zod";
import { calendarDayIssue, parseClock, specialDayKinds, workingHoursIssue, workingHoursOf } from "./rules";

/** Messages are keys of the "calendar" namespace, so the admin forms show them as they are. */
const required = "calendar:fieldErrors.required";
const text = (max: number) => z.string().trim().min(1, required).max(max, "calendar:fieldErrors.tooLong");

/** An administrator adds or changes one day of the calendar. */
export const calendarDaySchema = z
  .object({
    date: z.iso.date("calendar:fieldErrors.date"),
    kind: z.enum(specialDayKinds, "calendar:fieldErrors.kind"),
    name: text(200),
    /** The notice's number: the calendar records why every day is what it is. */
    source: text(300),
  })
  .superRefine((day, context) => {
    if (calendarDayIssue(day))
      context.addIssue({ code: "custom", path: ["kind"], message: "calendar:fieldErrors.workNotWeekend" });
  });

export type CalendarDayInput = z.input<typeof calendarDaySchema>;

export const calendarDateSchema = z.object({ date: z.iso.date("calendar:fieldErrors.date") });

export const calendarYearSchema = z.coerce.number().int().min(2000).max(2100);

/** "HH:MM", or empty for the default. */
const clock = z
  .string()
  .trim()
  .refine((value) => value === "" || parseClock(value) !== null, "calendar:fieldErrors.clock");

export const hoursFields = [
  "morningStart",
  "morningEnd",
  "afternoonStart",
  "afternoonEnd",
  "cutoff",
] as const;
export type HoursField = (typeof hoursFields)[number];

/** An agency's working hours; an empty field keeps the default. */
export const workingHoursSchema = z
  .object({
    agencyId: z.uuid("calendar:fieldErrors.agency"),
    morningStart: clock,
    morningEnd: clock,
    afternoonStart: clock,
    afternoonEnd: clock,
    cutoff: clock,
  })
  .superRefine((input, context) => {
    const stored = storedHours(input);
    const issue = workingHoursIssue(workingHoursOf(stored));
    if (issue === "order")
      context.addIssue({ code: "custom", path: ["afternoonEnd"], message: "calendar:fieldErrors.order" });
    if (issue === "cutoff")
      context.addIssue({ code: "custom", path: ["cutoff"], message: "calendar:fieldErrors.cutoff" });
  });

export type WorkingHoursInput = z.input<typeof workingHoursSchema>;

/** The form's fields as stored: minutes, or null for "the default". */
export function storedHours(input: Record<HoursField, string>): Record<HoursField, number | null> {
  const stored = {} as Record<HoursField, number | null>;
  for (const field of hoursFields) stored[field] = input[field] === "" ? null : parseClock(input[field]);
  return stored;
}
