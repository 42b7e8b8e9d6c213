import {
  boolean,
  index,
  primaryKey,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { agencies } from "./agencies";
import { users } from "./identity";

export const procedures = pgTable("procedures", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** National code, e.g. 1.001193; local variants add the agency code. */
  code: text("code").notNull().unique(),
  nameVi: text("name_vi").notNull(),
  nameEn: text("name_en").notNull(),
  fieldVi: text("field_vi").notNull(),
  fieldEn: text("field_en").notNull(),
  /** province | commune */
  level: text("level").notNull(),
  /** whole | partial (Decree 42/2022) */
  onlineLevel: text("online_level").notNull(),
  /** Lower-case, accent-free names and field in both languages, for accent-insensitive search. */
  searchText: text("search_text").notNull(),
  /** Order on the home page; null when not featured. */
  popularRank: integer("popular_rank"),
  /** Who may file it: citizen, business (lib/catalog/lifeEvents.ts). */
  audiences: text("audiences")
    .array()
    .notNull()
    .default(sql`'{citizen}'::text[]`),
  /** The life events (birth, marriage, residence, business start, building, …) it belongs to. */
  lifeEvents: text("life_events")
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  /**
   * The decision is a deciding body's (the people's committee, collectively), not the agency's
   * alone: its dossiers may go onto a meeting's agenda (lib/dossiers/committee.ts).
   */
  needsCommitteeDecision: boolean("needs_committee_decision").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Where a procedure is done: the competent agency that decides and the one-stop desk that receives.
 * A commune-level procedure has one row per commune; the applicant chooses.
 */
export const procedureAgencies = pgTable(
  "procedure_agencies",
  {
    procedureId: uuid("procedure_id")
      .notNull()
      .references(() => procedures.id),
    competentAgencyId: uuid("competent_agency_id")
      .notNull()
      .references(() => agencies.id),
    receivingAgencyId: uuid("receiving_agency_id")
      .notNull()
      .references(() => agencies.id),
  },
  (t) => [
    primaryKey({ columns: [t.procedureId, t.competentAgencyId] }),
    index("procedure_agencies_agency_idx").on(t.competentAgencyId),
  ],
);

/**
 * What a procedure requires at one point in time. A dossier keeps the version it was filed under,
 * so a catalogue edit never moves an old dossier's deadline.
 */
export const procedureVersions = pgTable(
  "procedure_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    procedureId: uuid("procedure_id")
      .notNull()
      .references(() => procedures.id),
    version: integer("version").notNull(),
    isCurrent: boolean("is_current").notNull().default(false),
    decisionNo: text("decision_no"),
    /** Time limit in working hours (1 working day = 8 h), per channel: { online, desk, post }. */
    timeLimitHours: jsonb("time_limit_hours").$type<import("@/lib/catalog/types").TimeLimits>().notNull(),
    fees: jsonb("fees").$type<import("@/lib/catalog/types").Fee[]>().notNull(),
    documents: jsonb("documents").$type<import("@/lib/catalog/types").RequiredDocument[]>().notNull(),
    form: jsonb("form").$type<import("@/lib/forms/types").FormDefinition>().notNull(),
    details: jsonb("details").$type<import("@/lib/catalog/types").ProcedureDetails>().notNull(),
    /**
     * Inter-agency processing (liên thông): the agencies that handle a part in turn, the first being
     * the competent agency, each with its share of the time limit in working days. Null: one agency.
     */
    handlingChain: jsonb("handling_chain").$type<import("@/lib/catalog/types").HandlingStep[]>(),
    /**
     * draft: being edited by an administrator, seen by nobody else; published: frozen for ever (a
     * change is a new version). At most one draft per procedure.
     */
    status: text("status").notNull().default("published"),
    /** What changed, as the administrator wrote it for the version history. */
    changeNote: text("change_note"),
    createdBy: uuid("created_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** Null while a draft. */
    publishedAt: timestamp("published_at", { withTimezone: true }).defaultNow(),
  },
  (t) => [
    uniqueIndex("procedure_versions_unique").on(t.procedureId, t.version),
    uniqueIndex("procedure_versions_one_draft")
      .on(t.procedureId)
      .where(sql`status = 'draft'`),
  ],
);
