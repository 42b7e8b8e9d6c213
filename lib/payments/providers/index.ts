import "server-only";
import { gatewayCheckoutUrl, gatewaySecret } from "../secret";
import { createGateway, gatewayName } from "./gateway";
import type { PaymentProvider } from "./types";

/*
 * The payment providers the portal knows, by the name in their callback URL
 * (/api/v1/payments/callback/[provider]). A provider without its secret is off: unknown here.
 */

export const providerNames = [gatewayName] as const;

export function getProvider(name: string): PaymentProvider | null {
  if (name === gatewayName) {
    const secret = gatewaySecret();
    return secret ? createGateway({ secret, checkoutUrl: gatewayCheckoutUrl() }) : null;
  }
  return null;
}

/** The provider the pay button sends applicants to, or null when online payment is off. */
export function onlineProvider(): PaymentProvider | null {
  return getProvider(gatewayName);
}

export type { PaymentProvider, ProviderCallback, CallbackRefusal, CheckoutRequest } from "./types";
