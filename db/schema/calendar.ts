import { date, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * One row per date that differs from the normal week: a day off (holiday, make-up day, swapped
 * weekday) or a Saturday worked. Deadlines read this table, never a rule alone.
 */
export const holidays = pgTable("holidays", {
  date: date("date").primaryKey(),
  /** off | working */
  kind: text("kind").notNull(),
  name: text("name").notNull(),
  /** The legal text or notice that set it. */
  source: text("source"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
