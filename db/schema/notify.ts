import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./identity";

/** Notices written in the same transaction as the change that causes them; a worker sends them. */
export const outbox = pgTable(
  "outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    recipientId: uuid("recipient_id").references(() => users.id),
    /** e.g. dossier.accepted */
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [index("outbox_recipient_idx").on(t.recipientId, t.createdAt)],
);

/**
 * One message to one person on one channel (lib/notify/delivery). The unique key says what the
 * message is (`outbox:<outbox id>:<user id>:email`, `digest:<user id>:<day>`), so writing it twice
 * makes one row and sending it twice finds it already sent.
 */
export const noticeDeliveries = pgTable(
  "notice_deliveries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    key: text("key").notNull().unique(),
    outboxId: bigint("outbox_id", { mode: "number" }).references(() => outbox.id),
    recipientId: uuid("recipient_id")
      .notNull()
      .references(() => users.id),
    /** email */
    channel: text("channel").notNull().default("email"),
    address: text("address").notNull(),
    /** pending | sending | sent | failed (retries used up: an administrator may retry) */
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /** While `sending`: the attempt's lease; a worker that died mid-send leaves it to expire. */
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    /** The Message-ID the message was sent with (the same on every attempt). */
    messageId: text("message_id"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("notice_deliveries_due_idx").on(t.status, t.nextAttemptAt),
    index("notice_deliveries_recipient_idx").on(t.recipientId, t.createdAt),
    check("notice_deliveries_status_check", sql`${t.status} in ('pending', 'sending', 'sent', 'failed')`),
  ],
);

/** The in-app inbox: one row per person per notice, written with the outbox row (lib/notify/inbox). */
export const inboxNotices = pgTable(
  "inbox_notices",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    recipientId: uuid("recipient_id")
      .notNull()
      .references(() => users.id),
    outboxId: bigint("outbox_id", { mode: "number" }).references(() => outbox.id),
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    dossierId: uuid("dossier_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    index("inbox_notices_recipient_idx").on(t.recipientId, t.createdAt),
    index("inbox_notices_unread_idx")
      .on(t.recipientId)
      .where(sql`${t.readAt} is null`),
  ],
);
