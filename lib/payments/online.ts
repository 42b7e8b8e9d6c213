import "server-only";
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Tx } from "@/db/client";
import { dossierPayments } from "@/db/schema/payments";
import { localDate } from "@/lib/calendar/rules";
import { dossierFacts } from "@/lib/dossiers/facts";
import { transition, type TransitionWork } from "@/lib/dossiers/transitions";
import { actorForUser } from "@/lib/identity/accounts";
import { err, ok, type Result } from "@/lib/result";
import { settlePayment, type PaymentRow } from "./ledger";
import { getProvider, type CallbackRefusal } from "./providers";

/*
 * Online payment: what a provider's signed callback does. The provider is trusted only through its
 * signature (providers/); the payment is then settled as the dossier's applicant, through the
 * dossier's one transition path, with `providerConfirmed` (nobody else can claim to have paid):
 * the row marked paid, the receipt number issued, the clock restarted and the appointment moved by
 * the paused working time, one event and the notices, all in one transaction.
 */

/** recorded: settled now; already_recorded: this transaction was settled before; ignored: a failed payment. */
export type CallbackOutcome = "recorded" | "already_recorded" | "ignored";

export type CallbackError =
  | CallbackRefusal
  | "unknown_provider"
  | "payment_not_found"
  | "amount_mismatch"
  /** cancelled, or settled by another transaction or at the desk */
  | "payment_not_open";

/** A receipt number the portal issues for an online payment: TT-YYYYMMDD-<12 hex>, the local day. */
export function onlineReceiptNumber(
  now: Date,
  random: () => string = () => crypto.randomBytes(6).toString("hex"),
) {
  return `TT-${localDate(now).replaceAll("-", "")}-${random()}`;
}

const uuid = z.uuid();

async function findPayment(q: Awaited<ReturnType<typeof getDb>> | Tx, paymentId: string, forUpdate = false) {
  const query = q.select().from(dossierPayments).where(eq(dossierPayments.id, paymentId)).limit(1);
  const [row] = forUpdate ? await query.for("update") : await query;
  return row;
}

const sameTransaction = (row: PaymentRow | undefined, provider: string, transactionId: string) =>
  row?.status === "paid" && row.provider === provider && row.providerTransactionId === transactionId;

export async function recordProviderCallback(
  providerName: string,
  rawBody: string,
  headers: Headers,
  now: Date = new Date(),
): Promise<Result<CallbackOutcome, CallbackError>> {
  const provider = getProvider(providerName);
  if (!provider) return err("unknown_provider");
  const verified = provider.verifyCallback(rawBody, headers, now);
  if (!verified.ok) return err(verified.error);
  const { paymentId, transactionId, amountVnd, succeeded } = verified.value;
  if (!uuid.safeParse(paymentId).success) return err("payment_not_found");
  const db = await getDb();
  const payment = await findPayment(db, paymentId);
  if (!payment) return err("payment_not_found");
  // The same transaction told twice (the provider retries until it gets a 2xx): once is enough.
  if (sameTransaction(payment, provider.name, transactionId)) return ok("already_recorded");
  if (!succeeded) return ok("ignored");
  if (payment.status !== "requested") return err("payment_not_open");
  if (payment.amountVnd !== amountVnd) return err("amount_mismatch");

  const dossier = (await dossierFacts([payment.dossierId], db)).get(payment.dossierId);
  if (!dossier) return err("payment_not_found");
  const applicant = await actorForUser(dossier.applicantId);
  if (applicant.kind !== "applicant") return err("payment_not_found");

  // Under the row's lock: what the quick checks above saw may have changed meanwhile.
  const work: TransitionWork<string, CallbackError> = async (tx, row) => {
    const locked = await findPayment(tx, paymentId, true);
    if (!locked || locked.dossierId !== row.id) return err("payment_not_found");
    if (locked.status !== "requested") return err("payment_not_open");
    if (locked.amountVnd !== amountVnd) return err("amount_mismatch");
    const settled = await settlePayment(tx, {
      paymentId,
      dossierId: row.id,
      method: "online",
      receiptNumber: onlineReceiptNumber(now),
      provider: provider.name,
      transactionId,
      paidAmountVnd: amountVnd,
      recordedBy: null,
      now,
    });
    return settled.ok ? ok(settled.value.receiptNumber!) : settled;
  };

  const settle = async () => {
    try {
      return await transition(
        applicant,
        { id: payment.dossierId },
        null,
        {
          action: "record_payment",
          payment: { paymentId, amountVnd, method: "online", provider: provider.name, transactionId },
        },
        { now, work, context: { providerConfirmed: true } },
      );
    } catch (error) {
      // The transaction id already settles another payment (the unique index): not this one's.
      if (isUniqueViolation(error)) return err("payment_not_open" as const);
      throw error;
    }
  };
  let result = await settle();
  // The dossier moved between our read and our write (an officer's note, a notice): once more.
  if (!result.ok && result.error === "conflict") result = await settle();
  if (result.ok) return ok("recorded");
  // A concurrent delivery of the same transaction won the race: it is recorded, once.
  if (sameTransaction(await findPayment(db, paymentId), provider.name, transactionId)) {
    return ok("already_recorded");
  }
  switch (result.error) {
    case "amount_mismatch":
    case "payment_not_found":
    case "payment_not_open":
      return err(result.error);
    case "not_found":
      return err("payment_not_found");
    default:
      // The dossier is no longer awaiting this payment (withdrawn, stopped, a conflict that left it
      // elsewhere): nothing to settle.
      return err("payment_not_open");
  }
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}
