import { and, eq } from "drizzle-orm";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { agencies, dossierClockStops, dossierEvents, dossierPayments, outbox } from "@/db/schema";
import { performStaffAction, withdrawDossier } from "@/lib/dossiers/service";
import type { DossierView } from "@/lib/dossiers/types";
import { renderReceipt } from "@/lib/payments/receipt";
import { paymentsOfDossier, recordDeskPayment, requestPayment } from "@/lib/payments/service";
import { decodeVietQr } from "@/lib/payments/vietqr";
import { expectOk, fileDossier, openWorld, type World } from "../support/fixtures";

let db: Db;
let close: () => Promise<void>;
let world: World;

/** Local Vietnam time (UTC+7) as an instant. */
const vn = (local: string) => new Date(`${local}+07:00`);

async function textOf(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.normalize("NFC").replace(/\s+/g, " ");
}

beforeAll(async () => {
  ({ db, world, close } = await openWorld());
  await db
    .update(agencies)
    .set({ bankBin: "970436", bankAccountNumber: "0011001234567", bankAccountName: "SO TU PHAP TINH" })
    .where(eq(agencies.id, world.justice.id));
});

afterAll(async () => {
  vi.useRealTimers();
  await close();
});

afterEach(() => {
  vi.useRealTimers();
});

/** Filed Friday 6 March 2026 10:00, accepted, assigned to the specialist: in progress. */
async function inProgress(): Promise<DossierView> {
  const { applicantA, receiver, specialist, head } = world;
  vi.setSystemTime(vn("2026-03-06T10:00:00"));
  const filed = await fileDossier(applicantA, "1.001193");
  const code = filed.code!;
  const accepted = expectOk(
    await performStaffAction(receiver, { action: "accept", code, version: filed.version }),
  );
  return expectOk(
    await performStaffAction(head, {
      action: "assign",
      code,
      version: accepted.version,
      assigneeId: specialist.userId,
    }),
  );
}

