import { sql } from "drizzle-orm";
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
import { agencies } from "./agencies";
import { users } from "./identity";
import { organisations } from "./organisations";
import { procedures, procedureVersions } from "./catalog";

/*
 * The applicant's name without Vietnamese diacritics, lower-case, for the queue's search ("nguyen
 * van" finds "Nguyễn Văn"). translate() is immutable where unaccent() is not, so the column can be
 * generated: every writer of applicant_name (online filing, desk intake, the seed, bench:scale) gets
 * it for free. The same folding as lib/text/normalize.ts searchable() for the letters of Vietnamese.
 */
const accentedLower = "àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ";
const accented = accentedLower + accentedLower.toUpperCase();
const unaccented = [...accented]
  .map((letter) =>
    letter
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace("đ", "d")
      .replace("Đ", "D"),
  )
  .join("");

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
    /** The portal's own state (lib/dossiers/rules.ts); mapped to the national 1–10 codes in lib/dossiers/national.ts. */
    status: text("status").notNull(),
    /** done dossiers: approved | denied */
    outcome: text("outcome"),
    /** what the specialist proposed while the dossier waits for the head's approval */
    proposedOutcome: text("proposed_outcome"),
    /** 1 desk, 2 online, 3 post */
    channel: smallint("channel").notNull(),
    applicantName: text("applicant_name").notNull(),
    applicantSearch: text("applicant_search").generatedAlwaysAs(
      sql.raw(`lower(translate("applicant_name", '${accented}', '${unaccented}'))`),
    ),
    formData: jsonb("form_data").$type<Record<string, unknown>>().notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    /** Appointment date; extended by every clock stop, moved by an approved apology. */
    dueAt: timestamp("due_at", { withTimezone: true }),
    /**
     * The appointment date before the first approved apology ("will be late"), set once and never
     * moved: the figures measure lateness against it (lib/reports), the slips print it.
     */
    originalDueAt: timestamp("original_due_at", { withTimezone: true }),
    /** The officer's apology waiting for the head: { reason, newDueAt (ISO instant), proposedBy }. */
    pendingDelay: jsonb("pending_delay").$type<{ reason: string; newDueAt: string; proposedBy: string }>(),
    /** Inter-agency chain (liên thông): the index of the agency of the chain handling it now. */
    chainStep: smallint("chain_step").notNull().default(0),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    returnedAt: timestamp("returned_at", { withTimezone: true }),
    /** Set while the clock is stopped (supplement requested, awaiting payment). */
    clockStoppedAt: timestamp("clock_stopped_at", { withTimezone: true }),
    /**
     * The documents the open supplement request asks for: a required document of the version (key)
     * or one the officer named (name only). Null when no request is open.
     */
    requestedDocuments: jsonb("requested_documents").$type<{ key?: string; name: string }[]>(),
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
    /*
     * The lists read these in their own order, so a page is an index range read from the cursor on,
     * never a sort of an agency's or applicant's every dossier (lib/dossiers/keyset.ts).
     *
     * The staff queue: one index per side (the desk that receives, the agency that decides), in the
     * queue's order (appointment first, none last, then submission, then id). Drafts are nobody's
     * queue.
     */
    index("dossiers_queue_receiving_idx")
      .on(t.receivingAgencyId, t.dueAt.asc().nullsLast(), t.submittedAt, t.id)
      .where(sql`status <> 'draft'`),
    index("dossiers_queue_competent_idx")
      .on(t.competentAgencyId, t.dueAt.asc().nullsLast(), t.submittedAt, t.id)
      .where(sql`status <> 'draft'`),
    /*
     * The same for open dossiers only (not a draft, not ended: lib/dossiers/rules.ts isOpen). Every
     * bucket but "all" is a subset of them, a few percent of an agency's dossiers after three years,
     * so its pages read a small index instead of filtering through years of ended ones. Status and
     * the clock stop come last so the bucket counts read the index alone.
     */
    index("dossiers_queue_open_receiving_idx")
      .on(t.receivingAgencyId, t.dueAt.asc().nullsLast(), t.submittedAt, t.id, t.status, t.clockStoppedAt)
      .where(
        sql`status in ('submitted', 'supplement_requested', 'received', 'in_progress', 'proposed', 'awaiting_payment', 'done')`,
      ),
    index("dossiers_queue_open_competent_idx")
      .on(
        t.competentAgencyId,
        t.dueAt.asc().nullsLast(),
        t.submittedAt,
        t.id,
        t.receivingAgencyId,
        t.status,
        t.clockStoppedAt,
      )
      .where(
        sql`status in ('submitted', 'supplement_requested', 'received', 'in_progress', 'proposed', 'awaiting_payment', 'done')`,
      ),
    /*
     * The queue sorted by submission date (?sort=submitted): the same slices, in that order.
     */
    index("dossiers_queue_receiving_submitted_idx")
      .on(t.receivingAgencyId, t.submittedAt, t.id)
      .where(sql`status <> 'draft'`),
    index("dossiers_queue_competent_submitted_idx")
      .on(t.competentAgencyId, t.submittedAt, t.id)
      .where(sql`status <> 'draft'`),
    /* "Mine" and the officer filter: one officer's dossiers in the queue's order. */
    index("dossiers_queue_assignee_idx")
      .on(t.assigneeId, t.dueAt.asc().nullsLast(), t.submittedAt, t.id)
      .where(sql`status <> 'draft' and assignee_id is not null`),
    /* Search by the applicant's name, any part of it, accents ignored (pg_trgm: migration 0001). */
    index("dossiers_applicant_search_trgm_idx").using("gin", t.applicantSearch.op("gin_trgm_ops")),
    /*
     * The "all" tab's count: a narrow key repeated across an agency's dossiers, which PostgreSQL
     * stores deduplicated (a few bytes a dossier), counted without reading the table. The deciding
     * side carries the receiving agency, so "decided here, received elsewhere" is counted once.
     * Its prefix also serves the reports' reads by competent agency.
     */
    index("dossiers_receiving_status_idx").on(t.receivingAgencyId, t.status),
    index("dossiers_competent_receiving_status_idx").on(t.competentAgencyId, t.receivingAgencyId, t.status),
    /* The applicant's list, newest first (read backwards), and their organisations' dossiers. */
    index("dossiers_applicant_list_idx").on(t.applicantId, t.createdAt, t.id),
    index("dossiers_organisation_list_idx")
      .on(t.organisationId, t.createdAt, t.id)
      .where(sql`organisation_id is not null and status <> 'draft'`),
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
    /**
     * The hash chain (lib/dossiers/chain.ts): the hash of the dossier's previous event (null for its
     * first) and this event's own SHA-256 over its fields and prev_hash. Null hash: not yet chained
     * (rows of bench:scale; rows from before the chain get theirs at start-up, db/chain.ts).
     */
    prevHash: text("prev_hash"),
    hash: text("hash"),
  },
  (t) => [
    index("dossier_events_dossier_idx").on(t.dossierId, t.at),
    index("dossier_events_action_at_idx").on(t.action, t.at),
    // Finds the events still to chain at start-up without reading the table: empty once they are.
    index("dossier_events_unchained_idx")
      .on(t.dossierId)
      .where(sql`hash is null`),
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

/**
 * A question one agency asks another about a dossier (consultation). The dossier waits for the
 * answer without stopping its clock; the question and the answer are events of its history.
 */
export const dossierConsultations = pgTable(
  "dossier_consultations",
  {
    id: uuid("id").primaryKey(),
    dossierId: uuid("dossier_id")
      .notNull()
      .references(() => dossiers.id),
    /** The agency that asked: the competent agency at the time. */
    fromAgencyId: uuid("from_agency_id")
      .notNull()
      .references(() => agencies.id),
    toAgencyId: uuid("to_agency_id")
      .notNull()
      .references(() => agencies.id),
    question: text("question").notNull(),
    askedBy: uuid("asked_by")
      .notNull()
      .references(() => users.id),
    askedAt: timestamp("asked_at", { withTimezone: true }).notNull(),
    answer: text("answer"),
    answeredBy: uuid("answered_by").references(() => users.id),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
  },
  (t) => [
    index("dossier_consultations_dossier_idx").on(t.dossierId),
    // The consulted agency's list of questions still to answer.
    index("dossier_consultations_open_idx")
      .on(t.toAgencyId, t.askedAt)
      .where(sql`answered_at is null`),
  ],
);

/**
 * Each agency's turn in an inter-agency chain (liên thông): its share of the time limit (planned)
 * and when it held the dossier, so the time it used is measured, not guessed.
 */
export const dossierTransferLegs = pgTable(
  "dossier_transfer_legs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    dossierId: uuid("dossier_id")
      .notNull()
      .references(() => dossiers.id),
    step: smallint("step").notNull(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    plannedDays: integer("planned_days").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("dossier_transfer_legs_step_unique").on(t.dossierId, t.step),
    index("dossier_transfer_legs_agency_idx").on(t.agencyId, t.dossierId),
  ],
);
