import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { agencies } from "./agencies";
import { dossiers } from "./dossiers";
import { users } from "./identity";

/*
 * The officials' workspace (lib/meetings, lib/tasks): deciding bodies, written opinion forms,
 * meetings with agenda, votes and minutes, and the tasks that follow their conclusions. Classified
 * (mật) material is out of scope by design: nothing here holds it.
 */

/** A deciding body: a people's committee, a department's leadership. Its rule decides its votes. */
export const bodies = pgTable("bodies", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** Short, stable, in addresses: "ubnd-hung-yen". */
  code: text("code").notNull().unique(),
  nameVi: text("name_vi").notNull(),
  nameEn: text("name_en").notNull(),
  /** The agency whose body this is (its officers prepare the work); null for a body of its own. */
  agencyId: uuid("agency_id").references(() => agencies.id),
  /**
   * Quorum: more than this share of all voting members present, in percent (50 = "more than half").
   */
  quorumPercent: integer("quorum_percent").notNull().default(50),
  /**
   * What a decision needs: more than this share (percent) of the base below voting yes / agreeing.
   */
  majorityPercent: integer("majority_percent").notNull().default(50),
  /** The base of the majority: all_members (the law's default) | present | votes_cast. */
  majorityBase: text("majority_base").notNull().default("all_members"),
  /** On a tie, the side the chair voted with wins. */
  chairBreaksTie: boolean("chair_breaks_tie").notNull().default(true),
  /** Meeting documents reach members this many days ahead (calendar days). */
  documentsAheadDays: integer("documents_ahead_days").notNull().default(3),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  archivedAt: timestamp("archived_at", { withTimezone: true }),
});

/**
 * Who sits in a body: chair, vice_chair, member (these vote), secretary and support (bộ phận tham
 * mưu: prepare and follow up; they do not vote unless also members).
 */
export const bodyMembers = pgTable(
  "body_members",
  {
    bodyId: uuid("body_id")
      .notNull()
      .references(() => bodies.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role").notNull(),
    /** Their title in the body, shown in minutes: "Phó Chủ tịch UBND tỉnh". */
    title: text("title"),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.bodyId, t.userId] }), index("body_members_user_idx").on(t.userId)],
);

