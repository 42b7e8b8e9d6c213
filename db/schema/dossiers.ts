import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { agencies } from "./agencies";
import { organisations, users } from "./identity";
import { procedures, procedureVersions } from "./catalog";

export const dossiers = pgTable(
  "dossiers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** {receiving agency code}-{yyMMdd}-{NNNN}; given at submission (drafts have none); never reused. */
    code: text("code").unique(),
    procedureId: uuid("procedure_id")
      .notNull()
      .references(() => procedures.id),
    procedureVersionId: uuid("procedure_version_id")
      .notNull()
      .references(() => procedureVersions.id),
    applicantId: uuid("applicant_id")
      .notNull()
      .references(() => users.id),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    receivingAgencyId: uuid("receiving_agency_id")
      .notNull()
      .references(() => agencies.id),
    competentAgencyId: uuid("competent_agency_id")
      .notNull()
      .references(() => agencies.id),
    assigneeId: uuid("assignee_id").references(() => users.id),
    /** The portal's own state (lib/dossiers/rules.ts); mapped to the national 1–10 codes there. */
    status: text("status").notNull(),
    /** done dossiers: approved | denied */
    outcome: text("outcome"),
    /** what the specialist proposed while the dossier waits for the head's approval */
    proposedOutcome: text("proposed_outcome"),
    /** 1 desk, 2 online, 3 post */
    channel: smallint("channel").notNull(),
    applicantName: text("applicant_name").notNull(),
    formData: jsonb("form_data").$type<Record<string, unknown>>().notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    /** Appointment date; extended by every clock stop. */
    dueAt: timestamp("due_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    returnedAt: timestamp("returned_at", { withTimezone: true }),
    /** Set while the clock is stopped (supplement requested, awaiting payment). */
    clockStoppedAt: timestamp("clock_stopped_at", { withTimezone: true }),
    /** Supplement requests after acceptance; more than one counts the dossier as late. */
    supplementCount: integer("supplement_count").notNull().default(0),
    /** Optimistic lock: every change must name the version it read. */
    version: integer("version").notNull().default(1),
    /** Client-chosen key that makes a replayed submission return the first dossier. */
    submissionKey: text("submission_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("dossiers_applicant_idx").on(t.applicantId, t.createdAt),
    index("dossiers_competent_status_idx").on(t.competentAgencyId, t.status),
    index("dossiers_receiving_status_idx").on(t.receivingAgencyId, t.status),
    uniqueIndex("dossiers_submission_key_unique").on(t.applicantId, t.submissionKey),
    // The reports measure the dossiers open now (lib/reports/rollups.ts): a small set among millions.
    index("dossiers_open_competent_idx")
      .on(t.competentAgencyId)
      .where(
        sql`${t.status} in ('submitted', 'supplement_requested', 'received', 'in_progress', 'proposed', 'awaiting_payment')`,
      ),
  ],
);

/** The append-only history of a dossier: every transition, who, when, from and to. */
export const dossierEvents = pgTable(
  "dossier_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    dossierId: uuid("dossier_id")
      .notNull()
      .references(() => dossiers.id),
    at: timestamp("at", { withTimezone: true }).notNull(),
    actorId: uuid("actor_id").references(() => users.id),
    action: text("action").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    comment: text("comment"),
    /** Action details: due date set, assignee, decision number… */
    details: jsonb("details").$type<Record<string, unknown>>(),
  },
  (t) => [
    index("dossier_events_dossier_idx").on(t.dossierId, t.at),
    index("dossier_events_action_at_idx").on(t.action, t.at),
  ],
);

/** Clock stops as intervals, so deadlines and reports never have to guess them. */
export const dossierClockStops = pgTable(
  "dossier_clock_stops",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    dossierId: uuid("dossier_id")
      .notNull()
      .references(() => dossiers.id),
    reason: text("reason").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [index("dossier_clock_stops_dossier_idx").on(t.dossierId)],
);

/** Per receiving agency and day, the last sequence number handed out for dossier codes. */
export const dossierCodeCounters = pgTable(
  "dossier_code_counters",
  {
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    day: text("day").notNull(),
    last: integer("last").notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.day] })],
);
