import { NextResponse, type NextRequest } from "next/server";
import { apiError, readOnlyRoute } from "@/lib/http/errors";
import { createI18n } from "@/lib/i18n/instance";
import { isLang } from "@/lib/i18n/settings";
import { getActor } from "@/lib/identity/actor";
import { reconciliationCsv } from "@/lib/payments/csv";
import { getReconciliation } from "@/lib/payments/reconciliation";
import { registerPeriod } from "@/lib/slips/rules";

/**
 * An agency's payments as CSV, ?from=YYYY-MM-DD&to=YYYY-MM-DD (Vietnam dates, both included, at most
 * a year)&lang=vi|en: the same rows as /[lang]/staff/payments, for the staff who reconcile that
 * agency's fees only; anyone else 404.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ code: string }> }) {
  const search = request.nextUrl.searchParams;
  const lang = search.get("lang") || "vi";
  const period = registerPeriod({ from: search.get("from") ?? "", to: search.get("to") ?? "" });
  if (!isLang(lang) || !period.ok) {
    const issues = {
      ...(isLang(lang) ? {} : { lang: ["errors.lang"] }),
      ...(period.ok ? {} : period.issues),
    };
    return apiError(400, "invalid_query", { issues });
  }
  const code = decodeURIComponent((await params).code);
  const result = await getReconciliation(await getActor(), { agencyCode: code, period: period.value });
  if (!result.ok) return apiError(404, "not_found");
  const t = createI18n(lang).getFixedT(lang, "payments");
  const fileName = `payments-${code}-${period.value.from}-${period.value.to}.csv`;
  return new NextResponse(
    reconciliationCsv(result.value, lang, (key) => t(`reconciliation.${key}`)),
    {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "private, no-store",
      },
    },
  );
}

export const { POST, PUT, PATCH, DELETE } = readOnlyRoute();
