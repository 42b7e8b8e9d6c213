import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  createGateway,
  gatewayHeaders,
  replayWindowSeconds,
  signGatewayBody,
} from "@/lib/payments/providers/gateway";

const secret = "unit-test-secret";
const gateway = createGateway({ secret, checkoutUrl: "https://pay.example.vn/checkout?merchant=hy" });
const now = new Date("2026-03-11T07:00:00Z");
const body = JSON.stringify({
  paymentId: "7d1f7a1e-2c55-4a53-9a3c-3f0b0e6f9a10",
  transactionId: "GW-1",
  amountVnd: 100000,
  status: "succeeded",
});

const headersAt = (at: Date, raw = body, key = secret) => new Headers(gatewayHeaders(key, raw, at));

describe("the gateway's signature", () => {
  it("is hex HMAC-SHA256 of `timestamp.body` with the shared secret", () => {
    const expected = crypto.createHmac("sha256", secret).update(`1773212400.${body}`).digest("hex");
    expect(signGatewayBody(secret, 1773212400, body)).toBe(expected);
    const headers = headersAt(now);
    expect(headers.get("x-gateway-timestamp")).toBe(String(now.getTime() / 1000));
    expect(headers.get("x-gateway-signature")).toBe(signGatewayBody(secret, now.getTime() / 1000, body));
  });

  it("accepts a signed callback and reads its body", () => {
    expect(gateway.verifyCallback(body, headersAt(now), now)).toEqual({
      ok: true,
      value: {
        paymentId: "7d1f7a1e-2c55-4a53-9a3c-3f0b0e6f9a10",
        transactionId: "GW-1",
        amountVnd: 100000,
        succeeded: true,
      },
    });
    // Upper-case hex is the same signature.
    const headers = headersAt(now);
    headers.set("x-gateway-signature", headers.get("x-gateway-signature")!.toUpperCase());
    expect(gateway.verifyCallback(body, headers, now).ok).toBe(true);
  });

  it("refuses another secret, a changed body, a cut or non-hex signature, and missing headers", () => {
    const refusal = (raw: string, headers: Headers) => {
      const result = gateway.verifyCallback(raw, headers, now);
      return result.ok ? "accepted" : result.error;
    };
    expect(refusal(body, headersAt(now, body, "other"))).toBe("signature_invalid");
    expect(refusal(body.replace("100000", "1000000"), headersAt(now))).toBe("signature_invalid");
    const cut = headersAt(now);
    cut.set("x-gateway-signature", cut.get("x-gateway-signature")!.slice(0, 62));
    expect(refusal(body, cut)).toBe("signature_invalid");
    const notHex = headersAt(now);
    notHex.set("x-gateway-signature", "z".repeat(64));
    expect(refusal(body, notHex)).toBe("signature_invalid");
    // The timestamp is signed too: moving it breaks the signature.
    const moved = headersAt(now);
    moved.set("x-gateway-timestamp", String(now.getTime() / 1000 + 1));
    expect(refusal(body, moved)).toBe("signature_invalid");
    const noTimestamp = headersAt(now);
    noTimestamp.delete("x-gateway-timestamp");
    expect(refusal(body, noTimestamp)).toBe("signature_missing");
    expect(refusal(body, new Headers())).toBe("signature_missing");
    const notANumber = headersAt(now);
    notANumber.set("x-gateway-timestamp", "yesterday");
    expect(refusal(body, notANumber)).toBe("signature_invalid");
  });

  it("holds a five-minute window either way against replays", () => {
    const shifted = (seconds: number) => new Date(now.getTime() + seconds * 1000);
    for (const seconds of [-replayWindowSeconds, -60, 0, 60, replayWindowSeconds]) {
      expect(gateway.verifyCallback(body, headersAt(shifted(seconds)), now).ok).toBe(true);
    }
    for (const seconds of [-replayWindowSeconds - 1, replayWindowSeconds + 1, -86_400]) {
      expect(gateway.verifyCallback(body, headersAt(shifted(seconds)), now)).toEqual({
        ok: false,
        error: "timestamp_stale",
      });
    }
  });

  it("refuses a signed body that is not the provider's JSON", () => {
    for (const raw of [
      "",
      "{",
      "[]",
      JSON.stringify({ paymentId: "x", amountVnd: "100", status: "succeeded" }),
    ]) {
      expect(gateway.verifyCallback(raw, headersAt(now, raw), now)).toEqual({
        ok: false,
        error: "malformed",
      });
    }
    const failed = body.replace("succeeded", "failed");
    expect(gateway.verifyCallback(failed, headersAt(now, failed), now)).toMatchObject({
      ok: true,
      value: { succeeded: false },
    });
  });

  it("sends the payer to the checkout page with the payment, amount, reference and way back", () => {
    const url = new URL(
      gateway.checkoutUrl({
        paymentId: "p-1",
        amountVnd: 100000,
        reference: "000.00.01.H33-260306-0001",
        returnUrl: "https://dichvucong.example.vn/vi/dossiers/000.00.01.H33-260306-0001",
      })!,
    );
    expect(url.origin + url.pathname).toBe("https://pay.example.vn/checkout");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      merchant: "hy",
      paymentId: "p-1",
      amount: "100000",
      reference: "000.00.01.H33-260306-0001",
      returnUrl: "https://dichvucong.example.vn/vi/dossiers/000.00.01.H33-260306-0001",
    });
    expect(
      createGateway({ secret }).checkoutUrl({ paymentId: "p", amountVnd: 1, reference: "r", returnUrl: "/" }),
    ).toBeNull();
  });
});
