import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./identity";

/** A business (by tax code) that files through its members. Seam for the organisations issue. */
export const organisations = pgTable("organisations", {
  id: uuid("id").primaryKey().defaultRandom(),
  taxCode: text("tax_code").notNull().unique(),
  name: text("name").notNull(),
  /** { province, commune, street }: administrative unit codes and the street address. */
  address: jsonb("address").$type<{ province?: string; commune?: string; street?: string }>(),
  /** The legal representative's full name and title (người đại diện theo pháp luật). */
  legalRepresentative: text("legal_representative"),
  legalRepresentativeTitle: text("legal_representative_title"),
  phone: text("phone"),
  email: text("email"),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const organisationMembers = pgTable(
  "organisation_members",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    /** owner (manages members) | filer (files and continues dossiers) | viewer (sees them) */
    role: text("role").notNull().default("filer"),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.userId] }), index("org_members_user_idx").on(t.userId)],
);

/** An invitation to join an organisation, sent by e-mail and accepted by the invitee after sign-in. */
export const organisationInvitations = pgTable(
  "organisation_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    /** Lower-case. */
    email: text("email").notNull(),
    /** filer | viewer (an owner is made by changing a member's role) */
    role: text("role").notNull(),
    /** SHA-256 of the token in the link; the token itself is only in the e-mail. */
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: uuid("invited_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedBy: uuid("accepted_by").references(() => users.id),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("organisation_invitations_org_idx").on(t.organisationId)],
);
