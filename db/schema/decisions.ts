import { date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { agencies } from "./agencies";
import { dossiers } from "./dossiers";
import { users } from "./identity";

/** Results published by staff: the public registry of decisions. */
export const decisions = pgTable(
  "decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: text("number").notNull(),
    issuedOn: date("issued_on").notNull(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    dossierId: uuid("dossier_id").references(() => dossiers.id),
    summaryVi: text("summary_vi").notNull(),
    summaryEn: text("summary_en").notNull(),
    /** Accent-free text for search. */
    searchText: text("search_text").notNull(),
    publishedBy: uuid("published_by").references(() => users.id),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("decisions_issued_idx").on(t.issuedOn), index("decisions_agency_idx").on(t.agencyId)],
);