/** A file of the workspace (draft decisions, request letters, reports); bytes in lib/files storage. */
export const workspaceFiles = pgTable(
  "workspace_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** opinion_form | agenda_item | minutes | task_report | conclusion_notice */
    ownerKind: text("owner_kind").notNull(),
    ownerId: uuid("owner_id").notNull(),
    /** What the file is to its owner: draft | request_letter | document | report | pdf. */
    role: text("role").notNull().default("document"),
    fileName: text("file_name").notNull(),
    mediaType: text("media_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    storageKey: text("storage_key").notNull(),
    scanStatus: text("scan_status").notNull().default("clean"),
    uploadedBy: uuid("uploaded_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("workspace_files_owner_idx").on(t.ownerKind, t.ownerId)],
);

/**
 * A written opinion form (phiếu lấy ý kiến): prepared by the secretary (draft), approved by the chair
 * (open: sent to members), closed at its deadline or when every member answered (closed), with the
 * result counted by the body's rule and a conclusion drafted (concluded).
 */
export const opinionForms = pgTable(
  "opinion_forms",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    bodyId: uuid("body_id")
      .notNull()
      .references(() => bodies.id),
    /** "PYK-2026-0001": per body and year. */
    code: text("code").notNull().unique(),
    title: text("title").notNull(),
    question: text("question").notNull(),
    /** draft | awaiting_approval | open | closed | concluded | withdrawn */
    status: text("status").notNull().default("draft"),
    /** Working days members are given (the deadline is computed on the calendar when it opens). */
    workingDays: integer("working_days").notNull().default(5),
    deadline: timestamp("deadline", { withTimezone: true }),
    /** The dossier this decides, when the committee's decision is a step of one. */
    dossierId: uuid("dossier_id").references(() => dossiers.id),
    preparedBy: uuid("prepared_by")
      .notNull()
      .references(() => users.id),
    approvedBy: uuid("approved_by").references(() => users.id),
    openedAt: timestamp("opened_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** The counted result (lib/meetings/rules.ts): counts, base, outcome, the rule applied. */
    result: jsonb("result").$type<Record<string, unknown>>(),
    conclusion: text("conclusion"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Bumped on every change: a stale form post is refused, not applied over a newer state. */
    version: integer("version").notNull().default(1),
  },
  (t) => [index("opinion_forms_body_idx").on(t.bodyId, t.status)],
);

/** One member's answer to an opinion form: changeable until the deadline. */
export const opinionAnswers = pgTable(
  "opinion_answers",
  {
    formId: uuid("form_id")
      .notNull()
      .references(() => opinionForms.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    /** agree | agree_with_comments | disagree */
    answer: text("answer").notNull(),
    comment: text("comment"),
    /** How the member confirmed (password again today; a digital signature later): method, at. */
    confirmation: jsonb("confirmation").$type<Record<string, unknown>>().notNull(),
    answeredAt: timestamp("answered_at", { withTimezone: true }).notNull(),
    /** Reminders sent to this member for this form (due soon, overdue). */
    remindersSent: integer("reminders_sent").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.formId, t.userId] })],
);

/** A meeting of a body: planned, documents published to members, in session, closed. */
export const meetings = pgTable(
  "meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    bodyId: uuid("body_id")
      .notNull()
      .references(() => bodies.id),
    code: text("code").notNull().unique(),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    place: text("place"),
    /** Where remote members join (the video link); null: in the room only. */
    onlineUrl: text("online_url"),
    /** planned | published | in_session | closed | cancelled */
    status: text("status").notNull().default("planned"),
    currentItemId: uuid("current_item_id"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    openedAt: timestamp("opened_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("meetings_body_idx").on(t.bodyId, t.startsAt)],
);

/** A guest invited to one meeting (not a member of the body): speaks, does not vote. */
export const meetingGuests = pgTable(
  "meeting_guests",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    invitedBy: uuid("invited_by")
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.userId] })],
);

/** A member's or guest's answer to the invitation, and whether they joined in the room or remotely. */
export const meetingAttendance = pgTable(
  "meeting_attendance",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    /** attending | absent | delegated */
    response: text("response").notNull(),
    /** Who goes in their place (delegated). */
    delegateId: uuid("delegate_id").references(() => users.id),
    reason: text("reason"),
    /** Present in the session: in_room | remote (null: not checked in). */
    presence: text("presence"),
    checkedInAt: timestamp("checked_in_at", { withTimezone: true }),
    respondedAt: timestamp("responded_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.userId] })],
);

/** An item on a meeting's agenda: a question to decide, with its presenter and documents. */
export const agendaItems = pgTable(
  "agenda_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    summary: text("summary"),
    presenterId: uuid("presenter_id").references(() => users.id),
    /** pending | discussing | voting | decided | deferred */
    status: text("status").notNull().default("pending"),
    voteOpenedAt: timestamp("vote_opened_at", { withTimezone: true }),
    voteClosedAt: timestamp("vote_closed_at", { withTimezone: true }),
    /** The counted vote (lib/meetings/rules.ts). */
    result: jsonb("result").$type<Record<string, unknown>>(),
    /** The conclusion on this item, as it goes into the conclusion notice. */
    conclusion: text("conclusion"),
  },
  (t) => [index("agenda_items_meeting_idx").on(t.meetingId, t.position)],
);

/**
 * A dossier on an agenda item (its procedure needs the committee's decision): sent from the staff
 * dossier page, back at the desk with the item's conclusion.
 */
