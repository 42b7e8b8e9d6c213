/* The admin forms' field names, shared by the forms (client) and their server actions: a constant
   exported from a "use client" module reaches the server only as a client reference. */

export const calendarDayFields = ["date", "kind", "name", "source"] as const;
export type CalendarDayField = (typeof calendarDayFields)[number];

export const hoursFormFields = [
  "morningStart",
  "morningEnd",
  "afternoonStart",
  "afternoonEnd",
  "cutoff",
] as const;
export type HoursFormField = (typeof hoursFormFields)[number];
