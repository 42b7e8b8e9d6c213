import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { dossierClockStops, dossierEvents, dossierPayments, dossiers, outbox } from "@/db/schema";
import { POST } from "@/app/api/v1/payments/callback/[provider]/route";
import type { Actor } from "@/lib/identity/types";
import { performStaffAction, withdrawDossier } from "@/lib/dossiers/service";
import { transition } from "@/lib/dossiers/transitions";
import { gatewayHeaders } from "@/lib/payments/providers/gateway";
import { recordProviderCallback } from "@/lib/payments/online";
import { ok } from "@/lib/result";
import { expectOk, fileDossier, openWorld, type World } from "../support/fixtures";

// The CSV route's session, replaced: who is signed in.
const session = vi.hoisted(() => ({ actor: { kind: "anonymous" } as Actor }));
vi.mock("@/lib/identity/actor", () => ({ getActor: async () => session.actor }));
const { GET: paymentsCsv } = await import("@/app/api/v1/agencies/[code]/payments.csv/route");
const { getReconciliation } = await import("@/lib/payments/reconciliation");
const { checkoutUrl, getSandboxPayment } = await import("@/lib/payments/checkout");

let db: Db;
let close: () => Promise<void>;
let world: World;
const secret = "integration-test-gateway-secret";
const previousSecret = process.env.PAYMENT_GATEWAY_SECRET;

/** Local Vietnam time (UTC+7) as an instant. */
const vn = (local: string) => new Date(`${local}+07:00`);

beforeAll(async () => {
  process.env.PAYMENT_GATEWAY_SECRET = secret;
  ({ db, world, close } = await openWorld());
});

afterAll(async () => {
  vi.useRealTimers();
  if (previousSecret === undefined) delete process.env.PAYMENT_GATEWAY_SECRET;
  else process.env.PAYMENT_GATEWAY_SECRET = previousSecret;
  await close();
});

/**
 * A dossier in progress with a fee requested: filed Friday 6 March 10:00, accepted at once (due
 * Thursday 12 March 10:00), assigned and asked to pay on Monday 9 March 08:00. The payment row is
 * written by the request's own transition work, as lib/payments' service does.
 */
async function dossierAwaitingPayment(amountVnd = 100_000) {
  const { applicantA, receiver, specialist, head } = world;
  vi.setSystemTime(vn("2026-03-06T10:00:00"));
  const filed = await fileDossier(applicantA, "1.001193");
  const code = filed.code!;
  const accepted = expectOk(
    await performStaffAction(receiver, { action: "accept", code, version: filed.version }),
  );
  vi.setSystemTime(vn("2026-03-09T08:00:00"));
  const assigned = expectOk(
    await performStaffAction(head, {
      action: "assign",
      code,
      version: accepted.version,
      assigneeId: specialist.userId,
    }),
  );
  const paymentId = crypto.randomUUID();
  const requested = expectOk(
    await transition(
      specialist,
      { code },
      assigned.version,
      { action: "request_payment", payment: { paymentId, amountVnd, legalBasis: "Thông tư 85/2019/TT-BTC" } },
      {
        now: vn("2026-03-09T08:00:00"),
        work: async (tx, dossier, _step, now) => {
          await tx.insert(dossierPayments).values({
            id: paymentId,
            dossierId: dossier.id,
            agencyId: dossier.competentAgency.id,
            amountVnd,
            legalBasis: "Thông tư 85/2019/TT-BTC",
            requestedBy: specialist.userId,
            requestedAt: now,
          });
          return ok(undefined);
        },
      },
    ),
  );
  expect(requested.dossier.status).toBe("awaiting_payment");
  return { code, dossierId: filed.id, paymentId, amountVnd };
}

function signed(body: object, at: Date, key = secret) {
  const raw = JSON.stringify(body);
  return { raw, headers: new Headers(gatewayHeaders(key, raw, at)) };
}

function callbackRequest(raw: string, headers: Headers, provider = "gateway") {
  return POST(
    new NextRequest(`http://localhost/api/v1/payments/callback/${provider}`, {
      method: "POST",
      body: raw,
      headers,
    }),
    { params: Promise.resolve({ provider }) },
  );
}

const paymentRow = async (id: string) =>
  (await db.select().from(dossierPayments).where(eq(dossierPayments.id, id)))[0]!;
const paidEvents = async (dossierId: string) =>
  db
    .select()
    .from(dossierEvents)
    .where(and(eq(dossierEvents.dossierId, dossierId), eq(dossierEvents.action, "record_payment")));

