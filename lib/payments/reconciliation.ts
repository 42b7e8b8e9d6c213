import "server-only";
import { and, asc, eq, gte, inArray, lt, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { agencies } from "@/db/schema/agencies";
import { dossierPayments } from "@/db/schema/payments";
import { localDate } from "@/lib/calendar/rules";
import { dossierFacts } from "@/lib/dossiers/facts";
import type { Actor, StaffRole } from "@/lib/identity/types";
import { err, ok, type Result } from "@/lib/result";
import { registerInstants, type RegisterPeriod } from "@/lib/slips/rules";

/*
 * The agency's reconciliation of fees: what was paid each day of a period (by the day it was paid),
 * what was asked in the period and is still unpaid, and every payment either way, for the staff
 * who answer for the agency's money: the one-stop desk, the head and the agency's administrator.
 */

export const reconciliationRoles: readonly StaffRole[] = ["receiver", "head", "agency_admin"];

export type ReconciliationAgency = { id: string; code: string; nameVi: string; nameEn: string };

/** The agencies whose payments this actor may reconcile, by code. */
export async function reconciliationAgencies(actor: Actor): Promise<ReconciliationAgency[]> {
  if (actor.kind !== "staff") return [];
  const ids = [
    ...new Set(actor.roles.filter((r) => reconciliationRoles.includes(r.role)).map((r) => r.agencyId)),
  ];
  if (ids.length === 0) return [];
  const db = await getDb();
  return db
    .select({ id: agencies.id, code: agencies.code, nameVi: agencies.nameVi, nameEn: agencies.nameEn })
    .from(agencies)
    .where(inArray(agencies.id, ids))
    .orderBy(asc(agencies.code));
}

export type PaymentStatus = "requested" | "paid" | "cancelled";

export type ReconciliationRow = {
  id: string;
  dossierCode: string | null;
  amountVnd: number;
  status: PaymentStatus;
  method: "online" | "desk" | null;
  provider: string | null;
  receiptNumber: string | null;
  requestedAt: Date;
  paidAt: Date | null;
  paidAmountVnd: number | null;
};

export type Reconciliation = {
  agency: ReconciliationAgency;
  period: RegisterPeriod;
  /** Paid in the period (by the day paid). */
  paid: { count: number; amountVnd: number };
  /** Asked in the period and not paid yet. */
  unpaid: { count: number; amountVnd: number };
  /** Each Vietnam day of the period with a payment: what was paid that day. */
  days: { date: string; count: number; amountVnd: number }[];
  /** Every payment asked or paid in the period, oldest request first. */
  rows: ReconciliationRow[];
};

export async function getReconciliation(
  actor: Actor,
  input: { agencyCode: string; period: RegisterPeriod },
): Promise<Result<Reconciliation, "not_found">> {
  const agency = (await reconciliationAgencies(actor)).find((a) => a.code === input.agencyCode);
  if (!agency) return err("not_found");
  const { start, end } = registerInstants(input.period);
  const p = dossierPayments;
  const db = await getDb();
  const payments = await db
    .select()
    .from(p)
    .where(
      and(
        eq(p.agencyId, agency.id),
        or(
          and(gte(p.requestedAt, start), lt(p.requestedAt, end)),
          and(gte(p.paidAt, start), lt(p.paidAt, end)),
        ),
      ),
    )
    .orderBy(asc(p.requestedAt), asc(p.id));
  const codes = await dossierFacts(
    payments.map((row) => row.dossierId),
    db,
  );
  const inPeriod = (at: Date | null) => at !== null && at >= start && at < end;
  const rows: ReconciliationRow[] = payments.map((row) => ({
    id: row.id,
    dossierCode: codes.get(row.dossierId)?.code ?? null,
    amountVnd: row.amountVnd,
    status: row.status as PaymentStatus,
    method: (row.method as ReconciliationRow["method"]) ?? null,
    provider: row.provider,
    receiptNumber: row.receiptNumber,
    requestedAt: row.requestedAt,
    paidAt: row.paidAt,
    paidAmountVnd: row.paidAmountVnd,
  }));
  const paidRows = rows.filter((row) => row.status === "paid" && inPeriod(row.paidAt));
  const unpaidRows = rows.filter((row) => row.status === "requested" && inPeriod(row.requestedAt));
  const byDay = new Map<string, { count: number; amountVnd: number }>();
  for (const row of paidRows) {
    const day = localDate(row.paidAt!);
    const entry = byDay.get(day) ?? { count: 0, amountVnd: 0 };
    entry.count += 1;
    entry.amountVnd += row.paidAmountVnd ?? row.amountVnd;
    byDay.set(day, entry);
  }
  const sum = (list: ReconciliationRow[], paid: boolean) =>
    list.reduce((total, row) => total + (paid ? (row.paidAmountVnd ?? row.amountVnd) : row.amountVnd), 0);
  return ok({
    agency,
    period: input.period,
    paid: { count: paidRows.length, amountVnd: sum(paidRows, true) },
    unpaid: { count: unpaidRows.length, amountVnd: sum(unpaidRows, false) },
    days: [...byDay.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, day]) => ({ date, ...day })),
    rows,
  });
}
