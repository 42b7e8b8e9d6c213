import "server-only";
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { dossierPayments } from "@/db/schema/payments";
import { dossierFacts } from "@/lib/dossiers/facts";
import { publicOrigin, trustedProxyHops } from "@/lib/identity/rules";
import { applicantAccess, type Actor } from "@/lib/identity/types";
import { err, ok, type Result } from "@/lib/result";
import { onlineProvider } from "./providers";
import { gatewayHeaders, gatewayName, type GatewayBody } from "./providers/gateway";
import { demoMode, gatewaySecret } from "./secret";

/*
 * The applicant's side of online payment: the pay button's redirect to the provider, and the
 * sandbox provider that stands in for one in demo mode. Both are only for the dossier's own
 * applicant and a payment still requested. The payment itself is recorded only by the provider's
 * signed callback (online.ts); nothing here marks anything paid.
 */

export type CheckoutError = "not_found" | "not_open" | "online_off";

/** A requested payment, as its payer sees it before paying. */
export type PayablePayment = {
  paymentId: string;
  amountVnd: number;
  legalBasis: string | null;
  dossierCode: string;
};

const uuid = z.uuid();

async function payableFor(actor: Actor, paymentId: string): Promise<Result<PayablePayment, CheckoutError>> {
  if (actor.kind !== "applicant" || !uuid.safeParse(paymentId).success) return err("not_found");
  const db = await getDb();
  const [payment] = await db.select().from(dossierPayments).where(eq(dossierPayments.id, paymentId)).limit(1);
  if (!payment) return err("not_found");
  const dossier = (await dossierFacts([payment.dossierId], db)).get(payment.dossierId);
  // The dossier's applicant (for an organisation's dossier, its owners and filers) only: someone
  // else's payment does not exist for them.
  if (!dossier || applicantAccess(actor, dossier) !== "act" || !dossier.code) return err("not_found");
  if (payment.status !== "requested" || dossier.status !== "awaiting_payment") return err("not_open");
  return ok({
    paymentId,
    amountVnd: payment.amountVnd,
    legalBasis: payment.legalBasis,
    dossierCode: dossier.code,
  });
}

/** Where the pay button sends the applicant: the provider's checkout page, or the sandbox in demo mode. */
export async function checkoutUrl(
  actor: Actor,
  paymentId: string,
  place: { lang: string; origin: string },
): Promise<Result<string, CheckoutError>> {
  const payable = await payableFor(actor, paymentId);
  if (!payable.ok) return payable;
  const provider = onlineProvider();
  if (!provider) return err("online_off");
  const returnUrl = `${place.origin}/${place.lang}/dossiers/${encodeURIComponent(payable.value.dossierCode)}`;
  const external = provider.checkoutUrl({
    paymentId,
    amountVnd: payable.value.amountVnd,
    reference: payable.value.dossierCode,
    returnUrl,
  });
  if (external) return ok(external);
  if (demoMode()) return ok(`/${place.lang}/payments/sandbox/${encodeURIComponent(paymentId)}`);
  return err("online_off");
}

/** The sandbox provider exists only in demo mode, and only with a secret to sign with. */
export function sandboxEnabled(): boolean {
  return demoMode() && gatewaySecret() !== null;
}

/** What the sandbox page shows: the payment of the signed-in applicant, still requested. */
export async function getSandboxPayment(
  actor: Actor,
  paymentId: string,
): Promise<Result<PayablePayment, CheckoutError>> {
  if (!sandboxEnabled()) return err("not_found");
  return payableFor(actor, paymentId);
}

export type SandboxPaid = { dossierCode: string; outcome: "recorded" | "already_recorded" };
export type SandboxError = CheckoutError | "callback_refused";

/**
 * The sandbox's "Pay": it does what a provider does after the payer paid. It signs the provider's
 * JSON with the shared secret and posts it over HTTP to the portal's own callback endpoint, so the
 * demo exercises the same path as a real provider (signature, window, amount, idempotence).
 */
export async function paySandbox(
  actor: Actor,
  paymentId: string,
  origin: string,
  now: () => Date = () => new Date(),
): Promise<Result<SandboxPaid, SandboxError>> {
  const payable = await getSandboxPayment(actor, paymentId);
  if (!payable.ok) return payable;
  const secret = gatewaySecret();
  if (!secret) return err("online_off");
  const body: GatewayBody = {
    paymentId,
    transactionId: `SANDBOX-${crypto.randomUUID()}`,
    amountVnd: payable.value.amountVnd,
    status: "succeeded",
  };
  const raw = JSON.stringify(body);
  let answer: { status?: string; error?: string } = {};
  let status = 0;
  try {
    const response = await fetch(`${origin}/api/v1/payments/callback/${gatewayName}`, {
      method: "POST",
      headers: gatewayHeaders(secret, raw, now()),
      body: raw,
      cache: "no-store",
      redirect: "manual",
      signal: AbortSignal.timeout(15_000),
    });
    status = response.status;
    answer = (await response.json().catch(() => ({}))) as typeof answer;
  } catch (error) {
    console.error("sandbox callback could not be sent", error);
    return err("callback_refused");
  }
  if (status === 200 && (answer.status === "recorded" || answer.status === "already_recorded")) {
    return ok({ dossierCode: payable.value.dossierCode, outcome: answer.status });
  }
  console.error("sandbox callback refused", status, answer);
  return err(status === 409 ? "not_open" : "callback_refused");
}

/** The portal's own address as the request that is being served names it (AUTH_URL first). */
export function originOf(headers: Headers): string | null {
  const env = process.env;
  return publicOrigin({
    authUrl: env.AUTH_URL ?? env.NEXTAUTH_URL,
    trustProxy: trustedProxyHops(env) > 0 || /^(1|true|yes)$/i.test(env.AUTH_TRUST_HOST ?? ""),
    host: headers.get("host"),
    forwardedHost: headers.get("x-forwarded-host"),
    forwardedProto: headers.get("x-forwarded-proto"),
    requestProtocol: "http:",
  });
}