describe("the provider's callback", () => {
  it("records a paid fee once, restarts the clock and moves the appointment by the paused working time", async () => {
    const { code, dossierId, paymentId, amountVnd } = await dossierAwaitingPayment();
    // Paid on Thursday 12 March 09:00: stopped Mon 9 08:00 → Thu 12 09:00 is 7 h + (Tue 10 off) 7 h 30
    // + 1 h 30 = 16 h of working time, added to the appointment of Thu 12 10:00: Mon 16 11:00.
    const paidAt = vn("2026-03-12T09:00:00");
    vi.setSystemTime(paidAt);
    const body = { paymentId, transactionId: "GW-0001", amountVnd, status: "succeeded" };
    const { raw, headers } = signed(body, paidAt);

    const response = await callbackRequest(raw, headers);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "recorded" });

    const [dossier] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    expect(dossier).toMatchObject({ status: "in_progress", clockStoppedAt: null });
    expect(dossier!.dueAt?.toISOString()).toBe(vn("2026-03-16T11:00:00").toISOString());
    const stops = await db.select().from(dossierClockStops).where(eq(dossierClockStops.dossierId, dossierId));
    expect(stops.map((s) => [s.reason, s.endedAt?.toISOString()])).toEqual([
      ["payment", paidAt.toISOString()],
    ]);

    const payment = await paymentRow(paymentId);
    expect(payment).toMatchObject({
      status: "paid",
      method: "online",
      provider: "gateway",
      providerTransactionId: "GW-0001",
      paidAmountVnd: amountVnd,
      recordedBy: null,
    });
    expect(payment.paidAt?.toISOString()).toBe(paidAt.toISOString());
    expect(payment.receiptNumber).toMatch(/^TT-20260312-[0-9a-f]{12}$/);

    const events = await paidEvents(dossierId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: world.applicantA.userId,
      fromStatus: "awaiting_payment",
      toStatus: "in_progress",
      details: expect.objectContaining({
        paymentId,
        amountVnd,
        method: "online",
        provider: "gateway",
        transactionId: "GW-0001",
      }),
    });
    const notices = await db.select().from(outbox).where(eq(outbox.kind, "dossier.paid"));
    expect(notices.filter((n) => (n.payload as { code?: string }).code === code)).toHaveLength(2);

    // The provider retries (a lost answer, a replay within the window): one payment, one event.
    for (const again of [signed(body, paidAt), signed(body, vn("2026-03-12T09:03:00"))]) {
      const replay = await callbackRequest(again.raw, again.headers);
      expect(replay.status).toBe(200);
      expect(await replay.json()).toEqual({ status: "already_recorded" });
    }
    expect(await paidEvents(dossierId)).toHaveLength(1);
    const rows = await db.select().from(dossierPayments).where(eq(dossierPayments.dossierId, dossierId));
    expect(rows).toHaveLength(1);
    expect((await paymentRow(paymentId)).receiptNumber).toBe(payment.receiptNumber);

    // Another transaction for a payment already settled is not recorded.
    const other = signed({ ...body, transactionId: "GW-0002" }, paidAt);
    const refused = await callbackRequest(other.raw, other.headers);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({ error: "payment_not_open" });
  });

  it("refuses a bad signature, a missing one, a stale timestamp and a wrong amount, and changes nothing", async () => {
    const { dossierId, paymentId, amountVnd } = await dossierAwaitingPayment(250_000);
    const now = vn("2026-03-11T14:00:00");
    vi.setSystemTime(now);
    const body = { paymentId, transactionId: "GW-1001", amountVnd, status: "succeeded" };

    const forged = signed(body, now, "not-the-secret");
    let response = await callbackRequest(forged.raw, forged.headers);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "signature_invalid" });

    // The body changed after signing: the signature covers the exact bytes.
    const tampered = signed(body, now);
    response = await callbackRequest(tampered.raw.replace("250000", "250001"), tampered.headers);
    expect(response.status).toBe(401);

    const unsigned = signed(body, now);
    unsigned.headers.delete("x-gateway-signature");
    response = await callbackRequest(unsigned.raw, unsigned.headers);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "signature_missing" });

    // Correctly signed six minutes ago (a replay): too old; and as far in the future.
    for (const at of [vn("2026-03-11T13:54:00"), vn("2026-03-11T14:06:00")]) {
      const stale = signed(body, at);
      response = await callbackRequest(stale.raw, stale.headers);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: "timestamp_stale" });
    }

    const short = signed({ ...body, amountVnd: amountVnd - 1 }, now);
    response = await callbackRequest(short.raw, short.headers);
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ error: "amount_mismatch" });

    const notJson = signed({}, now);
    response = await callbackRequest("{not json", new Headers(gatewayHeaders(secret, "{not json", now)));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "malformed" });
    response = await callbackRequest(notJson.raw, notJson.headers);
    expect(response.status).toBe(400);

    const unknownPayment = signed({ ...body, paymentId: crypto.randomUUID() }, now);
    response = await callbackRequest(unknownPayment.raw, unknownPayment.headers);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "payment_not_found" });

    const right = signed(body, now);
    response = await callbackRequest(right.raw, right.headers, "no-such-provider");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "unknown_provider" });

    expect(await paymentRow(paymentId)).toMatchObject({
      status: "requested",
      paidAt: null,
      receiptNumber: null,
    });
    expect(await paidEvents(dossierId)).toHaveLength(0);
    const [dossier] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    expect(dossier!.status).toBe("awaiting_payment");

    // A failed payment told by the provider is acknowledged and records nothing.
    const failed = signed({ ...body, status: "failed" }, now);
    response = await callbackRequest(failed.raw, failed.headers);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ignored" });
    expect((await paymentRow(paymentId)).status).toBe("requested");
  });

  it("refuses a cancelled payment", async () => {
    const { dossierId, paymentId, amountVnd } = await dossierAwaitingPayment(50_000);
    await db.update(dossierPayments).set({ status: "cancelled" }).where(eq(dossierPayments.id, paymentId));
    const now = vn("2026-03-11T09:00:00");
    const body = { paymentId, transactionId: "GW-2001", amountVnd, status: "succeeded" };
    const { raw, headers } = signed(body, now);
    const result = await recordProviderCallback("gateway", raw, headers, now);
    expect(result).toEqual({ ok: false, error: "payment_not_open" });
    expect(await paidEvents(dossierId)).toHaveLength(0);
  });

  it("refuses a payment whose dossier was withdrawn meanwhile", async () => {
    const { dossierId, paymentId, amountVnd } = await dossierAwaitingPayment(60_000);
    const [row] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    expectOk(await withdrawDossier(world.applicantA, { dossierId, version: row!.version, comment: "" }));
    const now = vn("2026-03-11T09:00:00");
    const { raw, headers } = signed(
      { paymentId, transactionId: "GW-3001", amountVnd, status: "succeeded" },
      now,
    );
    expect(await recordProviderCallback("gateway", raw, headers, now)).toEqual({
      ok: false,
      error: "payment_not_open",
    });
    // The withdrawal cancelled the open request in its own transaction; the callback leaves it so.
    expect((await paymentRow(paymentId)).status).toBe("cancelled");
  });

  it("records two deliveries of one transaction at the same time once", async () => {
    const { dossierId, paymentId, amountVnd } = await dossierAwaitingPayment(70_000);
    const now = vn("2026-03-11T10:00:00");
    const { raw, headers } = signed(
      { paymentId, transactionId: "GW-4001", amountVnd, status: "succeeded" },
      now,
    );
    const results = await Promise.all([
      recordProviderCallback("gateway", raw, headers, now),
      recordProviderCallback("gateway", raw, headers, now),
    ]);
    expect(results.map((r) => (r.ok ? r.value : r.error)).sort()).toEqual(["already_recorded", "recorded"]);
    expect(await paidEvents(dossierId)).toHaveLength(1);
  });

  it("adds up the agency's fees paid per day and unpaid, for its desk, head and administrator only", async () => {
    const { justice, head, specialist, otherSpecialist, applicantA } = world;
    const period = { from: "2026-03-01", to: "2026-03-31" };
    const report = expectOk(await getReconciliation(head, { agencyCode: justice.code, period }));
    const all = await db.select().from(dossierPayments).where(eq(dossierPayments.agencyId, justice.id));
    const paid = all.filter((p) => p.status === "paid");
    const unpaid = all.filter((p) => p.status === "requested");
    expect(report.paid).toEqual({
      count: paid.length,
      amountVnd: paid.reduce((n, p) => n + p.paidAmountVnd!, 0),
    });
    expect(report.unpaid).toEqual({
      count: unpaid.length,
      amountVnd: unpaid.reduce((n, p) => n + p.amountVnd, 0),
    });
    expect(report.days).toContainEqual({ date: "2026-03-12", count: 1, amountVnd: 100_000 });
    expect(report.days.map((d) => d.date)).toEqual([...report.days.map((d) => d.date)].sort());
    expect(report.rows).toHaveLength(all.length);
    expect(report.rows.every((row) => /^000\.00\.01\.H33-/.test(row.dossierCode ?? ""))).toBe(true);
    // Another month: nothing.
    const april = expectOk(
      await getReconciliation(head, {
        agencyCode: justice.code,
        period: { from: "2026-04-01", to: "2026-04-30" },
      }),
    );
    expect(april).toMatchObject({ paid: { count: 0 }, unpaid: { count: 0 }, rows: [] });
    // A specialist does not reconcile; nobody sees another agency's money.
    for (const actor of [specialist, otherSpecialist, applicantA]) {
      expect(await getReconciliation(actor, { agencyCode: justice.code, period })).toEqual({
        ok: false,
        error: "not_found",
      });
    }

    const csvRequest = (query: string) =>
      paymentsCsv(new NextRequest(`http://localhost/api/v1/agencies/${justice.code}/payments.csv?${query}`), {
        params: Promise.resolve({ code: justice.code }),
      });
    session.actor = head;
    const csv = await csvRequest("from=2026-03-01&to=2026-03-31&lang=vi");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split("\r\n");
    expect(lines[0]).toBe(
      "Mã hồ sơ,Số tiền (đồng),Trạng thái,Hình thức,Đơn vị thanh toán,Số biên lai,Thời điểm yêu cầu,Thời điểm thanh toán,Số tiền đã thu (đồng)",
    );
    expect(lines).toHaveLength(all.length + 1);
    expect(
      lines.some((line) => /,100000,Đã thanh toán,Trực tuyến,gateway,TT-20260312-[0-9a-f]{12},/.test(line)),
    ).toBe(true);
    expect((await csvRequest("from=2026-03-31&to=2026-03-01")).status).toBe(400);
    session.actor = specialist;
    expect((await csvRequest("from=2026-03-01&to=2026-03-31")).status).toBe(404);
  });

  it("sends only the dossier's applicant to pay a fee still asked for: the provider's page, the sandbox in demo mode, or nowhere", async () => {
    const { paymentId, code } = await dossierAwaitingPayment(80_000);
    const place = { lang: "vi", origin: "https://dichvucong.example.vn" };
    const saved = { ...process.env };
    try {
      delete process.env.PORTAL_DEMO_SEED;
      delete process.env.PAYMENT_GATEWAY_CHECKOUT_URL;
      // A secret but no checkout page, outside demo mode: nowhere to pay; and no sandbox.
      expect(await checkoutUrl(world.applicantA, paymentId, place)).toEqual({
        ok: false,
        error: "online_off",
      });
      expect(await getSandboxPayment(world.applicantA, paymentId)).toEqual({ ok: false, error: "not_found" });
      process.env.PAYMENT_GATEWAY_CHECKOUT_URL = "https://pay.example.vn/checkout";
      const url = new URL(expectOk(await checkoutUrl(world.applicantA, paymentId, place)));
      expect(Object.fromEntries(url.searchParams)).toEqual({
        paymentId,
        amount: "80000",
        reference: code,
        returnUrl: `https://dichvucong.example.vn/vi/dossiers/${encodeURIComponent(code)}`,
      });
      delete process.env.PAYMENT_GATEWAY_CHECKOUT_URL;
      process.env.PORTAL_DEMO_SEED = "1";
      expect(await checkoutUrl(world.applicantA, paymentId, place)).toEqual({
        ok: true,
        value: `/vi/payments/sandbox/${paymentId}`,
      });
      expect(expectOk(await getSandboxPayment(world.applicantA, paymentId))).toEqual({
        paymentId,
        amountVnd: 80_000,
        legalBasis: "Thông tư 85/2019/TT-BTC",
        dossierCode: code,
      });
      // Someone else's payment does not exist for them; staff do not pay.
      for (const actor of [world.applicantB, world.specialist]) {
        expect(await checkoutUrl(actor, paymentId, place)).toEqual({ ok: false, error: "not_found" });
        expect(await getSandboxPayment(actor, paymentId)).toEqual({ ok: false, error: "not_found" });
      }
      // Paid: nothing more to pay.
      await db.update(dossierPayments).set({ status: "cancelled" }).where(eq(dossierPayments.id, paymentId));
      expect(await checkoutUrl(world.applicantA, paymentId, place)).toEqual({ ok: false, error: "not_open" });
      // Without a secret and outside demo mode, online payment is off.
      delete process.env.PORTAL_DEMO_SEED;
      delete process.env.PAYMENT_GATEWAY_SECRET;
      const { getProvider } = await import("@/lib/payments/providers");
      expect(getProvider("gateway")).toBeNull();
    } finally {
      process.env = saved;
    }
  });
});
