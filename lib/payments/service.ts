import "server-only";
import crypto from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { agencies } from "@/db/schema/agencies";
import { dossierPayments } from "@/db/schema/payments";
import { getProcedureVersion } from "@/lib/catalog/service";
import { getDossierDetail } from "@/lib/dossiers/service";
import { transition } from "@/lib/dossiers/transitions";
import type { DossierError, DossierView } from "@/lib/dossiers/types";
import type { Actor } from "@/lib/identity/types";
import { err, ok, type Result } from "@/lib/result";
import { gatewaySecret } from "./secret";
import { settlePayment, type PaymentRow } from "./ledger";
import {
  feeOwed,
  parseAmount,
  parseLegalBasis,
  parseReceiptNumber,
  type FeeOwed,
  type PaymentMethod,
  type PaymentStatus,
} from "./rules";
import { bankByBin, vietQrPayload, vietQrSvg } from "./vietqr";

/*
 * Fees: the officer asks for one (the dossier waits for payment, its clock stops, the applicant is
 * told), the applicant pays by VietQR transfer, online through a provider, or at the desk, where an
 * officer records it with the receipt's number. Every change goes through the dossier's transition
 * path (lib/dossiers/transitions), with the payment row written in the same transaction; reads are
 * scoped by the actor through the dossier reads of lib/dossiers.
 */

export { settlePayment, cancelOpenPayments, type PaymentRow, type SettleInput } from "./ledger";

/** Errors a form can show; each is a key of the "payments" namespace (errors.<code>). */
export type PaymentError =
  | DossierError
  /** the payment was recorded, or cancelled, meanwhile */
  | "payment_not_open";

export type PaymentView = {
  id: string;
  status: PaymentStatus;
  amountVnd: number;
  legalBasis: string | null;
  requestedAt: Date;
  method: PaymentMethod | null;
  receiptNumber: string | null;
  provider: string | null;
  transactionId: string | null;
  paidAmountVnd: number | null;
  paidAt: Date | null;
};

const view = (row: PaymentRow): PaymentView => ({
  id: row.id,
  status: row.status as PaymentStatus,
  amountVnd: row.amountVnd,
  legalBasis: row.legalBasis,
  requestedAt: row.requestedAt,
  method: row.method as PaymentMethod | null,
  receiptNumber: row.receiptNumber,
  provider: row.provider,
  transactionId: row.providerTransactionId,
  paidAmountVnd: row.paidAmountVnd,
  paidAt: row.paidAt,
});

