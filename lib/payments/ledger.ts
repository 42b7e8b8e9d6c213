import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { dossierPayments } from "@/db/schema/payments";
import { err, ok, type Result } from "@/lib/result";
import type { PaymentMethod } from "./rules";

/*
 * The writes to a payment row that happen inside a dossier's transition (its transaction). Kept apart
 * from service.ts, which calls transition(): lib/dossiers/transitions.ts imports this file to cancel an
 * open request when a dossier ends, and must not import what imports it.
 */

export type PaymentRow = typeof dossierPayments.$inferSelect;

export type SettleInput = {
  paymentId: string;
  dossierId: string;
  method: PaymentMethod;
  /** At the desk: the receipt the officer wrote; online: the portal's own receipt number. */
  receiptNumber: string | null;
  provider?: string | null;
  transactionId?: string | null;
  paidAmountVnd: number;
  /** The officer at the desk; null for a provider's callback. */
  recordedBy: string | null;
  now?: Date;
};

/**
 * Marks a requested payment paid. Guarded: only a row of this dossier still `requested` changes, so
 * a second recording (a double post, a replayed callback) finds nothing and gets "payment_not_open".
 */
export async function settlePayment(
  tx: Tx,
  input: SettleInput,
): Promise<Result<PaymentRow, "payment_not_open">> {
  const [row] = await tx
    .update(dossierPayments)
    .set({
      status: "paid",
      method: input.method,
      receiptNumber: input.receiptNumber,
      provider: input.provider ?? null,
      providerTransactionId: input.transactionId ?? null,
      paidAmountVnd: input.paidAmountVnd,
      paidAt: input.now ?? new Date(),
      recordedBy: input.recordedBy,
    })
    .where(
      and(
        eq(dossierPayments.id, input.paymentId),
        eq(dossierPayments.dossierId, input.dossierId),
        eq(dossierPayments.status, "requested"),
      ),
    )
    .returning();
  return row ? ok(row) : err("payment_not_open");
}

/** The dossier ended (withdrawn, stopped, refused) before its fee was paid: its open request is cancelled. */
export async function cancelOpenPayments(tx: Tx, dossierId: string): Promise<number> {
  const rows = await tx
    .update(dossierPayments)
    .set({ status: "cancelled" })
    .where(and(eq(dossierPayments.dossierId, dossierId), eq(dossierPayments.status, "requested")))
    .returning({ id: dossierPayments.id });
  return rows.length;
}