export const agendaItemDossiers = pgTable(
  "agenda_item_dossiers",
  {
    itemId: uuid("item_id")
      .notNull()
      .references(() => agendaItems.id),
    dossierId: uuid("dossier_id")
      .notNull()
      .references(() => dossiers.id),
    sentBy: uuid("sent_by")
      .notNull()
      .references(() => users.id),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
    /** When the conclusion went back to the dossier. */
    returnedAt: timestamp("returned_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.itemId, t.dossierId] }),
    index("agenda_item_dossiers_dossier_idx").on(t.dossierId),
  ],
);

/** Before the meeting: a member's comment in advance, or a request to speak on an item. */
export const agendaContributions = pgTable(
  "agenda_contributions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    itemId: uuid("item_id")
      .notNull()
      .references(() => agendaItems.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    /** comment | speak */
    kind: text("kind").notNull(),
    text: text("text"),
    /** For a request to speak: waiting | speaking | done | withdrawn. */
    speakStatus: text("speak_status"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("agenda_contributions_item_idx").on(t.itemId, t.kind, t.createdAt)],
);

/** One member's vote on one item: counted once (the primary key), confirmed by the member. */
export const votes = pgTable(
  "votes",
  {
    itemId: uuid("item_id")
      .notNull()
      .references(() => agendaItems.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    /** yes | no | abstain */
    choice: text("choice").notNull(),
    /** in_room | remote */
    presence: text("presence").notNull(),
    confirmation: jsonb("confirmation").$type<Record<string, unknown>>().notNull(),
    castAt: timestamp("cast_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.userId] })],
);

/**
 * The minutes of a meeting, versioned: the secretary drafts, the chair approves, publication freezes
 * the version (a database trigger refuses any change to a published row). A later correction is a
 * new version; the old one stays.
 */
export const minutes = pgTable(
  "minutes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id),
    version: integer("version").notNull(),
    /** draft | approved | published | superseded */
    status: text("status").notNull().default("draft"),
    body: text("body").notNull(),
    /** Why this version replaces the one before (a correction). */
    changeNote: text("change_note"),
    draftedBy: uuid("drafted_by")
      .notNull()
      .references(() => users.id),
    approvedBy: uuid("approved_by").references(() => users.id),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    /** The decisions registry entry the conclusion notice was published as (personal data guarded). */
    decisionId: uuid("decision_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("minutes_meeting_version_idx").on(t.meetingId, t.version)],
);

/**
 * A task from a conclusion (theo dõi nhiệm vụ): one owner agency and officer, a deadline. Its shown
 * status (in progress / done on time / done late / overdue) is derived from completedAt and the
 * deadline by lib/tasks/rules.ts; only "open" or "done" is stored.
 */
export const tasks = pgTable(
  "tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull().unique(),
    title: text("title").notNull(),
    details: text("details"),
    /** Where it comes from: agenda_item | opinion_form (its conclusion). */
    sourceKind: text("source_kind").notNull(),
    sourceId: uuid("source_id").notNull(),
    bodyId: uuid("body_id")
      .notNull()
      .references(() => bodies.id),
    ownerAgencyId: uuid("owner_agency_id")
      .notNull()
      .references(() => agencies.id),
    ownerUserId: uuid("owner_user_id").references(() => users.id),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    /** open | done */
    state: text("state").notNull().default("open"),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** When the owner was last told the task is due soon or overdue (the worker's reminders). */
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("tasks_owner_agency_idx").on(t.ownerAgencyId, t.state, t.dueAt),
    index("tasks_source_idx").on(t.sourceKind, t.sourceId),
    index("tasks_open_due_idx")
      .on(t.dueAt)
      .where(sql`state = 'open'`),
  ],
);

/** A progress report on a task (with documents in workspace_files, owner_kind task_report). */
export const taskReports = pgTable(
  "task_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    text: text("text").notNull(),
    /** The report that marks the task done. */
    completes: boolean("completes").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("task_reports_task_idx").on(t.taskId, t.createdAt)],
);

/**
 * Every change in the workspace, hash-chained per subject (an opinion form, a meeting, a task) the
 * way a dossier's history is (lib/dossiers/chain.ts): editing or deleting a past event breaks it.
 */
export const workspaceEvents = pgTable(
  "workspace_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** body | opinion_form | meeting | task */
    subjectKind: text("subject_kind").notNull(),
    subjectId: uuid("subject_id").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    actorId: uuid("actor_id").references(() => users.id),
    action: text("action").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>(),
    prevHash: text("prev_hash"),
    hash: text("hash").notNull(),
  },
  (t) => [index("workspace_events_subject_idx").on(t.subjectKind, t.subjectId, t.id)],
);
