import type { Result } from "@/lib/result";

/** What a provider's verified callback says happened to one of our payments. */
export type ProviderCallback = {
  /** Our dossier_payments row the provider was paid for. */
  paymentId: string;
  /** The provider's own id for the transaction (one payment per transaction). */
  transactionId: string;
  amountVnd: number;
  /** false: the provider reports a failed or abandoned payment; nothing is recorded. */
  succeeded: boolean;
};

/**
 * Why a callback is refused before anything is read from the database:
 * - signature_missing / signature_invalid: not signed by the provider with our shared secret;
 * - timestamp_stale: signed, but outside the replay window;
 * - malformed: signed, but the body is not the provider's JSON.
 */
export type CallbackRefusal = "signature_missing" | "signature_invalid" | "timestamp_stale" | "malformed";

/** What the provider's checkout page is told: our payment, what is owed, and where to come back. */
export type CheckoutRequest = {
  paymentId: string;
  amountVnd: number;
  /** Shown to the payer and in the provider's statement: the dossier code. */
  reference: string;
  returnUrl: string;
};

/**
 * A payment provider, as lib/payments uses it: where to send the payer, and how to trust what the
 * provider tells us afterwards. One adapter per provider; the registry (index.ts) names them.
 */
export interface PaymentProvider {
  readonly name: string;
  /** The provider's checkout page for this payment, or null when none is configured. */
  checkoutUrl(request: CheckoutRequest): string | null;
  /** Checks the callback's signature and freshness, then reads its body. Pure: `now` is given. */
  verifyCallback(rawBody: string, headers: Headers, now: Date): Result<ProviderCallback, CallbackRefusal>;
}
