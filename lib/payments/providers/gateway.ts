import crypto from "node:crypto";
import { z } from "zod";
import { err, ok } from "@/lib/result";
import type { CheckoutRequest, PaymentProvider } from "./types";

/*
 * "gateway": a provider shaped like the Vietnamese payment gateways (a hosted checkout page, then a
 * server-to-server callback signed with a shared secret). The callback carries
 *   X-Gateway-Timestamp: unix seconds when the provider signed it
 *   X-Gateway-Signature: hex HMAC-SHA256(secret, `${timestamp}.${rawBody}`)
 * and a JSON body {paymentId, transactionId, amountVnd, status: "succeeded" | "failed"}.
 * The signature covers the timestamp, and a timestamp more than five minutes from our clock is
 * refused, so a captured callback cannot be replayed later; a replay inside the window is harmless
 * (the transaction id is recorded once).
 */

export const gatewayName = "gateway";
export const timestampHeader = "x-gateway-timestamp";
export const signatureHeader = "x-gateway-signature";
/** How far the provider's clock and ours may differ, either way. */
export const replayWindowSeconds = 5 * 60;

export const gatewayBodySchema = z.object({
  paymentId: z.string().min(1).max(100),
  transactionId: z.string().trim().min(1).max(100),
  amountVnd: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  status: z.enum(["succeeded", "failed"]),
});
export type GatewayBody = z.infer<typeof gatewayBodySchema>;

/** The signature of a body sent at `timestamp` (unix seconds): what the provider computes. */
export function signGatewayBody(secret: string, timestamp: number | string, rawBody: string): string {
  return crypto.createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex");
}

/** The headers a provider sends with a body signed now (the sandbox and the tests use it). */
export function gatewayHeaders(secret: string, rawBody: string, now: Date): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    "content-type": "application/json",
    "X-Gateway-Timestamp": String(timestamp),
    "X-Gateway-Signature": signGatewayBody(secret, timestamp, rawBody),
  };
}

/** Constant-time comparison of two hex signatures; different lengths are simply unequal. */
function sameSignature(expectedHex: string, givenHex: string): boolean {
  if (!/^[0-9a-f]+$/i.test(givenHex)) return false;
  const expected = Buffer.from(expectedHex, "hex");
  const given = Buffer.from(givenHex.toLowerCase(), "hex");
  return given.length === expected.length && crypto.timingSafeEqual(expected, given);
}

export function createGateway(config: { secret: string; checkoutUrl?: string | null }): PaymentProvider {
  return {
    name: gatewayName,

    checkoutUrl(request: CheckoutRequest): string | null {
      if (!config.checkoutUrl) return null;
      const url = new URL(config.checkoutUrl);
      url.searchParams.set("paymentId", request.paymentId);
      url.searchParams.set("amount", String(request.amountVnd));
      url.searchParams.set("reference", request.reference);
      url.searchParams.set("returnUrl", request.returnUrl);
      return url.toString();
    },

    verifyCallback(rawBody, headers, now) {
      const timestamp = headers.get(timestampHeader)?.trim();
      const signature = headers.get(signatureHeader)?.trim();
      if (!timestamp || !signature) return err("signature_missing");
      if (!/^\d{1,12}$/.test(timestamp)) return err("signature_invalid");
      if (!sameSignature(signGatewayBody(config.secret, timestamp, rawBody), signature)) {
        return err("signature_invalid");
      }
      if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > replayWindowSeconds) {
        return err("timestamp_stale");
      }
      let json: unknown;
      try {
        json = JSON.parse(rawBody);
      } catch {
        return err("malformed");
      }
      const body = gatewayBodySchema.safeParse(json);
      if (!body.success) return err("malformed");
      const { paymentId, transactionId, amountVnd, status } = body.data;
      return ok({ paymentId, transactionId, amountVnd, succeeded: status === "succeeded" });
    },
  };
}
