import { date, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { agencies } from "./agencies";

/**
 * The per-date calendar: one row per date that differs from the normal week, with what it is and
 * the legal text that made it so. Deadlines read this table, never a rule alone; the seed and the
 * administrator fill it (lib/calendar/holidays.ts generates what the law fixes).
 */
export const holidays = pgTable("holidays", {
  date: date("date").primaryKey(),
  /** holiday | makeup_off | swap_off | swap_work (lib/calendar/rules.ts specialDayKinds) */
  kind: text("kind").notNull(),
  name: text("name").notNull(),
  /** The legal text or notice that set it. */
  source: text("source"),
  /** For a swapped day: the day it was traded with. */
  swapWith: date("swap_with"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * An agency's working hours, in minutes after local midnight. A row only for an agency that
 * changed them; a null field is the default (07:30–11:30, 13:30–17:00, cut-off 15:00).
 */
export const agencyWorkingHours = pgTable("agency_working_hours", {
  agencyId: uuid("agency_id")
    .primaryKey()
    .references(() => agencies.id, { onDelete: "cascade" }),
  morningStart: integer("morning_start"),
  morningEnd: integer("morning_end"),
  afternoonStart: integer("afternoon_start"),
  afternoonEnd: integer("afternoon_end"),
  cutoff: integer("cutoff"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid("updated_by"),
});