/** The collecting agency's account, as the applicant reads it beside the code. */
export type AgencyAccount = {
  bankBin: string;
  bankName: string;
  accountNumber: string;
  accountName: string;
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const parseVersion = (value: unknown): number | null | undefined => {
  if (value === undefined || value === null || value === "") return null;
  const n = typeof value === "number" ? value : Number(String(value).trim());
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
};

export type RequestPaymentInput = {
  code: string;
  /** the dossier's version the officer saw (a stale page is a conflict); null: as read now */
  version: number | string | null;
  amountVnd: number | string;
  legalBasis?: string | null;
};

/**
 * Staff: asks the applicant for the fee (in_progress → awaiting_payment; the rules say who). The
 * payment row (requested, collected by the competent agency) is written in the transition's
 * transaction, so the request and the dossier's state never disagree.
 */
export async function requestPayment(
  actor: Actor,
  input: RequestPaymentInput,
  now: Date = new Date(),
): Promise<Result<{ payment: PaymentView; dossier: DossierView }, PaymentError>> {
  const issues: Record<string, string[]> = {};
  const amount = parseAmount(input.amountVnd);
  if (!amount.ok) issues.amountVnd = [`payments:fieldErrors.${amount.error}`];
  const legalBasis = parseLegalBasis(input.legalBasis);
  if (!legalBasis.ok) issues.legalBasis = [`payments:fieldErrors.${legalBasis.error}`];
  const version = parseVersion(input.version);
  if (version === undefined || typeof input.code !== "string") return err("invalid_input");
  if (!amount.ok || !legalBasis.ok) return err("invalid_input", issues);
  if (actor.kind !== "staff") return err("forbidden");

  const paymentId = crypto.randomUUID();
  const result = await transition<PaymentRow, PaymentError>(
    actor,
    { code: input.code },
    version,
    {
      action: "request_payment",
      payment: {
        paymentId,
        amountVnd: amount.value,
        ...(legalBasis.value ? { legalBasis: legalBasis.value } : {}),
      },
    },
    {
      now,
      work: async (tx, dossier) => {
        const [row] = await tx
          .insert(dossierPayments)
          .values({
            id: paymentId,
            dossierId: dossier.id,
            agencyId: dossier.competentAgency.id,
            amountVnd: amount.value,
            legalBasis: legalBasis.value,
            status: "requested",
            requestedBy: actor.userId,
            requestedAt: now,
          })
          .returning();
        return ok(row!);
      },
    },
  );
  if (!result.ok) return result;
  return ok({ payment: view(result.value.value), dossier: result.value.dossier });
}

export type DeskPaymentInput = {
  code: string;
  version: number | string | null;
  paymentId: string;
  receiptNumber: string;
};

/**
 * Staff at the desk: the applicant paid in cash or by card; the officer records it with the number
 * of the receipt they wrote (awaiting_payment → in_progress; the clock restarts and the appointment
 * moves by the working time it stood still).
 */
export async function recordDeskPayment(
  actor: Actor,
  input: DeskPaymentInput,
  now: Date = new Date(),
): Promise<Result<{ payment: PaymentView; dossier: DossierView }, PaymentError>> {
  const receipt = parseReceiptNumber(input.receiptNumber);
  const version = parseVersion(input.version);
  if (version === undefined || typeof input.code !== "string") return err("invalid_input");
  if (!receipt.ok) return err("invalid_input", { receiptNumber: [`payments:fieldErrors.${receipt.error}`] });
  if (actor.kind !== "staff") return err("forbidden");
  if (typeof input.paymentId !== "string" || !uuidPattern.test(input.paymentId)) return err("not_found");

  // The amount owed is the request's; the dossier it belongs to is checked again in the transaction.
  const db = await getDb();
  const [requested] = await db
    .select()
    .from(dossierPayments)
    .where(eq(dossierPayments.id, input.paymentId))
    .limit(1);
  if (!requested) return err("not_found");

  const result = await transition<PaymentRow, PaymentError>(
    actor,
    { code: input.code },
    version,
    {
      action: "record_payment",
      payment: {
        paymentId: requested.id,
        amountVnd: requested.amountVnd,
        method: "desk",
        receiptNumber: receipt.value,
      },
    },
    {
      now,
      work: async (tx, dossier) =>
        settlePayment(tx, {
          paymentId: requested.id,
          dossierId: dossier.id,
          method: "desk",
          receiptNumber: receipt.value,
          paidAmountVnd: requested.amountVnd,
          recordedBy: actor.userId,
          now,
        }),
    },
  );
  if (!result.ok) return result;
  return ok({ payment: view(result.value.value), dossier: result.value.dossier });
}

export type DossierPayments = {
  dossier: DossierView;
  payments: PaymentView[];
  /** The request waiting to be paid, if any. */
  open: PaymentView | null;
  /** The latest paid one. */
  paid: PaymentView | null;
  /** What the version says is owed (the officer's form starts from it). */
  fee: FeeOwed;
  /** The collecting agency's account; null when it has none on record (no QR code then). */
  account: AgencyAccount | null;
  /** The VietQR code of the open request, when the agency has an account. */
  qr: { payload: string; svg: string } | null;
};

/** A dossier's fees and payments, for whoever may see the dossier (its applicant, its agencies' staff). */
export async function paymentsOfDossier(
  actor: Actor,
  code: string,
): Promise<Result<DossierPayments, "not_found">> {
  const detail = await getDossierDetail(actor, { code });
  if (!detail.ok || !detail.value.dossier.code) return err("not_found");
  const dossier = detail.value.dossier;
  const db = await getDb();
  const [rows, version] = await Promise.all([
    db
      .select()
      .from(dossierPayments)
      .where(eq(dossierPayments.dossierId, dossier.id))
      .orderBy(asc(dossierPayments.requestedAt)),
    getProcedureVersion(dossier.procedureVersionId),
  ]);
  const payments = rows.map(view);
  const open = payments.find((p) => p.status === "requested") ?? null;
  const paid = payments.filter((p) => p.status === "paid").at(-1) ?? null;
  const agencyId = rows.find((r) => r.id === open?.id)?.agencyId ?? dossier.competentAgency.id;
  const account = await agencyAccount(agencyId);
  const fee = feeOwed(
    { fees: version?.fees ?? [], legalBasis: version?.details.legalBasis ?? [] },
    dossier.channel,
  );
  let qr: DossierPayments["qr"] = null;
  if (open && account) {
    const payload = vietQrPayload({
      bankBin: account.bankBin,
      accountNumber: account.accountNumber,
      amountVnd: open.amountVnd,
      reference: dossier.code!,
    });
    qr = { payload, svg: await vietQrSvg(payload) };
  }
  return ok({ dossier, payments, open, paid, fee, account, qr });
}

async function agencyAccount(agencyId: string): Promise<AgencyAccount | null> {
  const db = await getDb();
  const [agency] = await db
    .select({
      bankBin: agencies.bankBin,
      accountNumber: agencies.bankAccountNumber,
      accountName: agencies.bankAccountName,
    })
    .from(agencies)
    .where(eq(agencies.id, agencyId))
    .limit(1);
  if (!agency?.bankBin || !agency.accountNumber) return null;
  if (!/^\d{6}$/.test(agency.bankBin) || !/^\d{6,19}$/.test(agency.accountNumber)) return null;
  return {
    bankBin: agency.bankBin,
    bankName: bankByBin(agency.bankBin)?.shortName ?? agency.bankBin,
    accountNumber: agency.accountNumber,
    accountName: agency.accountName ?? "",
  };
}

export type ReceiptData = {
  payment: PaymentView;
  dossier: DossierView;
  /** The collecting agency, as the receipt's heading names it. */
  agency: { code: string; nameVi: string; nameEn: string; address: string | null };
};

/**
 * A paid payment of a dossier, for its receipt: only for whoever may see the dossier (its applicant,
 * its agencies' staff); anything else (another dossier's payment, an unpaid one) is "not_found".
 */
export async function paymentForReceipt(
  actor: Actor,
  code: string,
  paymentId: string,
): Promise<Result<ReceiptData, "not_found">> {
  if (actor.kind === "anonymous") return err("not_found");
  if (typeof paymentId !== "string" || !uuidPattern.test(paymentId)) return err("not_found");
  const detail = await getDossierDetail(actor, { code });
  if (!detail.ok) return err("not_found");
  const dossier = detail.value.dossier;
  const db = await getDb();
  const [row] = await db
    .select({ payment: dossierPayments, agency: agencies })
    .from(dossierPayments)
    .innerJoin(agencies, eq(agencies.id, dossierPayments.agencyId))
    .where(
      and(
        eq(dossierPayments.id, paymentId),
        eq(dossierPayments.dossierId, dossier.id),
        eq(dossierPayments.status, "paid"),
      ),
    )
    .limit(1);
  if (!row) return err("not_found");
  const { code: agencyCode, nameVi, nameEn, address } = row.agency;
  return ok({ payment: view(row.payment), dossier, agency: { code: agencyCode, nameVi, nameEn, address } });
}

/** Online payment is offered when a provider's secret is set, or in the demo (its sandbox provider). */
export function onlinePaymentAvailable(): boolean {
  return gatewaySecret() !== null;
}
