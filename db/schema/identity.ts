import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { agencies } from "./agencies";

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** Null only for an applicant filed for at the desk who gave no e-mail (they add one when they sign up). */
  email: text("email").unique(),
  phone: text("phone"),
  /** The 12-digit personal identification number (CCCD), unique when set: how the desk finds a person. */
  idNumber: text("id_number").unique(),
  /**
   * The receiving officer who created this applicant at the desk (lib/identity/desk.ts). With no
   * password yet, the person may claim the account by signing up with the details the desk recorded.
   */
  deskCreatedBy: uuid("desk_created_by").references((): AnyPgColumn => users.id),
  fullName: text("full_name").notNull(),
  /** argon2id hash; null for accounts that only sign in through an identity provider. */
  passwordHash: text("password_hash"),
  /** citizen | staff — staff roles are in staff_roles. */
  kind: text("kind").notNull().default("citizen"),
  /** Preferred language for notices. */
  locale: text("locale").notNull().default("vi"),
  /** Channels the person wants notices on (lib/notify): e-mail and the in-app inbox. */
  notifyByEmail: boolean("notify_by_email").notNull().default(true),
  notifyInInbox: boolean("notify_in_inbox").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  /**
   * Written into each session token at sign-in and compared on every request: bumping it ends every
   * session of the user at once (sign-out, password change, disable, role change).
   */
  sessionVersion: integer("session_version").notNull().default(1),
  /** Set when the account may no longer sign in; its sessions end with it. */
  disabledAt: timestamp("disabled_at", { withTimezone: true }),
});

/** A civil servant's role in one agency (receiver, specialist, head, agency_admin, system_admin). */
export const staffRoles = pgTable(
  "staff_roles",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    role: text("role").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.agencyId, t.role] }),
    index("staff_roles_agency_idx").on(t.agencyId),
  ],
);

/**
 * Counters of rate-limiter-flexible's Drizzle store (sign-in and sign-up throttling), in the
 * database so every instance of the portal shares them. Column names are the library's.
 */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull(),
  expire: timestamp("expire", { withTimezone: true }),
});
