import { sql } from "drizzle-orm";
import { bigint, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { agencies } from "./agencies";
import { dossiers } from "./dossiers";
import { users } from "./identity";

/**
 * Fees asked of an applicant and how they were paid (lib/payments). A row is opened by the
 * officer's "request payment" step and settled by "record payment", both through the dossier's
 * transition path, so the row and the dossier's state never disagree.
 */
export const dossierPayments = pgTable(
  "dossier_payments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dossierId: uuid("dossier_id")
      .notNull()
      .references(() => dossiers.id),
    /** The agency that asked and collects (the competent agency at the time): reconciliation is per agency. */
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    amountVnd: bigint("amount_vnd", { mode: "number" }).notNull(),
    /** The legal text that sets the fee, as published in the procedure version. */
    legalBasis: text("legal_basis"),
    /** requested | paid | cancelled (the dossier ended before it was paid) */
    status: text("status").notNull().default("requested"),
    requestedBy: uuid("requested_by").references(() => users.id),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull(),
    /** online | desk */
    method: text("method"),
    /** Online: the provider's name and its transaction id (one payment per transaction). */
    provider: text("provider"),
    providerTransactionId: text("provider_transaction_id"),
    /** The receipt's number: written by the desk officer, or issued by the portal for an online payment. */
    receiptNumber: text("receipt_number"),
    paidAmountVnd: bigint("paid_amount_vnd", { mode: "number" }),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    recordedBy: uuid("recorded_by").references(() => users.id),
  },
  (t) => [
    index("dossier_payments_dossier_idx").on(t.dossierId),
    index("dossier_payments_agency_idx").on(t.agencyId, t.requestedAt),
    uniqueIndex("dossier_payments_transaction_key").on(t.provider, t.providerTransactionId),
    // One open request per dossier at a time.
    uniqueIndex("dossier_payments_open_key")
      .on(t.dossierId)
      .where(sql`${t.status} = 'requested'`),
    check("dossier_payments_status_check", sql`${t.status} in ('requested', 'paid', 'cancelled')`),
    check("dossier_payments_amount_check", sql`${t.amountVnd} > 0`),
  ],
);
