import { NextResponse, type NextRequest } from "next/server";
import { apiError, readOnlyRoute } from "@/lib/http/errors";
import { createI18n } from "@/lib/i18n/instance";
import { isLang } from "@/lib/i18n/settings";
import { getActor } from "@/lib/identity/actor";
import { tasksCsv } from "@/lib/tasks/csv";
import { taskDashboard } from "@/lib/tasks/service";

/**
 * The chair's dashboard's tasks as CSV, ?body=<code>&lang=vi|en: every task of the body with its
 * shown status, overdue first, for those who see the dashboard only (anyone else 404). UTF-8 with
 * a byte-order mark so Excel shows Vietnamese correctly.
 */
export async function GET(request: NextRequest) {
  const search = request.nextUrl.searchParams;
  const lang = search.get("lang") || "vi";
  if (!isLang(lang)) return apiError(400, "invalid_query", { issues: { lang: ["errors.lang"] } });
  const now = new Date();
  const result = await taskDashboard(await getActor(), search.get("body"), now);
  if (!result.ok) return apiError(404, "not_found");
  const t = createI18n(lang).getFixedT(lang, "workspace");
  const day = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  const fileName = `tasks-${result.value.body.code}-${day}.csv`;
  return new NextResponse(
    tasksCsv(result.value, lang, (key) => t(`tasks.${key}`)),
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