describe("a fee paid at the desk", () => {
  it("stops the clock on request, tells the applicant, and restarts it moving the appointment on payment", async () => {
    const { applicantA, specialist, receiver } = world;
    const dossier = await inProgress();
    const code = dossier.code!;
    // Appointment: 24 working hours from Friday 10:00 → Thursday 12 March 10:00 (Tuesday 10 is off).
    expect(dossier.dueAt?.toISOString()).toBe(vn("2026-03-12T10:00:00").toISOString());

    vi.setSystemTime(vn("2026-03-09T08:00:00"));
    const requested = expectOk(
      await requestPayment(specialist, {
        code,
        version: dossier.version,
        amountVnd: "50.000",
        legalBasis: "Thông tư 85/2019/TT-BTC",
      }),
    );
    expect(requested.dossier).toMatchObject({ status: "awaiting_payment" });
    expect(requested.dossier.clockStoppedAt?.toISOString()).toBe(vn("2026-03-09T08:00:00").toISOString());
    const [row] = await db.select().from(dossierPayments).where(eq(dossierPayments.id, requested.payment.id));
    expect(row).toMatchObject({
      status: "requested",
      amountVnd: 50000,
      legalBasis: "Thông tư 85/2019/TT-BTC",
      agencyId: world.justice.id,
      requestedBy: specialist.userId,
    });
    const stops = await db
      .select()
      .from(dossierClockStops)
      .where(eq(dossierClockStops.dossierId, dossier.id));
    expect(stops).toMatchObject([{ reason: "payment", endedAt: null }]);
    const notices = (await db.select().from(outbox)).filter(
      (n) => n.payload.dossierId === dossier.id && n.kind === "dossier.payment_requested",
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      recipientId: applicantA.userId,
      payload: { details: { amountVnd: 50000, legalBasis: "Thông tư 85/2019/TT-BTC" } },
    });

    // The applicant sees the amount and a VietQR code for the agency's account and the dossier code.
    const seen = expectOk(await paymentsOfDossier(applicantA, code));
    expect(seen.open).toMatchObject({ id: requested.payment.id, amountVnd: 50000 });
    expect(seen.account).toMatchObject({ bankName: "Vietcombank", accountNumber: "0011001234567" });
    expect(decodeVietQr(seen.qr!.payload)).toMatchObject({
      valid: true,
      bankBin: "970436",
      accountNumber: "0011001234567",
      amountVnd: 50000,
      reference: code,
    });
    expect(seen.qr!.svg).toContain("<svg");

    // Wrong role: the applicant cannot record a desk payment; another province's officer cannot see it.
    const deskInput = { code, version: requested.dossier.version, paymentId: requested.payment.id };
    expect(await recordDeskPayment(applicantA, { ...deskInput, receiptNumber: "0001234" })).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    expect(
      await recordDeskPayment(world.otherReceiver, { ...deskInput, receiptNumber: "0001234" }),
    ).toMatchObject({ ok: false, error: "not_found" });
    // A receipt number is required.
    expect(await recordDeskPayment(receiver, { ...deskInput, receiptNumber: "   " })).toMatchObject({
      ok: false,
      error: "invalid_input",
      issues: { receiptNumber: ["payments:fieldErrors.receipt_required"] },
    });

    // Paid at the desk on Wednesday 11 March 09:00.
    vi.setSystemTime(vn("2026-03-11T09:00:00"));
    const paid = expectOk(await recordDeskPayment(receiver, { ...deskInput, receiptNumber: " BL-0001234 " }));
    expect(paid.dossier).toMatchObject({ status: "in_progress", clockStoppedAt: null });
    expect(paid.payment).toMatchObject({
      status: "paid",
      method: "desk",
      receiptNumber: "BL-0001234",
      paidAmountVnd: 50000,
    });
    expect(paid.payment.paidAt?.toISOString()).toBe(vn("2026-03-11T09:00:00").toISOString());
    const resumed = await db
      .select()
      .from(dossierClockStops)
      .where(eq(dossierClockStops.dossierId, dossier.id));
    expect(resumed[0]!.endedAt?.toISOString()).toBe(vn("2026-03-11T09:00:00").toISOString());
    // The appointment moved later by exactly the working time the clock stood still.
    const [event] = await db
      .select()
      .from(dossierEvents)
      .where(and(eq(dossierEvents.dossierId, dossier.id), eq(dossierEvents.action, "record_payment")));
    expect(event!.details).toMatchObject({
      receiptNumber: "BL-0001234",
      method: "desk",
      amountVnd: 50000,
      previousDueAt: dossier.dueAt!.toISOString(),
      dueAt: paid.dossier.dueAt!.toISOString(),
    });
    // Stopped Mon 9 08:00 → paid Wed 11 09:00: Monday 07:30 of work from 08:00 (7 h), Tuesday off,
    // Wednesday 07:30–09:00 (1 h 30) = 8 h 30 added to Thu 12 10:00: 5 h Thursday, 3 h 30 Friday → 11:00.
    expect(paid.dossier.dueAt?.toISOString()).toBe(vn("2026-03-13T11:00:00").toISOString());
    const paidNotices = (await db.select().from(outbox)).filter(
      (n) => n.payload.dossierId === dossier.id && n.kind === "dossier.paid",
    );
    expect(paidNotices.map((n) => n.recipientId)).toContain(applicantA.userId);

    // Recorded twice: the second is refused (the dossier moved on), nothing changes.
    expect(
      await recordDeskPayment(receiver, {
        ...deskInput,
        version: paid.dossier.version,
        receiptNumber: "BL-9",
      }),
    ).toMatchObject({ ok: false, error: "invalid_transition" });
    // The first post again with its stale version: a conflict.
    expect(await recordDeskPayment(receiver, { ...deskInput, receiptNumber: "BL-9" })).toMatchObject({
      ok: false,
      error: "conflict",
    });
    const [after] = await db
      .select()
      .from(dossierPayments)
      .where(eq(dossierPayments.id, requested.payment.id));
    expect(after!.receiptNumber).toBe("BL-0001234");

    // The receipt: in Vietnamese and English, with the number and the amount.
    const vi_ = expectOk(
      await renderReceipt(applicantA, { code, paymentId: requested.payment.id, lang: "vi" }),
    );
    const viText = await textOf(vi_.bytes);
    expect(viText).toContain("BIÊN LAI THU PHÍ, LỆ PHÍ");
    expect(viText).toContain("BL-0001234");
    expect(viText).toMatch(/50\.000\s?₫/);
    expect(viText).toContain("Năm mươi nghìn đồng");
    expect(viText).toContain(code);
    const en = expectOk(await renderReceipt(receiver, { code, paymentId: requested.payment.id, lang: "en" }));
    const enText = await textOf(en.bytes);
    expect(enText).toContain("FEE RECEIPT");
    expect(enText).toContain("BL-0001234");
    expect(enText).toMatch(/50,000/);
    expect(enText).toContain("Fifty thousand dong");
    expect(en.fileName).toMatch(/\.pdf$/);

    // A stranger (another applicant, another province's officer, nobody signed in) gets nothing.
    for (const stranger of [world.applicantB, world.otherReceiver, { kind: "anonymous" as const }]) {
      expect(
        await renderReceipt(stranger, { code, paymentId: requested.payment.id, lang: "vi" }),
      ).toMatchObject({ ok: false, error: "not_found" });
    }
  });

  it("refuses a request from the wrong role, or with a bad amount", async () => {
    const { receiver, applicantA, specialist } = world;
    const dossier = await inProgress();
    const input = { code: dossier.code!, version: dossier.version, amountVnd: 20000 };
    expect(await requestPayment(receiver, input)).toMatchObject({ ok: false, error: "forbidden" });
    expect(await requestPayment(applicantA, input)).toMatchObject({ ok: false, error: "forbidden" });
    expect(await requestPayment(specialist, { ...input, amountVnd: "0" })).toMatchObject({
      ok: false,
      error: "invalid_input",
      issues: { amountVnd: ["payments:fieldErrors.amount_invalid"] },
    });
    expect(await requestPayment(specialist, { ...input, version: dossier.version - 1 })).toMatchObject({
      ok: false,
      error: "conflict",
    });
    expect(await db.select().from(dossierPayments).where(eq(dossierPayments.dossierId, dossier.id))).toEqual(
      [],
    );
    // No receipt for an unpaid request.
    const requested = expectOk(await requestPayment(specialist, input));
    expect(
      await renderReceipt(applicantA, { code: dossier.code!, paymentId: requested.payment.id, lang: "vi" }),
    ).toMatchObject({ ok: false, error: "not_found" });
  });

  it("cancels the open request when the applicant withdraws", async () => {
    const { applicantA, head } = world;
    const dossier = await inProgress();
    const requested = expectOk(
      await requestPayment(head, { code: dossier.code!, version: dossier.version, amountVnd: 10000 }),
    );
    const withdrawn = expectOk(
      await withdrawDossier(applicantA, { dossierId: dossier.id, version: requested.dossier.version }),
    );
    expect(withdrawn.status).toBe("withdrawn");
    const [row] = await db.select().from(dossierPayments).where(eq(dossierPayments.id, requested.payment.id));
    expect(row!.status).toBe("cancelled");
    const seen = expectOk(await paymentsOfDossier(applicantA, dossier.code!));
    expect(seen.open).toBeNull();
    expect(seen.qr).toBeNull();
  });
});
