import { readOnlyRoute } from "@/lib/http/errors";
import { NextResponse, type NextRequest } from "next/server";
import { createI18n } from "@/lib/i18n/instance";
import { isLang } from "@/lib/i18n/settings";
import { transparencyCsv } from "@/lib/reports/csv";
import { resolveWindow } from "@/lib/reports/rules";
import { parseTransparencyQuery } from "@/lib/reports/schema";
import { getTransparencyReport } from "@/lib/reports/service";
import { issuesOf } from "@/lib/result";

/**
 * Open data: the transparency figures as CSV, the same numbers as /[lang]/transparency.
 * ?from=YYYY-MM&to=YYYY-MM&agency=<agency code>&lang=vi|en; bad parameters are a 400 JSON.
 */
export async function GET(request: NextRequest) {
  const search = request.nextUrl.searchParams;
  const lang = search.get("lang") || "vi";
  if (!isLang(lang)) return badRequest({ lang: ["errors.lang"] });
  const parsed = parseTransparencyQuery(Object.fromEntries(search));
  if (!parsed.success) return badRequest(issuesOf(parsed.error));
  const now = new Date();
  const window = resolveWindow(parsed.data, now);
  if (!window.ok) return badRequest({ [window.field]: [window.message] });
  const result = await getTransparencyReport(
    { from: window.from, to: window.to, agencyCode: parsed.data.agency },
    now,
  );
  if (!result.ok) return badRequest({ agency: ["errors.unknownAgency"] });

  const t = createI18n(lang).getFixedT(lang, "reports");
  const agencyPart = result.value.agency ? `-${result.value.agency.code}` : "";
  const fileName = `transparency${agencyPart}-${window.from}-${window.to}.csv`;
  return new NextResponse(
    transparencyCsv(result.value, lang, (key) => t(key)),
    {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "no-store",
      },
    },
  );
}

function badRequest(issues: Record<string, string[]>) {
  return NextResponse.json(
    { error: "invalid_query", issues },
    { status: 400, headers: { "Cache-Control": "no-store" } },
  );
}

export const { POST, PUT, PATCH, DELETE } = readOnlyRoute();
