import type { NextRequest } from "next/server";
import { apiError, readOnlyRoute } from "@/lib/http/errors";
import { getActor } from "@/lib/identity/actor";
import { issuesOf } from "@/lib/result";
import { pdfResponse } from "@/lib/slips/http";
import { registerPeriod } from "@/lib/slips/rules";
import { registerRequestSchema } from "@/lib/slips/schema";
import { renderRegister } from "@/lib/slips/service";

/**
 * The dossier tracking register (slip 07) of an agency, ?from=YYYY-MM-DD&to=YYYY-MM-DD (Vietnam
 * dates, both included, at most a year), for the staff of that agency only; anyone else 404.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ code: string }> }) {
  const search = request.nextUrl.searchParams;
  const parsed = registerRequestSchema.safeParse({
    agency: (await params).code,
    lang: search.get("lang") ?? undefined,
  });
  const period = registerPeriod({ from: search.get("from") ?? "", to: search.get("to") ?? "" });
  if (!parsed.success || !period.ok) {
    const issues = { ...(parsed.success ? {} : issuesOf(parsed.error)), ...(period.ok ? {} : period.issues) };
    return apiError(400, "invalid_query", { issues });
  }
  const result = await renderRegister(await getActor(), {
    agencyCode: parsed.data.agency,
    period: period.value,
    lang: parsed.data.lang,
  });
  if (!result.ok) return apiError(404, "not_found");
  return pdfResponse(result.value);
}

export const { POST, PUT, PATCH, DELETE } = readOnlyRoute();
