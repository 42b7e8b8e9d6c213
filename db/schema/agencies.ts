import { date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** An agency that receives or decides dossiers. Separate from administrative units (DOMAIN.md). */
export const agencies = pgTable(
  "agencies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Electronic identifier, format 000.00.00.H30; the prefix of every dossier code it receives. */
    code: text("code").notNull().unique(),
    nameVi: text("name_vi").notNull(),
    nameEn: text("name_en").notNull(),
    /** province_centre | commune_centre | department | commune_committee | police */
    kind: text("kind").notNull(),
    /**
     * Level of government since the two-level reform (1 July 2025): province | commune. Not the same
     * as kind: a police force or a service centre sits at either level.
     */
    level: text("level").notNull().default("province"),
    /** Postal address, shown on slips and to the public. */
    address: text("address"),
    parentId: uuid("parent_id"),
    /** Administrative unit code (province or commune) it belongs to. */
    unitCode: text("unit_code"),
    validFrom: date("valid_from"),
    validTo: date("valid_to"),
    successorId: uuid("successor_id"),
    /**
     * The account fees are paid into (lib/payments): the bank's NAPAS BIN (6 digits), the account
     * number and the holder's name as the bank shows it. Printed in the VietQR code; no account, no code.
     */
    bankBin: text("bank_bin"),
    bankAccountNumber: text("bank_account_number"),
    bankAccountName: text("bank_account_name"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("agencies_parent_idx").on(t.parentId)],
);
