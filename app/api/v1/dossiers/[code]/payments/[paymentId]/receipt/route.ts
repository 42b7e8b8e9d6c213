import type { NextRequest } from "next/server";
import { apiError, readOnlyRoute } from "@/lib/http/errors";
import { getActor } from "@/lib/identity/actor";
import { renderReceipt } from "@/lib/payments/receipt";
import { pdfResponse } from "@/lib/slips/http";

/**
 * The receipt of a paid fee as PDF (?lang=en: the English courtesy copy). Only the dossier's applicant
 * and the staff of its agencies get it; anyone else, an unpaid payment and another dossier's payment
 * get 404 alike. A language other than vi or en is a 400.
 */
export async function GET(
  request: NextRequest,
  { params }: { params: Promise<{ code: string; paymentId: string }> },
) {
  const { code, paymentId } = await params;
  const lang = request.nextUrl.searchParams.get("lang") ?? "vi";
  if (lang !== "vi" && lang !== "en")
    return apiError(400, "invalid_request", { issues: { lang: ["vi|en"] } });
  if (code.length > 100) return apiError(404, "not_found");
  const result = await renderReceipt(await getActor(), { code: code.toUpperCase(), paymentId, lang });
  if (!result.ok) return apiError(404, "not_found");
  return pdfResponse(result.value);
}

export const { POST, PUT, PATCH, DELETE } = readOnlyRoute();
