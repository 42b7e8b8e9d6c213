import { date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { agencies } from "./agencies";
import { procedures } from "./catalog";

/*
 * Rollups of the transparency figures (lib/reports), so a report reads a few rows per agency and
 * day instead of every dossier's history. lib/reports/rollups.ts explains how they stay exact.
 */

/**
 * What happened each local day (Vietnam, UTC+7) per deciding agency and procedure: the flows of
 * the figures. Added to in the transaction of each dossier event.
 */
export const reportDailyFlows = pgTable(
  "report_daily_flows",
  {
    competentAgencyId: uuid("competent_agency_id")
      .notNull()
      .references(() => agencies.id),
    procedureId: uuid("procedure_id")
      .notNull()
      .references(() => procedures.id),
    day: date("day", { mode: "string" }).notNull(),
    received: integer("received").notNull().default(0),
    receivedOnline: integer("received_online").notNull().default(0),
    finished: integer("finished").notNull().default(0),
    finishedOnTime: integer("finished_on_time").notNull().default(0),
    finishedLate: integer("finished_late").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.competentAgencyId, t.procedureId, t.day] }),
    // A report reads a window of days for every agency.
    index("report_daily_flows_day_idx").on(t.day),
  ],
);

/**
 * The dossiers open at the end of a closed local month, per deciding agency and procedure: stocks
 * cannot be summed from days. `month` is "YYYY-MM".
 */
export const reportMonthEnds = pgTable(
  "report_month_ends",
  {
    month: text("month").notNull(),
    competentAgencyId: uuid("competent_agency_id")
      .notNull()
      .references(() => agencies.id),
    procedureId: uuid("procedure_id")
      .notNull()
      .references(() => procedures.id),
    openAtEnd: integer("open_at_end").notNull().default(0),
    openOverdue: integer("open_overdue").notNull().default(0),
    openLate: integer("open_late").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.month, t.competentAgencyId, t.procedureId] })],
);

/** Months whose end is in report_month_ends (a month with nothing open has no rows, only this mark). */
export const reportClosedMonths = pgTable("report_closed_months", {
  month: text("month").primaryKey(),
  filledAt: timestamp("filled_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The flows of each closed local month per deciding agency, summed once from report_daily_flows
 * when the month's end is filled: a closed month's days never change (events are written at the
 * moment they happen), and a year's report then reads a few hundred rows, not every day of every
 * procedure. `month` is "YYYY-MM".
 */
export const reportMonthFlows = pgTable(
  "report_month_flows",
  {
    month: text("month").notNull(),
    competentAgencyId: uuid("competent_agency_id")
      .notNull()
      .references(() => agencies.id),
    received: integer("received").notNull().default(0),
    receivedOnline: integer("received_online").notNull().default(0),
    finished: integer("finished").notNull().default(0),
    finishedOnTime: integer("finished_on_time").notNull().default(0),
    finishedLate: integer("finished_late").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.month, t.competentAgencyId] })],
);
