import "server-only";
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { dataDir } from "@/db/client";

/** Demo mode: the portal seeds demo data (npm start's default); the sandbox provider lives only here. */
export function demoMode(): boolean {
  return process.env.PORTAL_DEMO_SEED === "1";
}

/**
 * The secret shared with the payment gateway: PAYMENT_GATEWAY_SECRET in a real deployment. In demo
 * mode without it, one is generated once into the data folder (as the session secret is), so the
 * sandbox can sign callbacks with no set-up. Otherwise null: online payment is off.
 */
export function gatewaySecret(): string | null {
  if (process.env.PAYMENT_GATEWAY_SECRET) return process.env.PAYMENT_GATEWAY_SECRET;
  if (!demoMode()) return null;
  const file = path.join(dataDir(), "payment-gateway-secret");
  try {
    const kept = fs.readFileSync(file, "utf8").trim();
    if (kept) return kept;
  } catch {
    // Not made yet.
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = crypto.randomBytes(32).toString("base64url");
  try {
    // "wx": two processes starting at once keep the first one's secret.
    fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  } catch {
    return fs.readFileSync(file, "utf8").trim();
  }
}

/** A real provider's checkout page (PAYMENT_GATEWAY_CHECKOUT_URL), or null. */
export function gatewayCheckoutUrl(): string | null {
  const url = process.env.PAYMENT_GATEWAY_CHECKOUT_URL?.trim();
  if (!url) return null;
  try {
    return new URL(url).toString();
  } catch {
    return null;
  }
}
