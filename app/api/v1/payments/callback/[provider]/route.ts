import { NextResponse, type NextRequest } from "next/server";
import { apiError } from "@/lib/http/errors";
import { recordProviderCallback, type CallbackError } from "@/lib/payments/online";

/**
 * A payment provider tells us a payment happened: server to server, signed with the secret we share
 * (lib/payments/providers). No session and no form token: the signature is the only credential.
 * The raw body is read as text, since the signature covers its exact bytes.
 */
const statusOf: Record<CallbackError, number> = {
  signature_missing: 401,
  signature_invalid: 401,
  timestamp_stale: 401,
  malformed: 400,
  unknown_provider: 404,
  payment_not_found: 404,
  amount_mismatch: 422,
  payment_not_open: 409,
};

/** Far more than any provider's JSON; a bigger body is not read. */
const maxBodyBytes = 16 * 1024;

export async function POST(request: NextRequest, { params }: { params: Promise<{ provider: string }> }) {
  const { provider } = await params;
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBodyBytes) return apiError(413, "body_too_large");
  let rawBody: string;
  try {
    rawBody = await request.text();
  } catch {
    return apiError(400, "malformed");
  }
  if (Buffer.byteLength(rawBody) > maxBodyBytes) return apiError(413, "body_too_large");
  try {
    const result = await recordProviderCallback(provider, rawBody, request.headers);
    if (!result.ok) return apiError(statusOf[result.error], result.error);
    return NextResponse.json({ status: result.value }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    // Never a stack trace to the provider; it retries on a 5xx, so say it is ours.
    console.error("payment callback failed", error);
    return apiError(503, "temporarily_unavailable");
  }
}

const notAllowed = () =>
  NextResponse.json(
    { error: "method_not_allowed", allowed: ["POST"] },
    { status: 405, headers: { Allow: "POST", "Cache-Control": "no-store" } },
  );
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
